import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './App';
import { createAppStore } from './store/appStore';
import './styles.css';

// The client reads the token from the store at each call.
const api = createApi(() => store.getState().session?.token ?? null);
const store = createAppStore({ api });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} api={api} />
    </StrictMode>,
  );
}
