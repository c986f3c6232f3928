// Answers shaped as the service sends them (see intro-adapters-rest's golden ada-page.json).
import type { PageView, SectionView } from '../api/types';

export function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

export const ADA_TOKEN = jwt({ sub: 'ada', roles: [], exp: 4_102_444_800 });
export const ADMIN_TOKEN = jwt({ sub: 'ada', roles: ['intro:admin'], exp: 4_102_444_800 });

export function personalization(overrides: Record<string, unknown> = {}) {
  return {
    greeting: 'Good morning, Ada',
    theme: 'SYSTEM',
    density: 'COMFORTABLE',
    layout: { order: ['statistics', 'actions', 'activity', 'system'], hidden: [] },
    zone: 'Europe/London',
    locale: 'en-GB',
    version: 4,
    ...overrides,
  };
}

export function statistics(overrides: Record<string, unknown> = {}) {
  return {
    activityLast7Days: 10,
    activityLast30Days: 43,
    completedLast30Days: 14,
    openActions: 2,
    currentStreak: 1,
    longestStreak: 3,
    series: Array.from({ length: 14 }, (_, i) => ({
      date: `2025-03-${String(i + 1).padStart(2, '0')}`,
      events: i % 4,
      completed: i % 2,
    })),
    trend: { current: 10, previous: 9, direction: 'UP', changePercent: 11.1 },
    today: '2025-03-14',
    ...overrides,
  };
}

export function actions(overrides: Record<string, unknown> = {}) {
  return {
    items: [
      {
        item: {
          id: 'a-2',
          owner: 'ada',
          title: 'Update the engine diagrams',
          priority: 'LOW',
          dueAt: null,
          state: 'OPEN',
          snoozedUntil: null,
          createdAt: '2025-03-12T09:30:00Z',
          version: 3,
        },
        overdue: false,
        dueIn: null,
      },
      {
        item: {
          id: 'a-1',
          owner: 'ada',
          title: 'Review the quarterly numbers',
          priority: 'HIGH',
          dueAt: '2025-03-14T06:30:00Z',
          state: 'OPEN',
          snoozedUntil: null,
          createdAt: '2025-03-07T09:30:00Z',
          version: 0,
        },
        overdue: true,
        dueIn: 'PT-3H',
      },
    ],
    openCount: 2,
    overdueCount: 1,
    snoozedCount: 0,
    truncated: false,
    ...overrides,
  };
}

export function activity(overrides: Record<string, unknown> = {}) {
  return {
    groups: [
      {
        type: 'comment',
        actor: 'grace',
        subject: 'Note G',
        count: 2,
        firstAt: '2025-03-14T08:25:00Z',
        lastAt: '2025-03-14T09:25:00Z',
        eventIds: ['e-100', 'e-101'],
        unread: true,
      },
      {
        type: 'commit',
        actor: null,
        subject: 'Note F',
        count: 1,
        firstAt: '2025-03-13T08:55:00Z',
        lastAt: '2025-03-13T08:55:00Z',
        eventIds: ['e-102'],
        unread: false,
      },
    ],
    unreadCount: 2,
    nextCursor: 'cursor-1',
    ...overrides,
  };
}

export function system(overrides: Record<string, unknown> = {}) {
  return {
    overall: 'UP',
    components: [
      { name: 'database', state: 'UP', detail: 'sqlite', critical: true },
      { name: 'migrations', state: 'UP', detail: 'schema at V7', critical: true },
      { name: 'section:statistics', state: 'UP', detail: 'circuit breaker closed', critical: false },
    ],
    activeUsers: 3,
    version: '0.1.0',
    schemaVersion: 'V7',
    activeNotices: [],
    upcomingNotices: [
      {
        id: 'n-1',
        message: 'Database upgrade',
        severity: 'INFO',
        startsAt: '2025-03-15T22:00:00Z',
        endsAt: '2025-03-15T23:00:00Z',
      },
    ],
    ...overrides,
  };
}

export function section(key: string, data: unknown, overrides: Partial<SectionView> = {}): SectionView {
  // The service sends `error: null` for a section without trouble.
  return {
    key,
    status: 'FRESH',
    data,
    source: 'ORIGIN',
    ageMillis: 0,
    elapsedMillis: 3,
    error: null,
    ...overrides,
  } as unknown as SectionView;
}

/** Ada's page: every built-in section fresh, unless `sections` replaces some. */
export function page(sections: Partial<Record<string, SectionView>> = {}): PageView {
  const all: SectionView[] = [
    section('personalization', personalization()),
    section('statistics', statistics()),
    section('actions', actions()),
    section('activity', activity()),
    section('system', system()),
  ].map((s) => sections[s.key ?? ''] ?? s);
  return { userId: 'ada', assembledAt: '2025-03-14T09:30:00Z', elapsedMillis: 12, sections: all };
}
