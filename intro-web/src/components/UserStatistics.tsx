import type { StatisticsData } from '../api/types';
import { formatDay } from '../format';

const COUNTS: { name: keyof StatisticsData; label: string }[] = [
  { name: 'activityLast7Days', label: 'Activity, last 7 days' },
  { name: 'activityLast30Days', label: 'Activity, last 30 days' },
  { name: 'completedLast30Days', label: 'Completed, last 30 days' },
  { name: 'openActions', label: 'Open actions' },
  { name: 'currentStreak', label: 'Current streak (days)' },
  { name: 'longestStreak', label: 'Longest streak (days)' },
];

const WIDTH = 140;
const HEIGHT = 36;

/** Returns the polyline points of a sparkline over `values`, scaled to the drawing. */
export function sparklinePoints(values: number[]): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (v / max) * (HEIGHT - 4)).toFixed(1)}`)
    .join(' ');
}

function trendText(trend: StatisticsData['trend']): string {
  const change =
    trend.changePercent === null || trend.changePercent === undefined
      ? null
      : `${Math.abs(Math.round(trend.changePercent))} %`;
  switch (trend.direction) {
    case 'UP':
      return change ? `Up ${change} on the 7 days before` : 'Up from nothing the 7 days before';
    case 'DOWN':
      return change ? `Down ${change} on the 7 days before` : 'Down on the 7 days before';
    default:
      return 'Level with the 7 days before';
  }
}

const ARROW: Record<string, string> = { UP: '↑', DOWN: '↓' };

/** The user's counts, a 14-day sparkline of activity, and the trend with its direction. */
export function UserStatistics({ data }: { data: StatisticsData }) {
  const series = data.series ?? [];
  const values = series.map((d) => d.events);
  const first = series[0];
  const last = series[series.length - 1];
  const total = values.reduce((a, b) => a + b, 0);
  const description =
    first && last
      ? `Activity per day from ${formatDay(first.date)} to ${formatDay(last.date)}: ${total} events in all, ${values.join(', ')}.`
      : 'No activity recorded.';
  const direction = data.trend?.direction ?? 'FLAT';
  return (
    <div className="stats">
      <dl className="stat-grid">
        {COUNTS.map(({ name, label }) => (
          <div className="stat" key={name}>
            <dt>{label}</dt>
            <dd data-testid={`stat-${name}`}>{String(data[name] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      <figure className="sparkline">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={description}
          preserveAspectRatio="none"
          focusable="false"
        >
          <polyline
            points={sparklinePoints(values)}
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        <figcaption>Last 14 days</figcaption>
      </figure>
      {data.trend ? (
        <p className={`trend trend-${direction.toLowerCase()}`} data-testid="trend">
          <span aria-hidden="true">{ARROW[direction] ?? '→'} </span>
          {trendText(data.trend)} ({data.trend.current} against {data.trend.previous})
        </p>
      ) : null}
    </div>
  );
}
