import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SystemData } from '../api/types';
import { system } from '../test/fixtures';
import { SystemOverview } from './SystemOverview';

describe('SystemOverview', () => {
  it('shows each component, the schema version, the migration state and the notices', () => {
    render(<SystemOverview data={system() as SystemData} />);
    expect(screen.getByTestId('system-overall')).toHaveTextContent('Working');
    expect(screen.getByTestId('schema-version')).toHaveTextContent('V7');
    expect(screen.getByTestId('migration-state')).toHaveTextContent('up to date');
    const components = within(screen.getByRole('list', { name: 'Components' })).getAllByRole('listitem');
    expect(components.map((c) => c.textContent)).toEqual([
      'databaseWorkingsqlite',
      'migrationsWorkingschema at V7',
      'Section statisticsWorkingcircuit breaker closed',
    ]);
    expect(screen.getByRole('list', { name: 'Maintenance notices' })).toHaveTextContent(
      'Planned maintenance: Database upgrade',
    );
  });

  it('says when migrations are pending or broken, and when maintenance is on', () => {
    const notice = { id: 'n', message: 'Upgrading now', severity: 'WARNING', startsAt: '2025-03-14T09:00:00Z', endsAt: '2025-03-14T10:00:00Z' };
    const { rerender } = render(
      <SystemOverview
        data={system({
          overall: 'DEGRADED',
          schemaVersion: null,
          components: [{ name: 'migrations', state: 'DEGRADED', detail: '1 pending', critical: true }],
          activeNotices: [notice],
          upcomingNotices: [],
        }) as SystemData}
      />,
    );
    expect(screen.getByTestId('migration-state')).toHaveTextContent('migrations pending (1 pending)');
    expect(screen.getByTestId('schema-version')).toHaveTextContent('none');
    expect(screen.getByText(/Maintenance now:/)).toBeInTheDocument();
    rerender(
      <SystemOverview data={system({ components: [{ name: 'migrations', state: 'DOWN', detail: 'drift', critical: true }] }) as SystemData} />,
    );
    expect(screen.getByTestId('migration-state')).toHaveTextContent('needs attention (drift)');
    rerender(<SystemOverview data={system({ components: [] }) as SystemData} />);
    expect(screen.getByTestId('migration-state')).toHaveTextContent('not reported');
  });
});
