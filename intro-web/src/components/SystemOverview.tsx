import type { ComponentStatus, MaintenanceNotice, SystemData } from '../api/types';
import { formatDateTime } from '../format';

const STATE_WORDS: Record<string, string> = {
  UP: 'Working',
  DEGRADED: 'Degraded',
  DOWN: 'Down',
  UNKNOWN: 'Unknown',
};

function stateWord(state: string): string {
  return STATE_WORDS[state] ?? state;
}

function componentName(name: string): string {
  return name.startsWith('section:') ? `Section ${name.slice('section:'.length)}` : name;
}

function migrationState(component: ComponentStatus | undefined): string {
  if (!component) return 'not reported';
  switch (component.state) {
    case 'UP':
      return 'up to date';
    case 'DEGRADED':
      return `migrations pending${component.detail ? ` (${component.detail})` : ''}`;
    case 'DOWN':
      return `needs attention${component.detail ? ` (${component.detail})` : ''}`;
    default:
      return component.detail ?? stateWord(component.state);
  }
}

function Notice({ notice, active }: { notice: MaintenanceNotice; active: boolean }) {
  return (
    <li className={`notice notice-${(notice.severity ?? 'info').toLowerCase()}`}>
      <strong>{active ? 'Maintenance now: ' : 'Planned maintenance: '}</strong>
      {notice.message}{' '}
      <span className="muted">
        ({formatDateTime(notice.startsAt)} to {formatDateTime(notice.endsAt)})
      </span>
    </li>
  );
}

/** Each component's status, the schema version and migration state, and maintenance notices. */
export function SystemOverview({ data }: { data: SystemData }) {
  const components = data.components ?? [];
  const migrations = components.find((c) => c.name === 'migrations');
  const active = data.activeNotices ?? [];
  const upcoming = data.upcomingNotices ?? [];
  return (
    <div className="system">
      {active.length + upcoming.length > 0 ? (
        <ul className="notices" aria-label="Maintenance notices">
          {active.map((n) => (
            <Notice key={n.id} notice={n} active />
          ))}
          {upcoming.map((n) => (
            <Notice key={n.id} notice={n} active={false} />
          ))}
        </ul>
      ) : null}
      <p className={`overall status-${(data.overall ?? 'UNKNOWN').toLowerCase()}`}>
        Overall: <strong data-testid="system-overall">{stateWord(data.overall ?? 'UNKNOWN')}</strong>
      </p>
      <dl className="facts">
        <div>
          <dt>Schema version</dt>
          <dd data-testid="schema-version">{data.schemaVersion ?? 'none'}</dd>
        </div>
        <div>
          <dt>Migrations</dt>
          <dd data-testid="migration-state">{migrationState(migrations)}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{data.version}</dd>
        </div>
        <div>
          <dt>Active users</dt>
          <dd>{data.activeUsers}</dd>
        </div>
      </dl>
      <ul className="components" aria-label="Components">
        {components.map((c) => (
          <li key={c.name} className={`component status-${c.state.toLowerCase()}`}>
            <span className="dot" aria-hidden="true" />
            <span className="component-name">{componentName(c.name)}</span>
            <span className="component-state">{stateWord(c.state)}</span>
            {c.detail ? <span className="muted component-detail">{c.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
