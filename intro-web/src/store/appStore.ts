// The page's state in one Zustand store: who is signed in, the page's sections with their states,
// optimistic action writes, the activity feed's older pages, preference saves with their
// conflicts, and the live stream's status. Components read it through `useApp`.
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { ApiError } from '../api/client';
import { LiveUpdates, type LiveOptions } from '../api/events';
import type { AppState, AuthMode, StoreDeps } from './appState';
import type { ActionCommand, ActionsData, DevUser, PersonalizationData } from '../api/types';
import {
  clearSession,
  keepSession,
  readToken,
  storedSession,
  takeFragmentToken,
  type Session,
} from '../auth';
import {
  failedSlot,
  loadingSlot,
  SKELETON_ORDER,
  slotOf,
  slotsOf,
  type SectionSlot,
} from './sections';

export type { AppState, AuthMode, SaveOutcome, StoreDeps } from './appState';

const VERB: Record<ActionCommand, string> = {
  complete: 'Completed',
  dismiss: 'Dismissed',
  snooze: 'Snoozed',
};

function personalizationOf(sections: SectionSlot[]): PersonalizationData | null {
  const slot = sections.find((s) => s.key === 'personalization');
  return (slot?.data as PersonalizationData | null | undefined) ?? null;
}

function openCountOf(sections: SectionSlot[]): number | null {
  const data = sections.find((s) => s.key === 'actions')?.data as ActionsData | null | undefined;
  return data ? data.openCount : null;
}

