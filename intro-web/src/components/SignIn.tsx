import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store/appStore';

/**
 * The sign-in screen. In dev mode it offers the demo users and takes a token from the dev
 * endpoint; in jwt mode the host hands the token over and this screen says so.
 */
export function SignIn() {
  const mode = useApp((s) => s.mode);
  const users = useApp((s) => s.devUsers);
  const error = useApp((s) => s.signInError);
  const signIn = useApp((s) => s.signInDev);
  const [operator, setOperator] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const go = async (userId: string) => {
    setBusy(true);
    await signIn(userId, operator);
    setBusy(false);
  };

  return (
    <main id="main" className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" tabIndex={-1} ref={heading}>
        Sign in
      </h1>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {mode === 'unknown' ? <p className="muted">Checking how to sign in…</p> : null}
      {mode === 'jwt' ? (
        <p>
          This page is opened signed in from your organisation’s portal, which hands it your
          session. Go back to the portal and open the intro page from there.
        </p>
      ) : null}
      {mode === 'dev' ? (
        <>
          <p>Development mode: choose a demo user. Nothing here is checked.</p>
          <label className="operator-choice">
            <input
              type="checkbox"
              checked={operator}
              onChange={() => setOperator(!operator)}
            />
            Include the operators’ role (intro:admin)
          </label>
          <ul className="user-list">
            {users.map((user) => (
              <li key={user.userId}>
                <button
                  type="button"
                  disabled={busy}
                  aria-describedby={`user-${user.userId}-name`}
                  onClick={() => void go(user.userId)}
                >
                  Sign in as {user.userId}
                </button>
                <span id={`user-${user.userId}-name`} className="muted">
                  {user.displayName}
                </span>
              </li>
            ))}
          </ul>
          {users.length === 0 ? <p className="muted">No demo users were found.</p> : null}
        </>
      ) : null}
    </main>
  );
}
