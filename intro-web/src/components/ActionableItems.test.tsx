import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ActionsData } from '../api/types';
import { actions } from '../test/fixtures';
import { ActionableItems, snoozeChoices, visibleItems } from './ActionableItems';

const NOW = Date.parse('2025-03-14T09:30:00Z');
const data = () => actions() as ActionsData;

function draw(props: Partial<Parameters<typeof ActionableItems>[0]> = {}) {
  const onAct = vi.fn();
  render(
    <ActionableItems
      data={data()}
      pending={{}}
      settled={{}}
      error={null}
      onAct={onAct}
      now={() => NOW}
      {...props}
    />,
  );
  return onAct;
}

describe('ActionableItems', () => {
  it('lists the open items overdue first, with the open count', () => {
    draw();
    const items = screen.getAllByTestId('action-item');
    expect(items.map((i) => i.getAttribute('data-item-id'))).toEqual(['a-1', 'a-2']);
    expect(within(items[0]!).getByText('Overdue')).toBeInTheDocument();
    expect(screen.getByTestId('open-count')).toHaveTextContent(/^2$/);
  });

  it('completes and dismisses an item by its buttons', async () => {
    const onAct = draw();
    const first = screen.getAllByTestId('action-item')[0]!;
    await userEvent.click(within(first).getByRole('button', { name: 'Complete' }));
    expect(onAct).toHaveBeenCalledWith('a-1', 'complete');
    await userEvent.click(within(first).getByRole('button', { name: 'Dismiss' }));
    expect(onAct).toHaveBeenCalledWith('a-1', 'dismiss');
    expect(within(first).getByRole('button', { name: 'Complete' })).toHaveAccessibleDescription(
      'Review the quarterly numbers',
    );
  });

  it('snoozes for a chosen time, one hour first, and Escape gives up with focus back', async () => {
    const onAct = draw();
    const first = screen.getAllByTestId('action-item')[0]!;
    const snooze = within(first).getByRole('button', { name: 'Snooze' });
    await userEvent.click(snooze);
    const hour = within(first).getByRole('radio', { name: '1 hour' });
    expect(hour).toBeChecked();
    expect(hour).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(within(first).queryByRole('radio')).toBeNull();
    expect(snooze).toHaveFocus();

    await userEvent.click(snooze);
    await userEvent.click(within(first).getByRole('radio', { name: '4 hours' }));
    await userEvent.click(within(first).getByRole('button', { name: /^Snooze until / }));
    expect(onAct).toHaveBeenCalledWith('a-1', 'snooze', new Date(NOW + 4 * 3_600_000).toISOString());
  });

  it('draws an item being written as gone, and the count one less', () => {
    draw({ pending: { 'a-1': 'complete' } });
    expect(screen.getAllByTestId('action-item').map((i) => i.getAttribute('data-item-id'))).toEqual(['a-2']);
    expect(screen.getByTestId('open-count')).toHaveTextContent(/^1$/);
  });

  it('moves focus to the next item when one leaves, and to the count after the last', async () => {
    const onAct = vi.fn();
    const props = { data: data(), settled: {}, error: null, onAct, now: () => NOW };
    const { rerender } = render(<ActionableItems pending={{}} {...props} />);
    const first = screen.getAllByTestId('action-item')[0]!;
    await userEvent.click(within(first).getByRole('button', { name: 'Complete' }));
    rerender(<ActionableItems pending={{ 'a-1': 'complete' }} {...props} />);
    const next = screen.getAllByTestId('action-item')[0]!;
    expect(within(next).getByRole('button', { name: 'Complete' })).toHaveFocus();
    await userEvent.click(within(next).getByRole('button', { name: 'Dismiss' }));
    rerender(<ActionableItems pending={{ 'a-1': 'complete', 'a-2': 'dismiss' }} {...props} />);
    expect(screen.getByTestId('open-count').parentElement).toHaveFocus();
  });

  it('shows why a write was refused', () => {
    draw({ error: 'Could not complete “x”: changed. It is back in your list.' });
    expect(screen.getByRole('alert')).toHaveTextContent('It is back in your list.');
  });

  it('says when there is nothing to do', () => {
    draw({ data: { ...data(), items: [], openCount: 0, overdueCount: 0 } });
    expect(screen.getByText('Nothing to do. Well done.')).toBeInTheDocument();
  });

  it('says when the list is cut short', () => {
    draw({ data: { ...data(), openCount: 7, truncated: true } });
    expect(screen.getByText('Showing the first 2 of 7.')).toBeInTheDocument();
  });

  it('hides settled, closed and snoozed items', () => {
    const d = data();
    const [low, overdue] = d.items;
    const items = [
      { ...overdue!, item: { ...overdue!.item, version: 0 } },
      { ...low!, item: { ...low!.item, snoozedUntil: '2025-03-14T12:00:00Z' } },
      { ...low!, item: { ...low!.item, id: 'a-3', state: 'COMPLETED' } },
      { ...low!, item: { ...low!.item, id: 'a-4' } },
    ];
    expect(visibleItems({ ...d, items }, {}, { 'a-1': 1 }, NOW).map((r) => r.item.id)).toEqual(['a-4']);
  });

  it('offers snooze times from an hour to next week', () => {
    const choices = snoozeChoices(NOW);
    expect(choices.map((c) => c.label)).toEqual(['1 hour', '4 hours', 'Tomorrow morning', 'Next week']);
    expect(choices.every((c, i) => i === 0 || c.until > choices[i - 1]!.until)).toBe(true);
  });
});
