import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { Api } from './api/client';
import type { PersonalizationData } from './api/types';
import { IntroPage } from './components/IntroPage';
import { SignIn } from './components/SignIn';
import { AppContext, useApp, type AppState } from './store/appStore';

/** Stores already initialised: a remount (StrictMode's included) does not start again. */
const started = new WeakSet<StoreApi<AppState>>();

const THEMES: Record<string, string> = { LIGHT: 'light', DARK: 'dark' };

/** Puts the user's theme and density on the document, where the CSS reads them. */
function useDocumentPreferences(root: HTMLElement) {
  const data = useApp(
    (s) => s.sections.find((x) => x.key === 'personalization')?.data as PersonalizationData | undefined,
  );
  const signedIn = useApp((s) => s.session !== null);
  const theme = signedIn ? data?.theme : undefined;
  const density = signedIn ? data?.density : undefined;
  useEffect(() => {
    const value = theme ? THEMES[theme] : undefined;
    if (value) root.setAttribute('data-theme', value);
    else root.removeAttribute('data-theme');
    if (density === 'COMPACT') root.setAttribute('data-density', 'compact');
    else root.removeAttribute('data-density');
  }, [root, theme, density]);
}

function Shell({ api }: { api: Api }) {
  const session = useApp((s) => s.session);
  const announcement = useApp((s) => s.announcement);
  const signOut = useApp((s) => s.signOut);
  useDocumentPreferences(document.documentElement);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the page
      </a>
      <header className="top">
        <span className="brand">Intro Page</span>
        {session ? (
          <button type="button" className="quiet" onClick={() => signOut()}>
            Sign out
          </button>
        ) : null}
      </header>
      {session ? <IntroPage api={api} /> : <SignIn />}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}

/** The whole page: sign-in until there is a session, then the user's intro page. */
export function App({ store, api }: { store: StoreApi<AppState>; api: Api }) {
  useEffect(() => {
    if (!started.has(store)) {
      started.add(store);
      void store.getState().init();
    }
  }, [store]);
  return (
    <AppContext.Provider value={store}>
      <Shell api={api} />
    </AppContext.Provider>
  );
}
