import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { ADA_TOKEN, ADMIN_TOKEN, page, section } from './test/fixtures';
import { harness } from './test/harness';
import { server } from './test/server';

/** Returns axe's serious and critical findings on the document (jsdom has no layout: no contrast). */
async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function service(pageBody = page(), token = ADA_TOKEN) {
  server.use(
    http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
    http.get('/api/v1/dev/users', () =>
      HttpResponse.json({ users: [{ userId: 'ada', displayName: 'Ada Lovelace' }] }),
    ),
    http.post('/api/v1/dev/token', () => HttpResponse.json({ token })),
    http.get('/api/v1/intro-page/ada', () => HttpResponse.json(pageBody)),
    http.get('/api/v1/intro-page/metrics', () =>
      HttpResponse.json({
        engine: { page: { count: 1, p50Millis: 1, p95Millis: 2, p99Millis: 3, maxMillis: 4 }, pagesFailed: 0, sections: {} },
        breakers: {},
      }),
    ),
    http.get('/api/v1/intro-page/ada/health', () => HttpResponse.json({ userId: 'ada', checkedAt: 'x', sections: [] })),
    http.get('/api/v1/admin/migrations', () =>
      HttpResponse.json({ version: '7', history: [{ version: '1', description: 'users' }] }),
    ),
  );
}

async function signIn() {
  const h = harness();
  render(<App store={h.store} api={h.api} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Sign in as ada' }));
  await waitFor(() =>
    expect(document.querySelector('[data-section="actions"]')).not.toHaveAttribute('data-state', 'loading'),
  );
  return h;
}

describe('accessibility (axe, serious and critical)', () => {
  beforeEach(() => {
    // What index.html gives the real document.
    document.documentElement.lang = 'en';
    document.title = 'Intro Page';
  });

  it('the sign-in screen', async () => {
    service();
    const h = harness();
    render(<App store={h.store} api={h.api} />);
    await screen.findByRole('button', { name: 'Sign in as ada' });
    expect(await seriousViolations()).toEqual([]);
  });

  it('the page with every section fresh, and with the panel and a snooze choice open', async () => {
    service();
    await signIn();
    expect(await seriousViolations()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Customize' }));
    await userEvent.click(within(screen.getAllByTestId('action-item')[0]!).getByRole('button', { name: 'Snooze' }));
    expect(await seriousViolations()).toEqual([]);
  });

  it('the page with sections stale, degraded and failed', async () => {
    service(
      page({
        statistics: section('statistics', null, { status: 'STALE', ageMillis: 180_000 }),
        system: section('system', null, {
          status: 'CIRCUIT_OPEN',
          error: { code: 'CIRCUIT_OPEN', message: 'Paused.', hint: 'Later.' },
        }),
      }),
    );
    await signIn();
    server.use(http.get('/api/v1/intro-page/ada', () => HttpResponse.error()));
    const system = document.querySelector('[data-section="system"]') as HTMLElement;
    await userEvent.click(within(system).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(system).toHaveAttribute('data-state', 'failed'));
    expect(await seriousViolations()).toEqual([]);
  });

  it('the operators’ view', async () => {
    service(page(), ADMIN_TOKEN);
    await signIn();
    await userEvent.click(screen.getByRole('button', { name: 'Show the operators’ view' }));
    await screen.findByTestId('migration-status');
    expect(await seriousViolations()).toEqual([]);
  });
});
