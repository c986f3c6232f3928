import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { MetricsView } from '../api/types';
import { OperatorsView } from './OperatorsView';

const latency = (p: number) => ({ count: 9, p50Millis: p, p95Millis: p * 2, p99Millis: p * 3, maxMillis: p * 4 });

const metrics: MetricsView = {
  engine: {
    at: '2025-03-14T09:30:00Z',
    since: '2025-03-14T09:00:00Z',
    window: 1024,
    page: latency(4),
    pagesFailed: 1,
    sections: {
      statistics: {
        latency: latency(2.5),
        statuses: { FRESH: 9 },
        cacheHits: 7,
        cacheStaleHits: 1,
        cacheMisses: 2,
        cacheHitRatio: 0.8,
        refreshes: 0,
        refreshFailures: 0,
        breaker: 'CLOSED',
      },
    },
  },
  breakers: { statistics: 'OPEN' },
};

function api() {
  return {
    metrics: vi.fn().mockResolvedValue(metrics),
    health: vi.fn().mockResolvedValue({
      userId: 'ada',
      checkedAt: 'x',
      sections: [
        { section: 'statistics', criticality: 'OPTIONAL', breaker: 'OPEN', lastSuccess: null, lastFailure: '2025-03-14T09:29:00Z', lastErrorCode: 'SECTION_TIMEOUT' },
      ],
    }),
    migrations: vi.fn().mockResolvedValue({
      state: 'UP',
      currentVersion: 6,
      upToDate: true,
      pending: [],
      drift: ['V3 checksum'],
      history: [{ version: 1, description: 'users', success: true }],
    }),
    invalidate: vi.fn().mockResolvedValue(undefined),
  };
}

describe('OperatorsView', () => {
  it('shows latencies, breakers, cache hit ratio, last failures and the migrations', async () => {
    render(<OperatorsView api={api()} userId="ada" />);
    const row = await screen.findByTestId('operator-section');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '2.5 ms',
      '5.0 ms',
      '7.5 ms',
      'OPEN',
      '80 %',
      expect.stringContaining('(SECTION_TIMEOUT)'),
    ]);
    expect(screen.getByTestId('page-p95')).toHaveTextContent('8.0 ms');
    const status = await screen.findByTestId('migration-status');
    expect(status).toHaveTextContent('StateUP');
    expect(status).toHaveTextContent('Current version6');
    expect(status).toHaveTextContent('Up to dateyes');
    expect(screen.getByText('Pending:', { exact: false })).toHaveTextContent('Pending: none');
    const history = screen.getByRole('table', { name: 'History' });
    expect(within(history).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Version',
      'Description',
      'Success',
    ]);
    expect(history).toHaveTextContent('1usersyes');
    expect(screen.getByRole('table', { name: 'Drift' })).toHaveTextContent('V3 checksum');
    expect(screen.getByRole('heading', { name: 'Operators’ view' })).toHaveFocus();
  });

  it('refreshes on a timer while open, and clears the page cache', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fake = api();
    const { unmount } = render(<OperatorsView api={fake} userId="ada" />);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.metrics).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
    await userEvent.click(screen.getByRole('button', { name: 'Clear this page’s cache' }));
    expect(fake.invalidate).toHaveBeenCalledWith('ada');
    expect(await screen.findByText('Cached sections of ada were dropped.')).toBeInTheDocument();
    unmount();
  });

  it('says which parts could not be had', async () => {
    const fake = api();
    fake.migrations.mockRejectedValue(new ApiError('That was not found.', 404));
    fake.health.mockRejectedValue(new ApiError('No.', 403));
    fake.metrics.mockRejectedValue(new ApiError('Down.', 500));
    fake.invalidate.mockRejectedValue(new ApiError('No.', 403));
    render(<OperatorsView api={fake} userId="ada" />);
    expect(await screen.findByText('Migrations: That was not found.')).toBeInTheDocument();
    expect(screen.getByText('Metrics: Down.')).toBeInTheDocument();
    expect(screen.getByText('Section health: No.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear this page’s cache' }));
    expect(await screen.findByText('The cache could not be cleared: No.')).toBeInTheDocument();
  });
});