export function createAppStore(deps: StoreDeps): StoreApi<AppState> {
  const now = deps.now ?? Date.now;
  const makeLive = deps.live ?? ((options: LiveOptions) => new LiveUpdates(options));
  let live: Pick<LiveUpdates, 'start' | 'close'> | null = null;
  let pageRequest = 0;

  return createStore<AppState>()((set, get) => {
    const stopLive = () => {
      live?.close();
      live = null;
    };

    const startLive = (session: Session) => {
      stopLive();
      live = makeLive({
        userId: session.userId,
        token: () => get().session?.token ?? null,
        onPage: (page, tag) => get().applyPage(page, tag ? `W/"${tag}"` : null, true),
        onStatus: (status) => set({ live: status }),
        onUnauthorized: () => get().signOut('Your session has ended. Please sign in again.'),
      });
      live.start();
    };

    const handleAuthError = (error: unknown): boolean => {
      if (error instanceof ApiError && error.status === 401) {
        get().signOut('Your session has ended. Please sign in again.');
        return true;
      }
      return false;
    };

    const begin = (session: Session) => {
      keepSession(session, (deps.win ?? window).sessionStorage);
      set({
        session,
        signInError: null,
        sections: SKELETON_ORDER.map((key) => loadingSlot(key)),
        etag: null,
        pageError: null,
        pendingActions: {},
        settledActions: {},
        actionError: null,
        olderActivity: [],
        activityCursor: undefined,
        activityError: null,
        preferencesConflict: false,
        preferencesError: null,
      });
      void get()
        .loadPage()
        .then(() => {
          if (get().session === session) startLive(session);
        });
    };

    return {
      mode: 'unknown',
      devUsers: [],
      signInError: null,
      session: null,
      sections: [],
      etag: null,
      pageError: null,
      pendingActions: {},
      settledActions: {},
      actionError: null,
      olderActivity: [],
      activityCursor: undefined,
      activityLoading: false,
      activityError: null,
      live: 'off',
      announcement: '',
      preferencesConflict: false,
      preferencesError: null,

      async init() {
        const win = deps.win ?? window;
        takeFragmentToken(win);
        let mode: AuthMode;
        try {
          mode = (await deps.api.session()).authMode === 'jwt' ? 'jwt' : 'dev';
        } catch {
          mode = 'unknown';
        }
        let devUsers: DevUser[] = [];
        if (mode !== 'jwt') {
          try {
            devUsers = await deps.api.devUsers();
            mode = 'dev';
          } catch (error) {
            if (mode === 'unknown') mode = 'jwt';
            else set({ signInError: (error as Error).message });
          }
        }
        set({ mode, devUsers });
        const session = storedSession(win.sessionStorage);
        if (session) begin(session);
      },

      async signInDev(userId, asOperator = false) {
        set({ signInError: null });
        try {
          const token = await deps.api.devToken(userId, asOperator ? ['intro:admin'] : undefined);
          const read = readToken(token) ?? {
            token,
            userId,
            roles: asOperator ? ['intro:admin'] : [],
          };
          const displayName = get().devUsers.find((u) => u.userId === userId)?.displayName ?? null;
          begin({ ...read, displayName });
        } catch (error) {
          set({ signInError: (error as Error).message });
        }
      },

      signOut(message) {
        stopLive();
        pageRequest += 1;
        clearSession((deps.win ?? window).sessionStorage);
        set({
          session: null,
          sections: [],
          etag: null,
          pageError: null,
          signInError: message ?? null,
          live: 'off',
          announcement: message ?? 'Signed out.',
        });
      },

      async loadPage() {
        const session = get().session;
        if (!session) return;
        const request = ++pageRequest;
        try {
          const answer = await deps.api.page(session.userId, get().etag);
          if (request !== pageRequest) return;
          if (answer.page) get().applyPage(answer.page, answer.etag, false);
          else set({ pageError: null });
        } catch (error) {
          if (request !== pageRequest || handleAuthError(error)) return;
          const message = (error as Error).message;
          set((state) => ({
            pageError: message,
            sections: state.sections.map((slot) =>
              slot.state === 'loading' ? failedSlot(slot.key, message, slot) : slot,
            ),
          }));
        }
      },

      async retrySection(key) {
        const session = get().session;
        if (!session) return;
        set((state) => ({
          sections: state.sections.map((s) => (s.key === key ? loadingSlot(key, s) : s)),
        }));
        try {
          const answer = await deps.api.page(session.userId, null, [key]);
          const view = answer.page?.sections?.find((s) => s.key === key);
          const received = now();
          set((state) => ({
            pageError: null,
            sections: state.sections.map((s) =>
              s.key !== key
                ? s
                : view
                  ? slotOf(view, received)
                  : failedSlot(key, 'The service did not send this section.', s),
            ),
          }));
        } catch (error) {
          if (handleAuthError(error)) return;
          const message = (error as Error).message;
          set((state) => ({
            sections: state.sections.map((s) => (s.key === key ? failedSlot(key, message, s) : s)),
          }));
        }
      },

      applyPage(page, etag, fromStream) {
        const before = get();
        if (fromStream && etag !== null && etag === before.etag) return;
        const sections = slotsOf(page, now());
        // A page from the stream replaces everything; a write still on its way stays drawn as done.
        const settled = { ...before.settledActions };
        const actions = sections.find((s) => s.key === 'actions')?.data as ActionsData | undefined;
        for (const id of Object.keys(settled)) {
          const item = actions?.items.find((r) => r.item.id === id)?.item;
          if (!item || item.version >= (settled[id] ?? 0)) delete settled[id];
        }
        set({
          sections,
          etag,
          pageError: null,
          settledActions: settled,
          olderActivity: [],
          activityCursor: undefined,
          activityError: null,
        });
        if (fromStream && before.sections.some((s) => s.state !== 'loading')) {
          const open = openCountOf(sections);
          get().announce(
            open === null
              ? 'Your page was updated.'
              : `Your page was updated. Open actions: ${open}.`,
          );
        }
      },

      async act(itemId, command, until) {
        const session = get().session;
        const actions = get().sections.find((s) => s.key === 'actions')?.data as
          | ActionsData
          | undefined;
        const item = actions?.items.find((r) => r.item.id === itemId)?.item;
        if (!session || !item) return false;
        set((state) => ({
          actionError: null,
          pendingActions: { ...state.pendingActions, [itemId]: command },
        }));
        try {
          const result = await deps.api.action(
            session.userId,
            itemId,
            command,
            item.version,
            until,
          );
          set((state) => {
            const pending = { ...state.pendingActions };
            delete pending[itemId];
            return {
              pendingActions: pending,
              settledActions: { ...state.settledActions, [itemId]: result.version ?? item.version + 1 },
            };
          });
          get().announce(`${VERB[command]} “${item.title}”.`);
          if (get().live !== 'live') void get().loadPage();
          return true;
        } catch (error) {
          if (handleAuthError(error)) return false;
          const reason = (error as Error).message;
          set((state) => {
            const pending = { ...state.pendingActions };
            delete pending[itemId];
            return {
              pendingActions: pending,
              actionError: `Could not ${command} “${item.title}”: ${reason} It is back in your list.`,
            };
          });
          get().announce(`Could not ${command} “${item.title}”.`);
          if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
            void get().loadPage();
          }
          return false;
        }
      },

      async loadOlderActivity() {
        const session = get().session;
        const state = get();
        const pageCursor = (
          state.sections.find((s) => s.key === 'activity')?.data as
            | { nextCursor?: string | null }
            | undefined
        )?.nextCursor;
        const cursor = state.activityCursor === undefined ? pageCursor : state.activityCursor;
        if (!session || !cursor || state.activityLoading) return;
        set({ activityLoading: true, activityError: null });
        try {
          const older = await deps.api.activity(session.userId, cursor);
          set((s) => ({
            olderActivity: [...s.olderActivity, ...(older.groups ?? [])],
            activityCursor: older.nextCursor ?? null,
            activityLoading: false,
          }));
          get().announce(`Loaded ${older.groups?.length ?? 0} older activity entries.`);
        } catch (error) {
          if (handleAuthError(error)) return;
          set({ activityLoading: false, activityError: (error as Error).message });
        }
      },

      async savePreferences(body) {
        const session = get().session;
        const current = personalizationOf(get().sections);
        if (!session || !current) return 'error';
        set({ preferencesConflict: false, preferencesError: null });
        try {
          await deps.api.savePreferences(session.userId, current.version, body);
          get().announce('Your preferences are saved.');
          set({ etag: null });
          await get().loadPage();
          return 'saved';
        } catch (error) {
          if (handleAuthError(error)) return 'error';
          if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
            set({ preferencesConflict: true });
            return 'conflict';
          }
          set({ preferencesError: (error as Error).message });
          return 'error';
        }
      },

      async reloadPreferences() {
        set({ etag: null, preferencesConflict: false, preferencesError: null });
        await get().loadPage();
        get().announce('Loaded your saved preferences.');
      },

      announce(text) {
        // The same text twice in a row is announced again when it differs by a trailing space.
        set((state) => ({ announcement: state.announcement === text ? `${text} ` : text }));
      },
    };
  });
}

export const AppContext = createContext<StoreApi<AppState> | null>(null);

/** Reads the app's store through a selector. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppContext);
  if (!store) throw new Error('useApp needs an AppContext provider');
  return useStore(store, selector);
}
