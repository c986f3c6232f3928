import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StatisticsData } from '../api/types';
import { statistics } from '../test/fixtures';
import { sparklinePoints, UserStatistics } from './UserStatistics';

describe('UserStatistics', () => {
  it('shows each count, the 14-day sparkline and the trend going up', () => {
    render(<UserStatistics data={statistics() as StatisticsData} />);
    expect(screen.getByTestId('stat-activityLast7Days')).toHaveTextContent(/^10$/);
    expect(screen.getByTestId('stat-openActions')).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('stat-longestStreak')).toHaveTextContent(/^3$/);
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName(/from Mar 1 to Mar 14: 19 events in all/);
    expect(chart.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(14);
    expect(screen.getByTestId('trend')).toHaveTextContent('Up 11 % on the 7 days before (10 against 9)');
    expect(screen.getByTestId('trend')).toHaveClass('trend-up');
  });

  it('says when the trend goes down, or is level, or started from nothing', () => {
    const { rerender } = render(
      <UserStatistics
        data={statistics({ trend: { current: 5, previous: 10, direction: 'DOWN', changePercent: -50 } }) as StatisticsData}
      />,
    );
    expect(screen.getByTestId('trend')).toHaveTextContent('Down 50 %');
    rerender(
      <UserStatistics data={statistics({ trend: { current: 4, previous: 4, direction: 'FLAT', changePercent: 0 } }) as StatisticsData} />,
    );
    expect(screen.getByTestId('trend')).toHaveTextContent('Level with the 7 days before');
    rerender(
      <UserStatistics data={statistics({ trend: { current: 4, previous: 0, direction: 'UP', changePercent: null }, series: [] }) as StatisticsData} />,
    );
    expect(screen.getByTestId('trend')).toHaveTextContent('Up from nothing');
    expect(screen.getByRole('img')).toHaveAccessibleName('No activity recorded.');
  });

  it('scales the sparkline to the highest day', () => {
    expect(sparklinePoints([0, 2])).toBe('0.0,34.0 140.0,2.0');
    expect(sparklinePoints([])).toBe('');
  });
});
