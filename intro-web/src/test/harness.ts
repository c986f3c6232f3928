// A store over the real client and msw, with a live connection the test drives by hand.
import { vi } from 'vitest';
import { createApi } from '../api/client';
import type { LiveOptions } from '../api/events';
import { createAppStore } from '../store/appStore';

export function harness(now: () => number = Date.now) {
  const lives: LiveOptions[] = [];
  const closed = vi.fn();
  const holder: { store?: ReturnType<typeof createAppStore> } = {};
  const api = createApi(() => holder.store?.getState().session?.token ?? null);
  const store = createAppStore({
    api,
    now,
    live: (options) => {
      lives.push(options);
      return { start: () => options.onStatus('live'), close: closed };
    },
  });
  holder.store = store;
  return { store, api, lives, closed };
}
