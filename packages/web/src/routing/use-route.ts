// Subscribes React to the browser's location and moves it with pushState (no router dependency).
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.ts';

const navigationEvent = 'flotilla:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** The route of the current URL, re-rendering on back/forward and on navigate(). */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentPath));
}

/** Moves to `pathname` as a new history entry. */
export function navigate(pathname: string): void {
  if (pathname === window.location.pathname) return;
  window.history.pushState(null, '', pathname);
  window.dispatchEvent(new Event(navigationEvent));
}
