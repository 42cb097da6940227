// The dashboard's root: signed out shows the token form, signed in shows the fleet.
import { useCallback, useState } from 'react';
import { clearToken, readToken, saveToken } from './api/token-store.ts';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { SignedInApp } from './signed-in-app.tsx';

/** The whole app; the token lives in sessionStorage so a reload stays signed in. */
export function App() {
  const [token, setToken] = useState(readToken);
  const [notice, setNotice] = useState<string | null>(null);
  const signIn = useCallback((value: string) => {
    saveToken(value);
    setNotice(null);
    setToken(value);
  }, []);
  const signOut = useCallback((message: string) => {
    clearToken();
    setToken(null);
    setNotice(message);
  }, []);
  const onUnauthenticated = useCallback(
    (message: string) => signOut(`The hub did not accept this token (${message}). Sign in again.`),
    [signOut],
  );
  if (token === null) return <SignInPage notice={notice} onSignIn={signIn} />;
  return (
    <SignedInApp
      key={token}
      token={token}
      onSignOut={() => signOut('You signed out.')}
      onUnauthenticated={onUnauthenticated}
    />
  );
}
