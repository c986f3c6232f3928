import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../test/server';
import { page } from '../test/fixtures';
import { ApiError, createApi, newIdempotencyKey, toApiError } from './client';

const api = createApi(() => 'tok');

describe('the API client', () => {
  it('sends the bearer token and keeps the page validator', async () => {
    let auth: string | null = null;
    server.use(
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        auth = request.headers.get('Authorization');
        return HttpResponse.json(page(), { headers: { ETag: 'W/"abc"' } });
      }),
    );
    const answer = await api.page('ada');
    expect(auth).toBe('Bearer tok');
    expect(answer.etag).toBe('W/"abc"');
    expect(answer.page?.sections).toHaveLength(5);
  });

  it('asks with If-None-Match and reads 304 as "the stored page is current"', async () => {
    let asked: string | null = null;
    server.use(
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        asked = request.headers.get('If-None-Match');
        return new HttpResponse(null, { status: 304 });
      }),
    );
    const answer = await api.page('ada', 'W/"abc"');
    expect(asked).toBe('W/"abc"');
    expect(answer).toEqual({ page: null, etag: 'W/"abc"' });
  });

  it('asks for single sections by name', async () => {
    let query: string | null = null;
    server.use(
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        query = new URL(request.url).searchParams.get('sections');
        return HttpResponse.json(page());
      }),
    );
    await api.page('ada', null, ['statistics']);
    expect(query).toBe('statistics');
  });

  it('writes an action with its version and an idempotency key', async () => {
    let key: string | null = null;
    let body: unknown = null;
    server.use(
      http.post('/api/v1/intro-page/ada/actions/a-1/snooze', async ({ request }) => {
        key = request.headers.get('Idempotency-Key');
        body = await request.json();
        return HttpResponse.json({ id: 'a-1', version: 1, state: 'OPEN' });
      }),
    );
    const item = await api.action('ada', 'a-1', 'snooze', 0, '2025-03-14T10:30:00.000Z');
    expect(item.version).toBe(1);
    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(body).toEqual({ version: 0, until: '2025-03-14T10:30:00.000Z' });
  });

  it('saves preferences with If-Match on the version', async () => {
    let ifMatch: string | null = null;
    let key: string | null = null;
    server.use(
      http.put('/api/v1/intro-page/ada/preferences', ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json({ theme: null, version: 5, sectionOrder: [], hiddenSections: [] });
      }),
    );
    const saved = await api.savePreferences('ada', 4, { theme: 'DARK' });
    expect(ifMatch).toBe('"4"');
    expect(key).toBeTruthy();
    expect(saved.version).toBe(5);
  });

  it('turns a problem into its plain detail, with the status', async () => {
    server.use(
      http.put('/api/v1/intro-page/ada/preferences', () =>
        HttpResponse.json(
          {
            type: 'https://intropage.dev/problems/version-conflict',
            title: 'Version conflict',
            status: 412,
            detail: 'The preferences are at version 5, not 4.',
            instance: '/api/v1/intro-page/ada/preferences',
          },
          { status: 412, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const error = await api.savePreferences('ada', 4, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
    expect((error as ApiError).message).toBe('The preferences are at version 5, not 4.');
    expect((error as ApiError).problemType).toContain('version-conflict');
  });

  it('says plainly when the service cannot be reached, or answers without a problem', async () => {
    server.use(
      http.get('/api/v1/intro-page/metrics', () => HttpResponse.error()),
      http.get('/api/v1/admin/migrations', () =>
        new HttpResponse('busy', { status: 503, headers: { 'Retry-After': '3' } }),
      ),
    );
    const unreachable = (await api.metrics().catch((e: unknown) => e)) as ApiError;
    expect(unreachable.status).toBe(0);
    expect(unreachable.message).toMatch(/cannot be reached/);
    const busy = (await api.migrations().catch((e: unknown) => e)) as ApiError;
    expect(busy.status).toBe(503);
    expect(busy.retryAfter).toBe(3);
    expect(busy.message).toMatch(/busy or restarting/);
    expect(toApiError(new Error('odd')).message).toBe('odd');
  });

  it('reads the session mode, the demo users, a dev token, activity, health and invalidation', async () => {
    let invalidated: unknown = null;
    let tokenBody: unknown = null;
    server.use(
      http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
      http.get('/api/v1/dev/users', () =>
        HttpResponse.json({ users: [{ userId: 'ada', displayName: 'Ada Lovelace' }] }),
      ),
      http.post('/api/v1/dev/token', async ({ request }) => {
        tokenBody = await request.json();
        return HttpResponse.json({ token: 't', expiresInSeconds: 1800 });
      }),
      http.get('/api/v1/intro-page/ada/activity', ({ request }) =>
        HttpResponse.json({
          groups: [],
          unreadCount: 0,
          nextCursor: new URL(request.url).searchParams.get('cursor'),
        }),
      ),
      http.get('/api/v1/intro-page/ada/health', () =>
        HttpResponse.json({ userId: 'ada', checkedAt: 'x', sections: [] }),
      ),
      http.post('/api/v1/intro-page/cache/invalidate', async ({ request }) => {
        invalidated = await request.json();
        return HttpResponse.json({ userId: 'ada', section: null }, { status: 202 });
      }),
    );
    expect((await api.session()).authMode).toBe('dev');
    expect(await api.devUsers()).toEqual([{ userId: 'ada', displayName: 'Ada Lovelace' }]);
    expect(await api.devToken('ada', ['intro:admin'])).toBe('t');
    expect(tokenBody).toEqual({ userId: 'ada', roles: ['intro:admin'] });
    expect((await api.activity('ada', 'c-9')).nextCursor).toBe('c-9');
    expect((await api.health('ada')).userId).toBe('ada');
    await api.invalidate('ada');
    expect(invalidated).toEqual({ userId: 'ada' });
  });

  it('makes a different idempotency key each time', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
