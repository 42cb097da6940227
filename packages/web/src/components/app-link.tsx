// An in-app link: a real <a href> (open in new tab still works) that navigates with the History API.
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routing/use-route.ts';

type Props = { readonly href: string; readonly className?: string; readonly children: ReactNode };

function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A link to another dashboard page. */
export function AppLink({ href, className, children }: Props) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
