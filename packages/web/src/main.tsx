// Browser entry: adopt a token handed over in the URL fragment, then mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptTokenFromFragment } from './api/token-store.ts';
import { App } from './app.tsx';

adoptTokenFromFragment(window.location, window.history);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
