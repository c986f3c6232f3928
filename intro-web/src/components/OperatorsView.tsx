import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../api/client';
import type { HealthView, MetricsView, MigrationsView } from '../api/types';
import { formatDateTime, millis, percent } from '../format';

/** How often the view refreshes while open; only operators see it, and only while it is open. */
export const OPERATOR_REFRESH_MILLIS = 10_000;

interface Props {
  api: Pick<Api, 'metrics' | 'health' | 'migrations' | 'invalidate'>;
  userId: string;
}

/** Returns a field name as words: `currentVersion` becomes "Current version". */
export function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function Scalar({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">none</span>;
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

/** Shows whatever the migrations answer holds: its plain fields, then each list as a table. */
function Migrations({ data }: { data: MigrationsView }) {
  const entries = Object.entries(data);
  const plain = entries.filter(([, v]) => !Array.isArray(v));
  const lists = entries.filter(([, v]) => Array.isArray(v)) as [string, unknown[]][];
  return (
    <>
      <dl className="facts" data-testid="migration-status">
        {plain.map(([name, value]) => (
          <div key={name}>
            <dt>{words(name)}</dt>
            <dd>
              <Scalar value={value} />
            </dd>
          </div>
        ))}
      </dl>
      {lists.map(([name, rows]) => {
        const columns = [
          ...new Set(
            rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r as object) : ['value'])),
          ),
        ];
        if (rows.length === 0) {
          return (
            <p key={name}>
              {words(name)}: <span className="muted">none</span>
            </p>
          );
        }
        return (
          <div className="table-wrap" key={name}>
            <table>
              <caption>{words(name)}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c === 'value' ? words(name) : words(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c}>
                        <Scalar
                          value={
                            row && typeof row === 'object'
                              ? (row as Record<string, unknown>)[c]
                              : row
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}

/**
 * The operators' view (`intro:admin`): each section's latency, breaker and cache hit ratio from
 * the metrics endpoint, the page's section health, and the schema's migration status and history.
 */
export function OperatorsView({ api, userId }: Props) {
  const [metrics, setMetrics] = useState<MetricsView | null>(null);
  const [health, setHealth] = useState<HealthView | null>(null);
  const [migrations, setMigrations] = useState<MigrationsView | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(async () => {
    const [m, h, g] = await Promise.allSettled([
      api.metrics(),
      api.health(userId),
      api.migrations(),
    ]);
    const failed: string[] = [];
    if (m.status === 'fulfilled') setMetrics(m.value);
    else failed.push(`Metrics: ${(m.reason as Error).message}`);
    if (h.status === 'fulfilled') setHealth(h.value);
    else failed.push(`Section health: ${(h.reason as Error).message}`);
    if (g.status === 'fulfilled') setMigrations(g.value);
    else failed.push(`Migrations: ${(g.reason as Error).message}`);
    setErrors(failed);
  }, [api, userId]);

  useEffect(() => {
    heading.current?.focus();
    void refresh();
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void refresh();
    }, OPERATOR_REFRESH_MILLIS);
    return () => clearInterval(timer);
  }, [refresh]);

  const sections = metrics ? Object.entries(metrics.engine?.sections ?? {}) : [];
  const healthBySection = new Map((health?.sections ?? []).map((s) => [s.section ?? '', s]));

  return (
    <section className="card operators" aria-labelledby="operators-title">
      <div className="card-head">
        <h2 id="operators-title" tabIndex={-1} ref={heading}>
          Operators’ view
        </h2>
        <div className="card-tools">
          <button type="button" className="quiet" onClick={() => void refresh()}>
            Refresh now
          </button>
          <button
            type="button"
            className="quiet"
            onClick={async () => {
              try {
                await api.invalidate(userId);
                setNotice(`Cached sections of ${userId} were dropped.`);
              } catch (error) {
                setNotice(`The cache could not be cleared: ${(error as Error).message}`);
              }
            }}
          >
            Clear this page’s cache
          </button>
        </div>
      </div>
      {notice ? <p className="card-note">{notice}</p> : null}
      {errors.length > 0 ? (
        <ul className="inline-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {metrics ? (
        <p>
          Whole page: p95 <strong data-testid="page-p95">{millis(metrics.engine.page.p95Millis)}</strong>{' '}
          over {metrics.engine.page.count} loads; {metrics.engine.pagesFailed} failed.
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>Sections</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">p99</th>
              <th scope="col">Breaker</th>
              <th scope="col">Cache hit ratio</th>
              <th scope="col">Last failure</th>
            </tr>
          </thead>
          <tbody>
            {sections.map(([name, s]) => {
              const h = healthBySection.get(name);
              return (
                <tr key={name} data-testid="operator-section">
                  <th scope="row">{name}</th>
                  <td>{millis(s.latency.p50Millis)}</td>
                  <td>{millis(s.latency.p95Millis)}</td>
                  <td>{millis(s.latency.p99Millis)}</td>
                  <td className={`breaker breaker-${(metrics?.breakers[name] ?? s.breaker).toLowerCase()}`}>
                    {metrics?.breakers[name] ?? s.breaker}
                  </td>
                  <td>{percent(s.cacheHitRatio)}</td>
                  <td>
                    {h?.lastFailure
                      ? `${formatDateTime(h.lastFailure)}${h.lastErrorCode ? ` (${h.lastErrorCode})` : ''}`
                      : 'none'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Schema and migrations</h3>
      {migrations ? <Migrations data={migrations} /> : <p className="muted">Loading…</p>}
    </section>
  );
}
