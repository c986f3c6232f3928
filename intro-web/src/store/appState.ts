// The shape of the page's store: what it holds and what it does (appStore.ts makes it).
import type { Api } from '../api/client';
import type { LiveOptions, LiveUpdates, StreamStatus } from '../api/events';
import type {
  ActionCommand,
  ActivityGroup,
  DevUser,
  PageView,
  PreferencesBody,
} from '../api/types';
import type { Session } from '../auth';
import type { SectionSlot } from './sections';

export type AuthMode = 'unknown' | 'dev' | 'jwt';
export type SaveOutcome = 'saved' | 'conflict' | 'error';

export interface AppState {
  mode: AuthMode;
  devUsers: DevUser[];
  signInError: string | null;
  session: Session | null;

  sections: SectionSlot[];
  etag: string | null;
  pageError: string | null;
  /** Item ids whose write is on its way; they are drawn as already done. */
  pendingActions: Record<string, ActionCommand>;
  /** Item ids the service accepted a write for, with the item version it returned. */
  settledActions: Record<string, number>;
  actionError: string | null;
  olderActivity: ActivityGroup[];
  /** The cursor of the next older activity page; undefined while the page's own cursor applies. */
  activityCursor: string | null | undefined;
  activityLoading: boolean;
  activityError: string | null;
  live: StreamStatus;
  /** The text the live region announces. */
  announcement: string;
  /** The server's preferences changed under an open save: the panel must explain it. */
  preferencesConflict: boolean;
  preferencesError: string | null;

  init(): Promise<void>;
  signInDev(userId: string, asOperator?: boolean): Promise<void>;
  signOut(message?: string): void;
  loadPage(): Promise<void>;
  retrySection(key: string): Promise<void>;
  applyPage(page: PageView, etag: string | null, live: boolean): void;
  act(itemId: string, command: ActionCommand, until?: string): Promise<boolean>;
  loadOlderActivity(): Promise<void>;
  savePreferences(body: PreferencesBody): Promise<SaveOutcome>;
  reloadPreferences(): Promise<void>;
  announce(text: string): void;
}

export interface StoreDeps {
  api: Api;
  /** Makes the live connection; tests pass their own. */
  live?: (options: LiveOptions) => Pick<LiveUpdates, 'start' | 'close'>;
  now?: () => number;
  win?: Window;
}
