// The API client: one Axios instance with the bearer token, typed functions per endpoint, and
// problem+json answers turned into plain messages.
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type {
  ActionCommand,
  ActionItemView,
  ActivityData,
  DevUser,
  HealthView,
  MetricsView,
  MigrationsView,
  PageView,
  PreferencesBody,
  PreferencesView,
  SessionInfo,
} from './types';

/** An API call that did not succeed, with a message a person can read. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the service could not be reached. */
    readonly status: number,
    /** The problem's `type`, when the service sent a problem. */
    readonly problemType?: string,
    /** Seconds from `Retry-After`, when the service sent one. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const PLAIN: Record<number, string> = {
  400: 'The service did not accept the request.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'That was not found.',
  409: 'Someone changed this in the meantime.',
  412: 'Someone changed this in the meantime.',
  413: 'The request was too large.',
  422: 'The service refused the change.',
  429: 'Too many requests; try again in a moment.',
  500: 'Something went wrong on the service. Please try again.',
  501: 'The service does not offer this here.',
  503: 'The service is busy or restarting. Please try again in a moment.',
};

/** Turns any failure of a call into an ApiError with a plain message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (axios.isAxiosError(error)) {
    const response = (error as AxiosError).response;
    if (!response) {
      return new ApiError('The service cannot be reached. Check your connection.', 0);
    }
    const body = response.data as { detail?: unknown; title?: unknown; type?: unknown } | undefined;
    const retry = Number(response.headers?.['retry-after']);
    const detail =
      body && typeof body.detail === 'string' && body.detail.trim() !== ''
        ? body.detail
        : body && typeof body.title === 'string'
          ? body.title
          : (PLAIN[response.status] ?? `The service answered ${response.status}.`);
    return new ApiError(
      detail,
      response.status,
      body && typeof body.type === 'string' ? body.type : undefined,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return new ApiError(error instanceof Error ? error.message : 'Something went wrong.', 0);
}

/** Returns a fresh key for a write the service deduplicates. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A page answer: the page, or null when the stored one is still current (304). */
export interface PageAnswer {
  page: PageView | null;
  etag: string | null;
}

export interface Api {
  session(): Promise<SessionInfo>;
  devUsers(): Promise<DevUser[]>;
  devToken(userId: string, roles?: string[]): Promise<string>;
  page(userId: string, etag?: string | null, sections?: string[]): Promise<PageAnswer>;
  action(
    userId: string,
    itemId: string,
    command: ActionCommand,
    version: number,
    until?: string,
  ): Promise<ActionItemView>;
  activity(userId: string, cursor: string, limit?: number): Promise<ActivityData>;
  savePreferences(
    userId: string,
    version: number,
    body: PreferencesBody,
  ): Promise<PreferencesView>;
  health(userId: string): Promise<HealthView>;
  metrics(): Promise<MetricsView>;
  migrations(): Promise<MigrationsView>;
  invalidate(userId?: string, section?: string): Promise<void>;
}

const enc = encodeURIComponent;

/** Returns the client over the same origin; `token()` gives the current bearer token, if any. */
export function createApi(token: () => string | null, http?: AxiosInstance): Api {
  const client = http ?? axios.create({ baseURL: '/', timeout: 15_000 });
  client.interceptors.request.use((config) => {
    const bearer = token();
    if (bearer) config.headers.set('Authorization', `Bearer ${bearer}`);
    return config;
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toApiError(error);
    }
  };
  return {
    session: () =>
      call(async () => (await client.get<SessionInfo>('/api/v1/session')).data),
    devUsers: () =>
      call(async () => (await client.get<{ users: DevUser[] }>('/api/v1/dev/users')).data.users),
    devToken: (userId, roles) =>
      call(
        async () =>
          (
            await client.post<{ token: string }>(
              '/api/v1/dev/token',
              roles && roles.length > 0 ? { userId, roles } : { userId },
            )
          ).data.token,
      ),
    page: (userId, etag, sections) =>
      call(async () => {
        const response = await client.get<PageView>(`/api/v1/intro-page/${enc(userId)}`, {
          headers: etag ? { 'If-None-Match': etag } : {},
          params: sections && sections.length > 0 ? { sections: sections.join(',') } : {},
          validateStatus: (status) => (status >= 200 && status < 300) || status === 304,
        });
        const tag = response.headers['etag'];
        if (response.status === 304) {
          return { page: null, etag: typeof tag === 'string' ? tag : (etag ?? null) };
        }
        return { page: response.data, etag: typeof tag === 'string' ? tag : null };
      }),
    action: (userId, itemId, command, version, until) =>
      call(
        async () =>
          (
            await client.post<ActionItemView>(
              `/api/v1/intro-page/${enc(userId)}/actions/${enc(itemId)}/${command}`,
              until ? { version, until } : { version },
              { headers: { 'Idempotency-Key': newIdempotencyKey() } },
            )
          ).data,
      ),
    activity: (userId, cursor, limit = 20) =>
      call(
        async () =>
          (
            await client.get<ActivityData>(`/api/v1/intro-page/${enc(userId)}/activity`, {
              params: { cursor, limit },
            })
          ).data,
      ),
    savePreferences: (userId, version, body) =>
      call(
        async () =>
          (
            await client.put<PreferencesView>(
              `/api/v1/intro-page/${enc(userId)}/preferences`,
              body,
              {
                headers: {
                  'If-Match': `"${version}"`,
                  'Idempotency-Key': newIdempotencyKey(),
                },
              },
            )
          ).data,
      ),
    health: (userId) =>
      call(
        async () =>
          (await client.get<HealthView>(`/api/v1/intro-page/${enc(userId)}/health`)).data,
      ),
    metrics: () =>
      call(async () => (await client.get<MetricsView>('/api/v1/intro-page/metrics')).data),
    migrations: () =>
      call(async () => (await client.get<MigrationsView>('/api/v1/admin/migrations')).data),
    invalidate: (userId, section) =>
      call(async () => {
        const body: Record<string, string> = {};
        if (userId) body['userId'] = userId;
        if (section) body['section'] = section;
        await client.post('/api/v1/intro-page/cache/invalidate', body);
      }),
  };
}
