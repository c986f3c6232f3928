import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityData, ActivityGroup } from '../api/types';
import { activity } from '../test/fixtures';
import { ActivityFeed } from './ActivityFeed';

const older: ActivityGroup = {
  type: 'review',
  actor: { value: 'ada' },
  subject: 'Note A',
  count: 1,
  firstAt: '2025-03-01T00:00:00Z',
  lastAt: '2025-03-01T00:00:00Z',
  eventIds: ['e-1'],
  unread: false,
};

describe('ActivityFeed', () => {
  it('groups what is new since the last visit apart from the rest', () => {
    render(
      <ActivityFeed data={activity() as ActivityData} older={[]} cursor={undefined} loading={false} error={null} onMore={vi.fn()} />,
    );
    expect(screen.getByRole('heading', { name: /New since your last visit/ })).toBeInTheDocument();
    expect(screen.getByTestId('unread-count')).toHaveTextContent('2');
    const groups = screen.getAllByTestId('activity-group');
    expect(groups[0]).toHaveTextContent('grace commented on Note G (2 times)');
    expect(groups[0]).toHaveClass('unread');
    expect(groups[1]).toHaveTextContent('Someone committed to Note F');
  });

  it('loads older pages by cursor until there are none', async () => {
    const onMore = vi.fn();
    const { rerender } = render(
      <ActivityFeed data={activity() as ActivityData} older={[]} cursor={undefined} loading={false} error={null} onMore={onMore} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show older activity' }));
    expect(onMore).toHaveBeenCalledOnce();
    rerender(
      <ActivityFeed data={activity() as ActivityData} older={[]} cursor={undefined} loading error={null} onMore={onMore} />,
    );
    expect(screen.getByRole('button', { name: 'Loading older activity…' })).toBeDisabled();
    rerender(
      <ActivityFeed data={activity() as ActivityData} older={[older]} cursor={null} loading={false} error="Broken." onMore={onMore} />,
    );
    expect(screen.getAllByTestId('activity-group')).toHaveLength(3);
    expect(screen.getByText('ada reviewed Note A')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Older activity could not be loaded: Broken.');
    expect(screen.queryByRole('button', { name: 'Show older activity' })).toBeNull();
    expect(screen.getByText('That is all your activity.')).toBeInTheDocument();
  });

  it('says when there is no activity', () => {
    render(
      <ActivityFeed data={{ groups: [], unreadCount: 0, nextCursor: null }} older={[]} cursor={undefined} loading={false} error={null} onMore={vi.fn()} />,
    );
    expect(screen.getByText('No activity yet.')).toBeInTheDocument();
  });
});
