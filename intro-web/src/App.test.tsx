import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { ADA_TOKEN, ADMIN_TOKEN, actions, page, personalization, section } from './test/fixtures';
import { harness } from './test/harness';
import { server } from './test/server';

function devService(pageAnswer = () => HttpResponse.json(page(), { headers: { ETag: 'W/"v1"' } })) {
  let tokenBody: unknown = null;
  server.use(
    http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'dev' })),
    http.get('/api/v1/dev/users', () =>
      HttpResponse.json({
        users: [
          { userId: 'ada', displayName: 'Ada Lovelace' },
          { userId: 'grace', displayName: 'Grace Hopper' },
        ],
      }),
    ),
    http.post('/api/v1/dev/token', async ({ request }) => {
      tokenBody = await request.json();
      return HttpResponse.json({
        token: (tokenBody as { roles?: string[] }).roles ? ADMIN_TOKEN : ADA_TOKEN,
      });
    }),
    http.get('/api/v1/intro-page/ada', pageAnswer),
  );
  return { tokenBody: () => tokenBody };
}

function problem(status: number, detail: string) {
  return HttpResponse.json(
    { type: 'https://intropage.dev/problems/x', title: 'x', status, detail, instance: '/' },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

async function signInAsAda(operator = false) {
  const h = harness();
  render(<App store={h.store} api={h.api} />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toHaveFocus();
  if (operator) await userEvent.click(await screen.findByRole('checkbox', { name: /operators’ role/ }));
  await userEvent.click(await screen.findByRole('button', { name: 'Sign in as ada' }));
  await waitFor(() =>
    expect(document.querySelector('[data-section="actions"]')).toHaveAttribute('data-state', 'fresh'),
  );
  return h;
}

const sectionOrder = () =>
  Array.from(document.querySelectorAll('section[data-section]')).map((s) => s.getAttribute('data-section'));

describe('the page', () => {
  it('signs in as a demo user, and draws every section in the user’s order', async () => {
    devService();
    await signInAsAda();
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1).toHaveTextContent('Good morning, Ada');
    expect(h1).toHaveFocus();
    expect(screen.getByText(/Signed in as Ada Lovelace \(ada\)/)).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(sectionOrder()).toEqual(['personalization', 'statistics', 'actions', 'activity', 'system']);
    expect(screen.queryByRole('button', { name: 'Sign in as ada' })).toBeNull();
    expect(screen.getByTestId('stat-openActions')).toHaveTextContent('2');
    expect(screen.getByTestId('open-count')).toHaveTextContent('2');
  });

  it('offers each demo user, described by name, and the operators’ role', async () => {
    const service = devService();
    const h = harness();
    render(<App store={h.store} api={h.api} />);
    const grace = await screen.findByRole('button', { name: 'Sign in as grace' });
    expect(grace).toHaveAccessibleDescription('Grace Hopper');
    await userEvent.click(screen.getByRole('checkbox', { name: /operators’ role/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in as ada' }));
    await screen.findByRole('button', { name: 'Show the operators’ view' });
    expect(service.tokenBody()).toEqual({ userId: 'ada', roles: ['intro:admin'] });
  });

  it('signs out back to the sign-in screen', async () => {
    devService();
    await signInAsAda();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toHaveFocus();
    expect(window.sessionStorage.getItem('intro.token')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Signed out.');
  });

  it('in jwt mode takes the token the host hands over in the fragment', async () => {
    server.use(
      http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'jwt' })),
      http.get('/api/v1/intro-page/ada', ({ request }) => {
        expect(request.headers.get('Authorization')).toBe(`Bearer ${ADA_TOKEN}`);
        return HttpResponse.json(page());
      }),
    );
    window.history.replaceState(null, '', `/#access_token=${ADA_TOKEN}`);
    const h = harness();
    render(<App store={h.store} api={h.api} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Good morning, Ada' })).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem('intro.token')).toBe(ADA_TOKEN);
  });

  it('in jwt mode without a token says where to sign in', async () => {
    server.use(http.get('/api/v1/session', () => HttpResponse.json({ authMode: 'jwt' })));
    window.history.replaceState(null, '', '/');
    const h = harness();
    render(<App store={h.store} api={h.api} />);
    expect(await screen.findByText(/organisation’s portal/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign in as/ })).toBeNull();
  });

  it('keeps the other sections when one fails, and retries that one', async () => {
    devService(() =>
      HttpResponse.json(
        page({
          activity: section('activity', null, {
            status: 'TIMED_OUT',
            error: { code: 'SECTION_TIMEOUT', message: 'The activity section did not answer within 150 ms.', hint: 'Reload.' },
          }),
        }),
      ),
    );
    await signInAsAda();
    const activity = document.querySelector('[data-section="activity"]') as HTMLElement;
    expect(activity).toHaveAttribute('data-state', 'degraded');
    expect(activity).toHaveTextContent('did not answer within 150 ms');
    expect(document.querySelector('[data-section="statistics"]')).toHaveAttribute('data-state', 'fresh');
    server.use(http.get('/api/v1/intro-page/ada', () => HttpResponse.json(page())));
    await userEvent.click(within(activity).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(activity).toHaveAttribute('data-state', 'fresh'));
    expect(within(activity).getByText(/New since your last visit/)).toBeInTheDocument();
  });

  it('completes an item at once, and puts it back with a message when the service refuses', async () => {
    devService();
    await signInAsAda();
    let answer!: (r: Response) => void;
    server.use(
      http.post('/api/v1/intro-page/ada/actions/a-1/complete', () => new Promise<Response>((r) => (answer = r))),
    );
    const item = screen.getAllByTestId('action-item')[0]!;
    expect(item).toHaveAttribute('data-item-id', 'a-1');
    await userEvent.click(within(item).getByRole('button', { name: 'Complete' }));
    expect(screen.getAllByTestId('action-item').map((i) => i.getAttribute('data-item-id'))).toEqual(['a-2']);
    expect(screen.getByTestId('open-count')).toHaveTextContent(/^1$/);
    await waitFor(() => expect(answer).toBeTypeOf('function'));
    answer(problem(422, 'The item is already completed.'));
    await waitFor(() => expect(screen.getAllByTestId('action-item')).toHaveLength(2));
    expect(screen.getByTestId('open-count')).toHaveTextContent(/^2$/);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not complete “Review the quarterly numbers”: The item is already completed. It is back in your list.',
    );
  });

  it('takes a live update and announces it', async () => {
    devService();
    const h = await signInAsAda();
    const fewer = actions({ items: (actions().items as unknown[]).slice(0, 1), openCount: 1 });
    h.lives[0]!.onPage(page({ actions: section('actions', fewer) }), 'v2');
    await waitFor(() => expect(screen.getByTestId('open-count')).toHaveTextContent(/^1$/));
    expect(screen.getByRole('status')).toHaveTextContent('Your page was updated. Open actions: 1.');
    expect(screen.getByText('Live')).toBeInTheDocument();
  });

  it('saves the arrangement, explains a conflict and loads the saved version', async () => {
    devService();
    await signInAsAda();
    const customize = screen.getByRole('button', { name: 'Customize' });
    await userEvent.click(customize);
    const form = screen.getByRole('form', { name: 'Customize your page' });
    await userEvent.click(within(form).getByRole('button', { name: 'Move Actions up' }));
    let ifMatch: string | null = null;
    server.use(
      http.put('/api/v1/intro-page/ada/preferences', ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        return problem(412, 'The preferences are at version 5.');
      }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const alert = await within(form).findByRole('alert');
    expect(ifMatch).toBe('"4"');
    expect(alert).toHaveTextContent('were not saved');
    server.use(
      http.get('/api/v1/intro-page/ada', () =>
        HttpResponse.json(
          page({ personalization: section('personalization', personalization({ version: 5, theme: 'DARK' })) }),
        ),
      ),
      http.put('/api/v1/intro-page/ada/preferences', ({ request }) => {
        ifMatch = request.headers.get('If-Match');
        return HttpResponse.json({ version: 6, theme: 'DARK', sectionOrder: [], hiddenSections: [] });
      }),
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Load the saved version' }));
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
    expect(within(form).getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(ifMatch).toBe('"5"');
    await waitFor(() => expect(customize).toHaveFocus());
  });

  it('shows the operators their view', async () => {
    devService();
    server.use(
      http.get('/api/v1/intro-page/metrics', () =>
        HttpResponse.json({ engine: { page: { count: 0, p50Millis: 0, p95Millis: 0, p99Millis: 0, maxMillis: 0 }, pagesFailed: 0, sections: {} }, breakers: {} }),
      ),
      http.get('/api/v1/intro-page/ada/health', () => HttpResponse.json({ userId: 'ada', checkedAt: 'x', sections: [] })),
      http.get('/api/v1/admin/migrations', () => HttpResponse.json({ version: '7', history: [] })),
    );
    await signInAsAda(true);
    const toggle = screen.getByRole('button', { name: 'Show the operators’ view' });
    await userEvent.click(toggle);
    expect(await screen.findByRole('heading', { name: 'Operators’ view' })).toHaveFocus();
    expect(await screen.findByTestId('migration-status')).toHaveTextContent('Version7');
    await userEvent.click(screen.getByRole('button', { name: 'Hide the operators’ view' }));
    expect(screen.queryByRole('heading', { name: 'Operators’ view' })).toBeNull();
  });

  it('says plainly when the whole page cannot be had, and retries', async () => {
    devService(() => problem(503, 'The personalization section is unavailable.'));
    const h = harness();
    render(<App store={h.store} api={h.api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in as ada' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The page could not be fully loaded: The personalization section is unavailable.');
    expect(document.querySelectorAll('[data-state="failed"]')).toHaveLength(5);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome, Ada Lovelace');
    server.use(http.get('/api/v1/intro-page/ada', () => HttpResponse.json(page())));
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Good morning, Ada');
  });

  it('draws a section it does not know as plain text', async () => {
    devService(() => {
      const p = page();
      p.sections = [...(p.sections ?? []), section('quote', { text: 'The engine weaves.' }), section('odd', { n: 1, nested: {} })];
      return HttpResponse.json(p);
    });
    await signInAsAda();
    expect(screen.getByText('The engine weaves.')).toBeInTheDocument();
    expect(document.querySelector('[data-section="odd"]')).toHaveTextContent('n1');
  });
});
