// The sign-in form: the user pastes an API token (the demo prints the admin one).
import { useState, type FormEvent } from 'react';

type Props = {
  /** Why the user is here again (rejected token, signed out), or null on a first visit. */
  readonly notice: string | null;
  readonly onSignIn: (token: string) => void;
};

/** Asks for an API token. */
export function SignInPage({ notice, onSignIn }: Props) {
  const [token, setToken] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (token.trim() !== '') onSignIn(token.trim());
  };
  return (
    <main className="sign-in">
      <h1>Sign in to Flotilla</h1>
      <div aria-live="assertive">
        {notice !== null && (
          <p role="alert" className="error">
            {notice}
          </p>
        )}
      </div>
      <form onSubmit={onSubmit}>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <p className="hint">
          Paste an API token. <code>npm start</code> prints the admin token and writes it to{' '}
          <code>.flotilla/admin-token</code>.
        </p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
