import { useEffect, useRef, useState } from 'react';
import type { ActionCommand, ActionsData, RankedItem } from '../api/types';
import { formatDateTime, relativeTime } from '../format';

/** The times an item can be snoozed for; the first is the default. */
export function snoozeChoices(now: number): { label: string; until: Date }[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const nextWeek = new Date(now);
  nextWeek.setDate(nextWeek.getDate() + ((8 - nextWeek.getDay()) % 7 || 7));
  nextWeek.setHours(9, 0, 0, 0);
  return [
    { label: '1 hour', until: new Date(now + 3_600_000) },
    { label: '4 hours', until: new Date(now + 4 * 3_600_000) },
    { label: 'Tomorrow morning', until: tomorrow },
    { label: 'Next week', until: nextWeek },
  ];
}

interface Props {
  data: ActionsData;
  pending: Record<string, ActionCommand>;
  settled: Record<string, number>;
  error: string | null;
  onAct: (itemId: string, command: ActionCommand, until?: string) => void;
  now?: () => number;
}

/** Returns the items still to show: open ones not being written, overdue first. */
export function visibleItems(
  data: ActionsData,
  pending: Record<string, unknown>,
  settled: Record<string, number>,
  now: number,
): RankedItem[] {
  return (data.items ?? [])
    .filter(({ item }) => {
      if (pending[item.id] !== undefined) return false;
      const done = settled[item.id];
      if (done !== undefined && item.version < done) return false;
      if (item.state && item.state !== 'OPEN') return false;
      return !(item.snoozedUntil && Date.parse(item.snoozedUntil) > now);
    })
    .map((ranked, index) => ({ ranked, index }))
    .sort((a, b) => Number(b.ranked.overdue) - Number(a.ranked.overdue) || a.index - b.index)
    .map(({ ranked }) => ranked);
}

function Item({
  ranked,
  onAct,
  now,
}: {
  ranked: RankedItem;
  onAct: Props['onAct'];
  now: () => number;
}) {
  const { item } = ranked;
  const [choosing, setChoosing] = useState(false);
  const [choice, setChoice] = useState(0);
  const [choices, setChoices] = useState(() => snoozeChoices(now()));
  const firstChoice = useRef<HTMLInputElement>(null);
  const snoozeButton = useRef<HTMLButtonElement>(null);
  const titleId = `item-${item.id}-title`;
  const selected = choices[choice] ?? choices[0];

  useEffect(() => {
    if (choosing) firstChoice.current?.focus();
  }, [choosing]);

  const openChoice = () => {
    setChoices(snoozeChoices(now()));
    setChoice(0);
    setChoosing(true);
  };
  const closeChoice = () => {
    setChoosing(false);
    snoozeButton.current?.focus();
  };

  return (
    <li
      className={`action-item priority-${item.priority?.toLowerCase() ?? 'normal'}${ranked.overdue ? ' overdue' : ''}`}
      data-testid="action-item"
      data-item-id={item.id}
    >
      <div className="item-text">
        <span id={titleId} className="item-title">
          {item.title}
        </span>
        <span className="item-meta">
          {ranked.overdue ? <strong className="badge-overdue">Overdue</strong> : null}
          {item.dueAt ? (
            <span>
              {ranked.overdue ? ' since ' : 'Due '}
              {relativeTime(Date.parse(item.dueAt), now())}
            </span>
          ) : null}
          <span className="muted">
            {ranked.overdue || item.dueAt ? ' · ' : ''}
            {item.priority?.toLowerCase()} priority
          </span>
        </span>
      </div>
      <div className="item-buttons">
        <button type="button" aria-describedby={titleId} onClick={() => onAct(item.id, 'complete')}>
          Complete
        </button>
        <button type="button" aria-describedby={titleId} onClick={() => onAct(item.id, 'dismiss')}>
          Dismiss
        </button>
        <button
          type="button"
          ref={snoozeButton}
          aria-describedby={titleId}
          aria-expanded={choosing}
          onClick={() => (choosing ? closeChoice() : openChoice())}
        >
          Snooze
        </button>
      </div>
      {choosing && selected ? (
        <fieldset
          className="snooze-choice"
          onKeyDown={(event) => {
            if (event.key === 'Escape') closeChoice();
          }}
        >
          <legend>Snooze “{item.title}” for</legend>
          {choices.map((c, i) => (
            <label key={c.label}>
              <input
                ref={i === 0 ? firstChoice : undefined}
                type="radio"
                name={`snooze-${item.id}`}
                checked={i === choice}
                onChange={() => setChoice(i)}
              />
              {c.label}
            </label>
          ))}
          <div className="snooze-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setChoosing(false);
                onAct(item.id, 'snooze', selected.until.toISOString());
              }}
            >
              Snooze until {formatDateTime(selected.until)}
            </button>
            <button type="button" className="quiet" onClick={closeChoice}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : null}
    </li>
  );
}

/**
 * The open action items, overdue first, each completed, dismissed or snoozed at once on screen;
 * the store rolls a refused write back and this shows why.
 */
export function ActionableItems({ data, pending, settled, error, onAct, now = Date.now }: Props) {
  const items = visibleItems(data, pending, settled, now());
  const list = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  // The item acted on leaves the list with its focused button: focus goes to its neighbour's
  // first button, or to the count when the list is empty.
  const focusAfter = useRef<{ gone: string; next: string | null } | null>(null);
  const ids = items.map((r) => r.item.id).join(' ');
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || ids.split(' ').includes(target.gone)) return;
    focusAfter.current = null;
    const next = target.next
      ? list.current?.querySelector<HTMLButtonElement>(`[data-item-id="${CSS.escape(target.next)}"] button`)
      : null;
    (next ?? summary.current)?.focus();
  }, [ids]);
  const act: Props['onAct'] = (itemId, command, until) => {
    const index = items.findIndex((r) => r.item.id === itemId);
    const neighbour = items[index + 1] ?? items[index - 1];
    focusAfter.current = { gone: itemId, next: neighbour ? neighbour.item.id : null };
    if (until === undefined) onAct(itemId, command);
    else onAct(itemId, command, until);
  };
  const hidden = (data.items ?? []).filter(
    ({ item }) =>
      pending[item.id] !== undefined ||
      (settled[item.id] !== undefined && item.version < (settled[item.id] ?? 0)),
  ).length;
  const openCount = Math.max(0, (data.openCount ?? 0) - hidden);
  return (
    <div className="actions" ref={list}>
      <p className="open-count" tabIndex={-1} ref={summary}>
        <span data-testid="open-count">{openCount}</span> open
        {data.overdueCount ? <span>, {data.overdueCount} overdue</span> : null}
        {data.snoozedCount ? <span>, {data.snoozedCount} snoozed</span> : null}
      </p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">Nothing to do. Well done.</p>
      ) : (
        <ul className="action-list">
          {items.map((ranked) => (
            <Item key={ranked.item.id} ranked={ranked} onAct={act} now={now} />
          ))}
        </ul>
      )}
      {data.truncated ? (
        <p className="muted">Showing the first {data.items.length} of {data.openCount}.</p>
      ) : null}
    </div>
  );
}
