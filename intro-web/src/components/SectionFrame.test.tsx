import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SectionSlot } from '../store/sections';
import { SectionFrame } from './SectionFrame';

function slot(overrides: Partial<SectionSlot>): SectionSlot {
  return {
    key: 'statistics',
    state: 'fresh',
    status: 'FRESH',
    data: { n: 1 },
    message: null,
    hint: null,
    updatedAt: Date.now(),
    ...overrides,
  };
}

function draw(s: SectionSlot, onRetry = vi.fn()) {
  render(
    <SectionFrame slot={s} onRetry={onRetry}>
      <p>the data</p>
    </SectionFrame>,
  );
  return { onRetry, section: screen.getByRole('region', { name: 'Statistics' }) };
}

describe('a section', () => {
  it('shows a skeleton while loading', () => {
    const { section } = draw(slot({ state: 'loading', data: null, status: null }));
    expect(section).toHaveAttribute('data-state', 'loading');
    expect(section).toHaveAttribute('data-section', 'statistics');
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(section.querySelector('.skeleton')).not.toBeNull();
    expect(screen.queryByText('the data')).toBeNull();
  });

  it('shows its data when fresh, with a refresh', async () => {
    const { section, onRetry } = draw(slot({}));
    expect(section).toHaveAttribute('data-state', 'fresh');
    expect(screen.getByText('the data')).toBeInTheDocument();
    expect(screen.queryByText(/Updated/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh Statistics' }));
    expect(onRetry).toHaveBeenCalledWith('statistics');
  });

  it('says how old stale data is', () => {
    const { section } = draw(slot({ state: 'stale', updatedAt: Date.now() - 3 * 60_000 }));
    expect(section).toHaveAttribute('data-state', 'stale');
    expect(screen.getByText('Updated 3 minutes ago')).toBeInTheDocument();
    expect(screen.getByText('the data')).toBeInTheDocument();
  });

  it('shows a plain message and Retry when degraded, with any data it still has', async () => {
    const { section, onRetry } = draw(
      slot({ state: 'degraded', message: 'The statistics section could not be loaded.', hint: 'Try later.' }),
    );
    expect(section).toHaveAttribute('data-state', 'degraded');
    expect(screen.getByText('The statistics section could not be loaded.')).toBeInTheDocument();
    expect(screen.getByText('Try later.', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('the data')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('statistics');
  });

  it('shows a plain message and Retry when failed, and no data', () => {
    const { section } = draw(slot({ state: 'failed', data: null, message: null }));
    expect(section).toHaveAttribute('data-state', 'failed');
    expect(screen.getByText('This section could not be loaded.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByText('the data')).toBeNull();
  });
});
