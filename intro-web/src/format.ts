// Words and numbers as the page shows them.

const LABELS: Record<string, string> = {
  personalization: 'Your settings',
  statistics: 'Statistics',
  system: 'System',
  actions: 'Actions',
  activity: 'Activity',
};

/** Returns a section's label: a known name, or the key with its first letter raised. */
export function sectionLabel(key: string): string {
  return LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** Returns "3 minutes ago", "in 2 hours", "just now"... for `at` seen from `now`. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

const dateTime = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDateTime(iso: string | number | Date): string {
  return dateTime.format(new Date(iso));
}

const shortDate = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function formatDay(isoDate: string): string {
  return shortDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Returns a ratio as a whole percentage, "87 %". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

export function millis(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
