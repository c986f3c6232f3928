// How a section of the page answer becomes what the page draws: its state, its data and its
// message. Kept apart from the store so that each rule is plain to test.
import type { PageView, SectionView } from '../api/types';

export type SectionState = 'loading' | 'fresh' | 'stale' | 'degraded' | 'failed';

export interface SectionSlot {
  key: string;
  state: SectionState;
  /** The service's status (FRESH, STALE, FAILED, ...), or null while loading or when unreachable. */
  status: string | null;
  data: unknown;
  /** What went wrong, in words; null when nothing did. */
  message: string | null;
  hint: string | null;
  /** When the data was current, in epoch milliseconds. */
  updatedAt: number;
}

const HEALTHY_FRESH = new Set(['FRESH', 'CACHED']);

/** Returns the slot for one section of a page received at `receivedAt`. */
export function slotOf(view: SectionView, receivedAt: number): SectionSlot {
  const status = view.status ?? 'FAILED';
  const error = view.error ?? null;
  const state: SectionState = HEALTHY_FRESH.has(status)
    ? 'fresh'
    : status === 'STALE'
      ? 'stale'
      : 'degraded';
  const message =
    state === 'degraded'
      ? (error?.message ?? `The ${view.key ?? ''} section could not be loaded just now.`)
      : null;
  return {
    key: view.key ?? 'unknown',
    state,
    status,
    data: view.data ?? null,
    message,
    hint: state === 'degraded' ? (error?.hint ?? null) : null,
    updatedAt: receivedAt - Math.max(0, view.ageMillis ?? 0),
  };
}

/** Returns the slots of a page, in the page's order (the user's order, as the service applied it). */
export function slotsOf(page: PageView, receivedAt: number): SectionSlot[] {
  return (page.sections ?? []).map((section) => slotOf(section, receivedAt));
}

/** A slot for a section the page could not get at all. */
export function failedSlot(key: string, message: string, previous?: SectionSlot): SectionSlot {
  return {
    key,
    state: 'failed',
    status: previous?.status ?? null,
    data: previous?.data ?? null,
    message,
    hint: null,
    updatedAt: previous?.updatedAt ?? 0,
  };
}

export function loadingSlot(key: string, previous?: SectionSlot): SectionSlot {
  return {
    key,
    state: 'loading',
    status: null,
    data: previous?.data ?? null,
    message: null,
    hint: null,
    updatedAt: previous?.updatedAt ?? 0,
  };
}

/** The sections drawn as skeletons before the first answer, in the service's default order. */
export const SKELETON_ORDER = ['personalization', 'statistics', 'actions', 'activity', 'system'];
