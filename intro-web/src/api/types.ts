// Types of the API's answers: the generated OpenAPI types where the document declares them, and the
// section data, which the document leaves open (`data: {}`), as the service's section records
// serialize. Every field the service may send as null is typed so here.
import type { components } from './schema';

type Schemas = components['schemas'];

export type PageView = Schemas['PageView'];
export type SectionView = Schemas['SectionView'];
export type PreferencesView = Schemas['PreferencesView'];
export type PreferencesBody = Schemas['PreferencesBody'];
export type ActionItemView = Schemas['ActionItemView'];
export type HealthView = Schemas['HealthView'];

export type Theme = 'SYSTEM' | 'LIGHT' | 'DARK';
export type Density = 'COMFORTABLE' | 'COMPACT';
export type ActionCommand = 'complete' | 'dismiss' | 'snooze';

/** The section keys the page knows how to draw; others are drawn as plain text. */
export const KNOWN_SECTIONS = [
  'personalization',
  'statistics',
  'actions',
  'activity',
  'system',
] as const;

export interface PersonalizationData {
  greeting: string;
  theme: Theme;
  density: Density;
  layout: { order: string[]; hidden: string[] };
  zone?: string | null;
  locale?: string | null;
  version: number;
}

export interface DailyCount {
  date: string;
  events: number;
  completed: number;
}

export interface StatisticsData {
  activityLast7Days: number;
  activityLast30Days: number;
  completedLast30Days: number;
  openActions: number;
  currentStreak: number;
  longestStreak: number;
  series: DailyCount[];
  trend: {
    current: number;
    previous: number;
    direction: 'UP' | 'DOWN' | 'FLAT' | string;
    changePercent?: number | null;
  };
  today: string;
}

export interface ActionItem {
  id: string;
  title: string;
  priority: string;
  dueAt?: string | null;
  state: string;
  snoozedUntil?: string | null;
  version: number;
}

export interface RankedItem {
  item: ActionItem;
  overdue: boolean;
  dueIn?: string | null;
}

export interface ActionsData {
  items: RankedItem[];
  openCount: number;
  overdueCount: number;
  snoozedCount: number;
  truncated: boolean;
}

/** An actor as the service writes it: a plain id, the document's `{value}` form, or nothing. */
export type Actor = string | { value?: string | null } | null | undefined;

export interface ActivityGroup {
  type: string;
  actor?: Actor;
  subject: string;
  count: number;
  firstAt: string;
  lastAt: string;
  eventIds: string[];
  unread: boolean;
}

export interface ActivityData {
  groups: ActivityGroup[];
  unreadCount: number;
  nextCursor?: string | null;
}

export interface ComponentStatus {
  name: string;
  state: string;
  detail?: string | null;
  critical: boolean;
}

export interface MaintenanceNotice {
  id: string;
  message: string;
  severity: string;
  startsAt: string;
  endsAt: string;
}

export interface SystemData {
  overall: string;
  components: ComponentStatus[];
  activeUsers: number;
  version: string;
  schemaVersion?: string | null;
  activeNotices: MaintenanceNotice[];
  upcomingNotices: MaintenanceNotice[];
}

/** `GET /api/v1/session`: which sign-in the page offers. */
export interface SessionInfo {
  authMode: 'dev' | 'jwt';
}

/** `GET /api/v1/dev/users`: the demo users of dev mode. */
export interface DevUser {
  userId: string;
  displayName: string;
}

/** `GET /api/v1/intro-page/metrics`: the engine's statistics and each breaker's state. */
export interface Latency {
  count: number;
  p50Millis: number;
  p95Millis: number;
  p99Millis: number;
  maxMillis: number;
}

export interface SectionSnapshot {
  latency: Latency;
  statuses: Record<string, number>;
  cacheHits: number;
  cacheStaleHits: number;
  cacheMisses: number;
  cacheHitRatio: number;
  refreshes: number;
  refreshFailures: number;
  breaker: string;
}

export interface MetricsView {
  engine: {
    at: string;
    since: string;
    window: number;
    page: Latency;
    pagesFailed: number;
    sections: Record<string, SectionSnapshot>;
  };
  breakers: Record<string, string>;
}

/** `GET /api/v1/admin/migrations`: read loosely, as the operators' view shows whatever it holds. */
export type MigrationsView = Record<string, unknown>;

/** Returns the actor's id, whichever form the service used, or null when there is none. */
export function actorName(actor: Actor): string | null {
  if (actor == null) return null;
  if (typeof actor === 'string') return actor;
  return actor.value ?? null;
}
