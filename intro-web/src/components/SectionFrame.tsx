import type { ReactNode } from 'react';
import { relativeTime, sectionLabel } from '../format';
import type { SectionSlot } from '../store/sections';
import { useNow } from './useNow';

interface Props {
  slot: SectionSlot;
  onRetry: (key: string) => void;
  /** Draws the section's data; called only when there is data to draw. */
  children?: ReactNode;
  /** Buttons for the section's header, beside its title. */
  tools?: ReactNode;
}

/**
 * One section of the page with its own state: a skeleton while loading, the data when fresh, the
 * data with its age when stale, and a plain message with Retry when degraded or failed. What goes
 * wrong in one section stays in it.
 */
export function SectionFrame({ slot, onRetry, children, tools }: Props) {
  const now = useNow();
  const titleId = `section-${slot.key}-title`;
  const label = sectionLabel(slot.key);
  const hasData = slot.data !== null && slot.data !== undefined;
  const troubled = slot.state === 'degraded' || slot.state === 'failed';
  return (
    <section
      className={`card section-${slot.key} state-${slot.state}`}
      data-section={slot.key}
      data-state={slot.state}
      aria-labelledby={titleId}
      aria-busy={slot.state === 'loading'}
    >
      <div className="card-head">
        <h2 id={titleId}>{label}</h2>
        <div className="card-tools">
          {tools}
          {!troubled && slot.state !== 'loading' ? (
            <button type="button" className="quiet" onClick={() => onRetry(slot.key)}>
              Refresh<span className="visually-hidden"> {label}</span>
            </button>
          ) : null}
        </div>
      </div>
      {slot.state === 'stale' ? (
        <p className="card-note">Updated {relativeTime(slot.updatedAt, now)}</p>
      ) : null}
      {troubled ? (
        <div className="card-problem">
          <p>
            {slot.message ?? 'This section could not be loaded.'}
            {slot.hint ? <span className="hint"> {slot.hint}</span> : null}
          </p>
          <button type="button" onClick={() => onRetry(slot.key)}>
            Retry
          </button>
        </div>
      ) : null}
      {slot.state === 'loading' && !hasData ? (
        <div className="skeleton" aria-hidden="true">
          <span className="skeleton-line" />
          <span className="skeleton-line short" />
          <span className="skeleton-line" />
        </div>
      ) : null}
      {slot.state === 'loading' ? <p className="visually-hidden">Loading {label}…</p> : null}
      {hasData ? children : null}
    </section>
  );
}
