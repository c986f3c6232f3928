import { useEffect, useRef, useState } from 'react';
import type { Api } from '../api/client';
import type {
  ActionsData,
  ActivityData,
  PersonalizationData,
  StatisticsData,
  SystemData,
} from '../api/types';
import { ADMIN_ROLE } from '../auth';
import { useApp } from '../store/appStore';
import type { SectionSlot } from '../store/sections';
import { ActionableItems } from './ActionableItems';
import { ActivityFeed } from './ActivityFeed';
import { OperatorsView } from './OperatorsView';
import { PersonalizationPanel } from './PersonalizationPanel';
import { SectionFrame } from './SectionFrame';
import { SystemOverview } from './SystemOverview';
import { UserStatistics } from './UserStatistics';

const THEME_WORDS: Record<string, string> = { LIGHT: 'light', DARK: 'dark', SYSTEM: 'as the system' };

function Personalization({ data }: { data: PersonalizationData }) {
  const [open, setOpen] = useState(false);
  const customize = useRef<HTMLButtonElement>(null);
  const conflict = useApp((s) => s.preferencesConflict);
  const error = useApp((s) => s.preferencesError);
  const save = useApp((s) => s.savePreferences);
  const reload = useApp((s) => s.reloadPreferences);
  const announce = useApp((s) => s.announce);
  const close = () => {
    setOpen(false);
    // The panel is gone: focus goes back to the button that opened it.
    setTimeout(() => customize.current?.focus(), 0);
  };
  return (
    <div className="personalization">
      <p>
        Theme: {THEME_WORDS[data.theme] ?? data.theme}. Density: {data.density?.toLowerCase()}.{' '}
        {data.layout?.hidden?.length ? `${data.layout.hidden.length} hidden.` : 'All sections shown.'}
      </p>
      <button
        type="button"
        ref={customize}
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Customize
      </button>
      {open ? (
        <PersonalizationPanel
          data={data}
          conflict={conflict}
          error={error}
          onSave={save}
          onReload={reload}
          onClose={close}
          announce={announce}
        />
      ) : null}
    </div>
  );
}

function Other({ data }: { data: unknown }) {
  if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    if (typeof record['text'] === 'string') {
      return <blockquote className="quote">{record['text']}</blockquote>;
    }
    return (
      <dl className="facts">
        {Object.entries(record)
          .filter(([, v]) => v === null || typeof v !== 'object')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{String(v)}</dd>
            </div>
          ))}
      </dl>
    );
  }
  return <p>{String(data)}</p>;
}

function SectionBody({ slot }: { slot: SectionSlot }) {
  const pending = useApp((s) => s.pendingActions);
  const settled = useApp((s) => s.settledActions);
  const actionError = useApp((s) => s.actionError);
  const act = useApp((s) => s.act);
  const older = useApp((s) => s.olderActivity);
  const cursor = useApp((s) => s.activityCursor);
  const loading = useApp((s) => s.activityLoading);
  const activityError = useApp((s) => s.activityError);
  const more = useApp((s) => s.loadOlderActivity);
  switch (slot.key) {
    case 'statistics':
      return <UserStatistics data={slot.data as StatisticsData} />;
    case 'system':
      return <SystemOverview data={slot.data as SystemData} />;
    case 'actions':
      return (
        <ActionableItems
          data={slot.data as ActionsData}
          pending={pending}
          settled={settled}
          error={actionError}
          onAct={(id, command, until) => void act(id, command, until)}
        />
      );
    case 'activity':
      return (
        <ActivityFeed
          data={slot.data as ActivityData}
          older={older}
          cursor={cursor}
          loading={loading}
          error={activityError}
          onMore={() => void more()}
        />
      );
    case 'personalization':
      return <Personalization data={slot.data as PersonalizationData} />;
    default:
      return <Other data={slot.data} />;
  }
}

const LIVE_WORDS: Record<string, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  off: 'Not live',
};

/**
 * The signed-in page: the greeting, the sections in the user's order each in its own state, and
 * for operators their view. One section's trouble never blanks the others.
 */
export function IntroPage({ api }: { api: Api }) {
  const session = useApp((s) => s.session);
  const sections = useApp((s) => s.sections);
  const pageError = useApp((s) => s.pageError);
  const live = useApp((s) => s.live);
  const loadPage = useApp((s) => s.loadPage);
  const retry = useApp((s) => s.retrySection);
  const [operators, setOperators] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const personalization = sections.find((s) => s.key === 'personalization')?.data as
    | PersonalizationData
    | null
    | undefined;
  const name = session?.displayName ?? session?.userId ?? '';
  const greeting = personalization?.greeting ?? `Welcome, ${name}`;
  const isAdmin = session?.roles.includes(ADMIN_ROLE) ?? false;

  return (
    <main id="main" className="page" aria-labelledby="greeting">
      <div className="page-head">
        <h1 id="greeting" tabIndex={-1} ref={heading}>
          {greeting}
        </h1>
        <p className="muted signed-in">
          Signed in as {session?.displayName ? `${session.displayName} (${session.userId})` : session?.userId}
          {' · '}
          <span className={`live live-${live}`}>{LIVE_WORDS[live] ?? live}</span>
        </p>
      </div>
      {pageError ? (
        <div className="alert page-alert" role="alert">
          <p>The page could not be fully loaded: {pageError}</p>
          <button type="button" onClick={() => void loadPage()}>
            Retry
          </button>
        </div>
      ) : null}
      <div className="sections">
        {sections.map((slot) => (
          <SectionFrame key={slot.key} slot={slot} onRetry={(key) => void retry(key)}>
            <SectionBody slot={slot} />
          </SectionFrame>
        ))}
      </div>
      {isAdmin && session ? (
        <div className="operators-toggle">
          <button type="button" aria-expanded={operators} onClick={() => setOperators(!operators)}>
            {operators ? 'Hide the operators’ view' : 'Show the operators’ view'}
          </button>
          {operators ? <OperatorsView api={api} userId={session.userId} /> : null}
        </div>
      ) : null}
    </main>
  );
}
