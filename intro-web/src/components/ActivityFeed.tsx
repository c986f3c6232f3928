import { actorName, type ActivityData, type ActivityGroup } from '../api/types';
import { relativeTime } from '../format';
import { useNow } from './useNow';

const VERBS: Record<string, string> = {
  comment: 'commented on',
  commit: 'committed to',
  review: 'reviewed',
  mention: 'mentioned you in',
  deploy: 'deployed',
  assign: 'assigned you',
};

function describe(group: ActivityGroup): string {
  const who = actorName(group.actor) ?? 'Someone';
  const verb = VERBS[group.type] ?? group.type;
  const times = group.count > 1 ? ` (${group.count} times)` : '';
  return `${who} ${verb} ${group.subject}${times}`;
}

function Group({ group, now }: { group: ActivityGroup; now: number }) {
  return (
    <li className={group.unread ? 'activity-item unread' : 'activity-item'} data-testid="activity-group">
      <span>{describe(group)}</span>{' '}
      <time className="muted" dateTime={group.lastAt}>
        {relativeTime(Date.parse(group.lastAt), now)}
      </time>
    </li>
  );
}

interface Props {
  data: ActivityData;
  older: ActivityGroup[];
  /** The next older page's cursor, or undefined while the page's own applies. */
  cursor: string | null | undefined;
  loading: boolean;
  error: string | null;
  onMore: () => void;
}

/** Grouped events, those new since the last visit first, and older pages by cursor. */
export function ActivityFeed({ data, older, cursor, loading, error, onMore }: Props) {
  const now = useNow();
  const groups = [...(data.groups ?? []), ...older];
  const fresh = groups.filter((g) => g.unread);
  const seen = groups.filter((g) => !g.unread);
  const next = cursor === undefined ? data.nextCursor : cursor;
  return (
    <div className="activity">
      {groups.length === 0 ? <p className="empty">No activity yet.</p> : null}
      {fresh.length > 0 ? (
        <>
          <h3 className="activity-heading">
            New since your last visit <span className="count" data-testid="unread-count">{data.unreadCount ?? fresh.length}</span>
          </h3>
          <ul className="activity-list">
            {fresh.map((g) => (
              <Group key={g.eventIds.join(',') || `${g.type}-${g.lastAt}`} group={g} now={now} />
            ))}
          </ul>
        </>
      ) : null}
      {seen.length > 0 ? (
        <>
          <h3 className="activity-heading">Earlier</h3>
          <ul className="activity-list">
            {seen.map((g) => (
              <Group key={g.eventIds.join(',') || `${g.type}-${g.lastAt}`} group={g} now={now} />
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          Older activity could not be loaded: {error}
        </p>
      ) : null}
      {next ? (
        <button type="button" onClick={onMore} disabled={loading} aria-busy={loading}>
          {loading ? 'Loading older activity…' : 'Show older activity'}
        </button>
      ) : groups.length > 0 ? (
        <p className="muted">That is all your activity.</p>
      ) : null}
    </div>
  );
}
