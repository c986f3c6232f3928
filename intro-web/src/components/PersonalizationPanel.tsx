import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Density, PersonalizationData, PreferencesBody, Theme } from '../api/types';
import { sectionLabel } from '../format';
import type { SaveOutcome } from '../store/appStore';

interface Props {
  data: PersonalizationData;
  conflict: boolean;
  error: string | null;
  onSave: (body: PreferencesBody) => Promise<SaveOutcome>;
  onReload: () => Promise<void>;
  onClose: () => void;
  announce: (text: string) => void;
}

interface Row {
  key: string;
  shown: boolean;
}

function rowsOf(data: PersonalizationData): Row[] {
  const order = data.layout?.order ?? [];
  const hidden = data.layout?.hidden ?? [];
  return [
    ...order.map((key) => ({ key, shown: true })),
    ...hidden.filter((key) => !order.includes(key)).map((key) => ({ key, shown: false })),
  ];
}

const THEMES: { value: Theme; label: string }[] = [
  { value: 'LIGHT', label: 'Light' },
  { value: 'DARK', label: 'Dark' },
  { value: 'SYSTEM', label: 'System' },
];

const DENSITIES: { value: Density; label: string }[] = [
  { value: 'COMFORTABLE', label: 'Comfortable' },
  { value: 'COMPACT', label: 'Compact' },
];

/**
 * The form that arranges the page: theme (overriding the system's), density, and the sections'
 * order and visibility. Rows move with buttons (keyboard and pointer) or by dragging. A save the
 * service refuses because the preferences changed elsewhere is explained, with the way out.
 */
export function PersonalizationPanel({
  data,
  conflict,
  error,
  onSave,
  onReload,
  onClose,
  announce,
}: Props) {
  const [theme, setTheme] = useState<Theme>(data.theme ?? 'SYSTEM');
  const [density, setDensity] = useState<Density>(data.density ?? 'COMFORTABLE');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(data));
  const [saving, setSaving] = useState(false);
  const [dragged, setDragged] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // After the person asked for the server's version, the form shows it; a page that merely
  // arrives (live) leaves the edits alone, and their save then meets the conflict.
  const reloading = useRef(false);
  useEffect(() => {
    if (!reloading.current) return;
    reloading.current = false;
    setTheme(data.theme ?? 'SYSTEM');
    setDensity(data.density ?? 'COMFORTABLE');
    setRows(rowsOf(data));
  }, [data]);

  useEffect(() => {
    if (conflict) alertRef.current?.focus();
  }, [conflict]);

  useEffect(() => {
    const target = focusAfterMove.current;
    if (target) {
      buttons.current.get(target)?.focus();
      focusAfterMove.current = null;
    }
  }, [rows]);

  const move = (index: number, by: number, focusId?: string) => {
    const to = index + by;
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(to, 0, row);
    if (focusId) focusAfterMove.current = focusId;
    setRows(next);
    announce(`${sectionLabel(row.key)} moved to position ${to + 1} of ${rows.length}.`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const outcome = await onSave({
      theme,
      density,
      sectionOrder: rows.map((r) => r.key),
      hiddenSections: rows.filter((r) => !r.shown).map((r) => r.key),
    });
    setSaving(false);
    if (outcome === 'saved') onClose();
  };

  return (
    <form className="panel" aria-labelledby="panel-title" onSubmit={submit}>
      <h3 id="panel-title" tabIndex={-1} ref={heading}>
        Customize your page
      </h3>
      {conflict ? (
        <div className="alert" role="alert" tabIndex={-1} ref={alertRef}>
          <p>
            Your preferences were changed in another tab or on another device after you opened
            this form, so these changes were not saved. Load the saved version to see it, then
            make your changes again.
          </p>
          <button
            type="button"
            onClick={() => {
              reloading.current = true;
              void onReload();
            }}
          >
            Load the saved version
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          Your preferences could not be saved: {error}
        </p>
      ) : null}
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value}>
            <input
              type="radio"
              name="theme"
              value={t.value}
              checked={theme === t.value}
              onChange={() => setTheme(t.value)}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Density</legend>
        {DENSITIES.map((d) => (
          <label key={d.value}>
            <input
              type="radio"
              name="density"
              value={d.value}
              checked={density === d.value}
              onChange={() => setDensity(d.value)}
            />
            {d.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sections, in order</legend>
        <ol className="order-list">
          {rows.map((row, index) => {
            const label = sectionLabel(row.key);
            return (
              <li
                key={row.key}
                data-key={row.key}
                draggable
                className={dragged === row.key ? 'dragging' : undefined}
                onDragStart={(event) => {
                  setDragged(row.key);
                  event.dataTransfer?.setData('text/plain', row.key);
                }}
                onDragOver={(event) => event.preventDefault()}
                onDrop={(event) => {
                  event.preventDefault();
                  const from = rows.findIndex((r) => r.key === dragged);
                  if (from >= 0) move(from, index - from);
                  setDragged(null);
                }}
                onDragEnd={() => setDragged(null)}
              >
                <label className="order-show">
                  <input
                    type="checkbox"
                    checked={row.shown}
                    onChange={() =>
                      setRows(rows.map((r) => (r.key === row.key ? { ...r, shown: !r.shown } : r)))
                    }
                  />
                  Show {label}
                </label>
                <span className="order-buttons">
                  <button
                    type="button"
                    className="quiet"
                    disabled={index === 0}
                    ref={(el) => {
                      if (el) buttons.current.set(`${row.key}-up`, el);
                    }}
                    onClick={() => move(index, -1, index - 1 === 0 ? `${row.key}-down` : `${row.key}-up`)}
                  >
                    <span aria-hidden="true">↑</span>
                    <span className="visually-hidden">Move {label} up</span>
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    disabled={index === rows.length - 1}
                    ref={(el) => {
                      if (el) buttons.current.set(`${row.key}-down`, el);
                    }}
                    onClick={() =>
                      move(index, 1, index + 1 === rows.length - 1 ? `${row.key}-up` : `${row.key}-down`)
                    }
                  >
                    <span aria-hidden="true">↓</span>
                    <span className="visually-hidden">Move {label} down</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      </fieldset>
      <div className="panel-buttons">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
