import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ActionsData, PersonalizationData } from '../api/types';
import { ADA_TOKEN, actions, page, personalization, section } from '../test/fixtures';
import { harness } from '../test/harness';
import { server } from '../test/server';

function problem(status: number, detail: string) {
  return HttpResponse.json(
    { type: 'https://intropage.dev/problems/x', title: 'x', status, detail, instance: '/' },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

async function signedIn(h = harness()) {
  server.use(
    http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
    http.get('/api/v1/dev/users', () =>
      HttpResponse.json({ users: [{ userId: 'ada', displayName: 'Ada Lovelace' }] }),
    ),
    http.post('/api/v1/dev/token', () => HttpResponse.json({ token: ADA_TOKEN })),
    http.get('/api/v1/intro-page/ada', () =>
      HttpResponse.json(page(), { headers: { ETag: 'W/"v1"' } }),
    ),
  );
  await h.store.getState().init();
  await h.store.getState().signInDev('ada');
  await vi.waitFor(() => expect(h.lives).toHaveLength(1));
  return h;
}

const state = (h: ReturnType<typeof harness>) => h.store.getState();
const slot = (h: ReturnType<typeof harness>, key: string) =>
  state(h).sections.find((s) => s.key === key);

describe('the page store', () => {
  it('signs in, shows skeletons, then every section fresh, then goes live', async () => {
    const h = harness();
    server.use(
      http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
      http.get('/api/v1/dev/users', () =>
        HttpResponse.json({ users: [{ userId: 'ada', displayName: 'Ada Lovelace' }] }),
      ),
      http.post('/api/v1/dev/token', () => HttpResponse.json({ token: ADA_TOKEN })),
      http.get('/api/v1/intro-page/ada', () => HttpResponse.json(page(), { headers: { ETag: 'W/"v1"' } })),
    );
    await state(h).init();
    expect(state(h).mode).toBe('dev');
    const signing = state(h).signInDev('ada');
    await signing;
    expect(state(h).session).toMatchObject({ userId: 'ada', displayName: 'Ada Lovelace' });
    expect(state(h).sections.every((s) => s.state === 'loading')).toBe(true);
    await vi.waitFor(() => expect(state(h).live).toBe('live'));
    expect(state(h).sections.map((s) => [s.key, s.state])).toEqual([
      ['personalization', 'fresh'],
      ['statistics', 'fresh'],
      ['actions', 'fresh'],
      ['activity', 'fresh'],
      ['system', 'fresh'],
    ]);
    expect(state(h).etag).toBe('W/"v1"');
  });

  it('keeps the stored page on 304', async () => {
    const h = await signedIn();
    let asked: string | null = null;
    server.use(
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        asked = request.headers.get('If-None-Match');
        return new HttpResponse(null, { status: 304 });
      }),
    );
    const before = state(h).sections;
    await state(h).loadPage();
    expect(asked).toBe('W/"v1"');
    expect(state(h).sections).toBe(before);
  });

  it('marks stale, degraded and unreachable sections each on its own', async () => {
    const h = harness(() => 1_000_000);
    server.use(
      http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
      http.get('/api/v1/dev/users', () => HttpResponse.json({ users: [] })),
      http.post('/api/v1/dev/token', () => HttpResponse.json({ token: ADA_TOKEN })),
      http.get('/api/v1/intro-page/ada', () =>
        HttpResponse.json(
          page({
            statistics: section('statistics', null, { status: 'STALE', ageMillis: 180_000 }),
            system: section('system', null, {
              status: 'FAILED',
              error: { code: 'SECTION_FAILED', message: 'The system section could not be loaded.', hint: 'Later.' },
            }),
          }),
        ),
      ),
    );
    await state(h).init();
    await state(h).signInDev('ada');
    await vi.waitFor(() => expect(slot(h, 'system')?.state).toBe('degraded'));
    expect(slot(h, 'statistics')).toMatchObject({ state: 'stale', updatedAt: 820_000 });
    expect(slot(h, 'system')).toMatchObject({
      message: 'The system section could not be loaded.',
      hint: 'Later.',
    });
    expect(slot(h, 'actions')?.state).toBe('fresh');

    server.use(http.get('/api/v1/intro-page/ada', () => HttpResponse.error()));
    await state(h).retrySection('system');
    expect(slot(h, 'system')?.state).toBe('failed');
    expect(slot(h, 'system')?.message).toMatch(/cannot be reached/);
    expect(slot(h, 'actions')?.state).toBe('fresh');

    server.use(
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        expect(new URL(request.url).searchParams.get('sections')).toBe('system');
        return HttpResponse.json(page());
      }),
    );
    await state(h).retrySection('system');
    expect(slot(h, 'system')?.state).toBe('fresh');
  });

  it('fails the sections still loading when the page cannot be had, and keeps what it has', async () => {
    const h = harness();
    server.use(
      http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
      http.get('/api/v1/dev/users', () => HttpResponse.json({ users: [] })),
      http.post('/api/v1/dev/token', () => HttpResponse.json({ token: ADA_TOKEN })),
      http.get('/api/v1/intro-page/ada', () => problem(503, 'The personalization section is unavailable.')),
    );
    await state(h).init();
    await state(h).signInDev('ada');
    await vi.waitFor(() => expect(state(h).pageError).toBe('The personalization section is unavailable.'));
    expect(state(h).sections.every((s) => s.state === 'failed')).toBe(true);
  });

  it('draws an action as done at once and keeps it so when the service accepts it', async () => {
    const h = await signedIn();
    let release!: () => void;
    server.use(
      http.post('/api/v1/intro-page/ada/actions/a-1/complete', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json({ id: 'a-1', state: 'COMPLETED', version: 1 });
      }),
    );
    const acting = state(h).act('a-1', 'complete');
    expect(state(h).pendingActions).toEqual({ 'a-1': 'complete' });
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    expect(await acting).toBe(true);
    expect(state(h).pendingActions).toEqual({});
    expect(state(h).settledActions).toEqual({ 'a-1': 1 });
    expect(state(h).announcement).toBe('Completed “Review the quarterly numbers”.');
    // The page that still shows the old version keeps it hidden; the next one settles it.
    state(h).applyPage(page(), 'W/"v2"', true);
    expect(state(h).settledActions).toEqual({ 'a-1': 1 });
    const done = actions({ items: (actions().items as unknown[]).slice(0, 1), openCount: 1 });
    state(h).applyPage(page({ actions: section('actions', done) }), 'W/"v3"', true);
    expect(state(h).settledActions).toEqual({});
  });

  it('rolls a refused action back with a plain message, and reloads the page', async () => {
    const h = await signedIn();
    let reloaded = false;
    server.use(
      http.post('/api/v1/intro-page/ada/actions/a-1/dismiss', () =>
        problem(409, 'The item changed since you saw it.'),
      ),
      http.get('/api/v1/intro-page/ada', () => {
        reloaded = true;
        return new HttpResponse(null, { status: 304 });
      }),
    );
    expect(await state(h).act('a-1', 'dismiss')).toBe(false);
    expect(state(h).pendingActions).toEqual({});
    expect(state(h).actionError).toBe(
      'Could not dismiss “Review the quarterly numbers”: The item changed since you saw it. It is back in your list.',
    );
    await vi.waitFor(() => expect(reloaded).toBe(true));
    expect(await state(h).act('missing', 'dismiss')).toBe(false);
  });

  it('takes a live page, announces it, and ignores a page it already has', async () => {
    const h = await signedIn();
    const live = h.lives[0]!;
    live.onPage(page(), 'v1');
    expect(state(h).announcement).toBe('');
    const fewer = actions({ items: (actions().items as unknown[]).slice(0, 1), openCount: 1 });
    live.onPage(page({ actions: section('actions', fewer) }), 'v2');
    expect(state(h).etag).toBe('W/"v2"');
    expect((slot(h, 'actions')?.data as ActionsData).openCount).toBe(1);
    expect(state(h).announcement).toBe('Your page was updated. Open actions: 1.');
  });

  it('loads older activity by cursor', async () => {
    const h = await signedIn();
    server.use(
      http.get('/api/v1/intro-page/ada/activity', ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json({
          groups: [
            {
              type: 'review',
              actor: { value: 'grace' },
              subject: cursor,
              count: 1,
              firstAt: '2025-03-01T00:00:00Z',
              lastAt: '2025-03-01T00:00:00Z',
              eventIds: [`e-${cursor}`],
              unread: false,
            },
          ],
          unreadCount: 0,
          nextCursor: cursor === 'cursor-1' ? 'cursor-2' : null,
        });
      }),
    );
    await state(h).loadOlderActivity();
    expect(state(h).olderActivity.map((g) => g.subject)).toEqual(['cursor-1']);
    expect(state(h).activityCursor).toBe('cursor-2');
    await state(h).loadOlderActivity();
    expect(state(h).olderActivity.map((g) => g.subject)).toEqual(['cursor-1', 'cursor-2']);
    expect(state(h).activityCursor).toBeNull();
    await state(h).loadOlderActivity();
    expect(state(h).olderActivity).toHaveLength(2);

    server.use(http.get('/api/v1/intro-page/ada/activity', () => problem(500, 'Broken.')));
    state(h).applyPage(page(), 'W/"v9"', false);
    await state(h).loadOlderActivity();
    expect(state(h).activityError).toBe('Broken.');
  });

  it('saves preferences with If-Match, and explains a conflict until the saved version is loaded', async () => {
    const h = await signedIn();
    server.use(
      http.put('/api/v1/intro-page/ada/preferences', () => problem(412, 'Version 5, not 4.')),
    );
    expect(await state(h).savePreferences({ theme: 'DARK' })).toBe('conflict');
    expect(state(h).preferencesConflict).toBe(true);

    let ifNoneMatch: string | null = 'unset';
    server.use(
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        ifNoneMatch = request.headers.get('If-None-Match');
        return HttpResponse.json(
          page({ personalization: section('personalization', personalization({ version: 5, theme: 'DARK' })) }),
        );
      }),
    );
    await state(h).reloadPreferences();
    expect(ifNoneMatch).toBeNull();
    expect(state(h).preferencesConflict).toBe(false);
    expect((slot(h, 'personalization')?.data as PersonalizationData).version).toBe(5);

    let ifMatch: string | null = null;
    server.use(
      http.put('/api/v1/intro-page/ada/preferences', ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        return HttpResponse.json({ version: 6, sectionOrder: [], hiddenSections: [] });
      }),
    );
    expect(await state(h).savePreferences({ theme: 'LIGHT' })).toBe('saved');
    expect(ifMatch).toBe('"5"');

    server.use(http.put('/api/v1/intro-page/ada/preferences', () => problem(422, 'Unknown section.')));
    expect(await state(h).savePreferences({ sectionOrder: ['nope'] })).toBe('error');
    expect(state(h).preferencesError).toBe('Unknown section.');
  });

  it('signs out when the service refuses the token', async () => {
    const h = await signedIn();
    server.use(http.get('/api/v1/intro-page/ada', () => problem(401, 'Token expired.')));
    await state(h).loadPage();
    expect(state(h).session).toBeNull();
    expect(state(h).signInError).toBe('Your session has ended. Please sign in again.');
    expect(h.closed).toHaveBeenCalled();
    expect(window.sessionStorage.getItem('intro.token')).toBeNull();
  });

  it('resumes a session kept in this tab, and reads jwt mode', async () => {
    window.sessionStorage.setItem('intro.token', ADA_TOKEN);
    const h = harness();
    server.use(
      http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'jwt' })),
      http.get('/api/v1/intro-page/ada', () => HttpResponse.json(page())),
    );
    await state(h).init();
    expect(state(h).mode).toBe('jwt');
    expect(state(h).session?.userId).toBe('ada');
    await vi.waitFor(() => expect(slot(h, 'actions')?.state).toBe('fresh'));
  });

  it('falls back to the dev users, then to jwt, when the session endpoint is missing', async () => {
    const dev = harness();
    server.use(
      http.get('/api/v1/session', () => new HttpResponse(null, { status: 404 })),
      http.get('/api/v1/dev/users', () => HttpResponse.json({ users: [] })),
    );
    await state(dev).init();
    expect(state(dev).mode).toBe('dev');

    const jwt = harness();
    server.use(http.get('/api/v1/dev/users', () => new HttpResponse(null, { status: 404 })));
    await state(jwt).init();
    expect(state(jwt).mode).toBe('jwt');
  });

  it('says why a dev sign-in failed', async () => {
    const h = harness();
    server.use(http.post('/api/v1/dev/token', () => problem(400, 'Bad user id.')));
    await state(h).signInDev('bad id');
    expect(state(h).signInError).toBe('Bad user id.');
    expect(state(h).session).toBeNull();
  });
});
