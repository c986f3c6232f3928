// The page's live updates: the server-sent events stream read with fetch, since EventSource cannot
// send the Authorization header the service requires. A dropped stream is reopened after an
// exponentially growing, jittered delay, so a restarting service is not flooded.
import type { PageView } from './types';

/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
  retry: number | null;
}

/** Splits an event stream's text into events; keeps the unfinished tail for the next chunk. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | null = null;
  private retry: number | null = null;

  push(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0 || this.event !== '') {
          out.push({
            event: this.event || 'message',
            data: this.data.join('\n'),
            id: this.id,
            retry: this.retry,
          });
        }
        this.event = '';
        this.data = [];
        this.retry = null;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id') this.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    }
    return out;
  }
}

/** The delays between attempts: exponential from `baseMillis` up to `maxMillis`, with jitter. */
export interface Backoff {
  baseMillis: number;
  maxMillis: number;
  /** Returns a number in [0, 1); the delay is drawn between half and all of the step. */
  random: () => number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMillis: 1_000, maxMillis: 30_000, random: Math.random };

/** Returns the delay before reconnect attempt `attempt` (0 for the first). */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  const step = Math.min(backoff.maxMillis, backoff.baseMillis * 2 ** Math.min(attempt, 20));
  return Math.round(step / 2 + (step / 2) * backoff.random());
}

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

export interface LiveOptions {
  userId: string;
  token: () => string | null;
  onPage: (page: PageView, tag: string | null) => void;
  onStatus: (status: StreamStatus, reason?: string) => void;
  /** Called when the service refused the token: the session is over. */
  onUnauthorized: () => void;
  fetchImpl?: typeof fetch;
  backoff?: Backoff;
}

/**
 * Keeps the owner's event stream open until `close()`: reconnects after a drop, an error, a 429 or
 * a 503 (waiting at least `Retry-After`), and gives up for good on 401, 403 and 501.
 */
export class LiveUpdates {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private controller: AbortController | null = null;
  private closed = false;

  constructor(private readonly options: LiveOptions) {}

  /** When the browser is back online, a waiting reconnect goes at once and the backoff restarts. */
  private readonly online = () => {
    if (this.closed || this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    void this.connect();
  };

  start(): void {
    this.closed = false;
    globalThis.addEventListener?.('online', this.online);
    void this.connect();
  }

  close(): void {
    this.closed = true;
    globalThis.removeEventListener?.('online', this.online);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
    this.options.onStatus('off');
  }

  private async connect(): Promise<void> {
    const { userId, token, fetchImpl = globalThis.fetch.bind(globalThis) } = this.options;
    const controller = new AbortController();
    this.controller = controller;
    this.options.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let minimumWait = 0;
    try {
      const bearer = token();
      const response = await fetchImpl(
        new URL(
          `/api/v1/intro-page/${encodeURIComponent(userId)}/events`,
          globalThis.location?.href ?? 'http://localhost/',
        ).toString(),
        {
          headers: {
            Accept: 'text/event-stream',
            ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          },
          signal: controller.signal,
          cache: 'no-store',
        },
      );
      if (response.status === 401) {
        this.closed = true;
        this.options.onStatus('off', 'signed-out');
        this.options.onUnauthorized();
        return;
      }
      if (response.status === 403 || response.status === 501 || response.status === 404) {
        this.closed = true;
        this.options.onStatus('off', 'unavailable');
        return;
      }
      if (!response.ok || !response.body) {
        const retryAfter = Number(response.headers.get('Retry-After'));
        if (Number.isFinite(retryAfter) && retryAfter > 0) minimumWait = retryAfter * 1000;
        throw new Error(`stream answered ${response.status}`);
      }
      await this.read(response.body);
    } catch {
      // A drop, a network error or a refusal worth retrying: fall through to the reconnect.
    }
    if (this.closed || controller.signal.aborted) return;
    this.schedule(minimumWait);
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        if (event.event === 'page') {
          // A stream that delivered its page is healthy: the next drop starts the backoff anew.
          this.attempt = 0;
          this.options.onStatus('live');
          try {
            this.options.onPage(JSON.parse(event.data) as PageView, event.id);
          } catch {
            // An unreadable event is skipped; the next one replaces the whole page anyway.
          }
        }
      }
    }
  }

  private schedule(minimumWait: number): void {
    const delay = Math.max(minimumWait, backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF));
    this.attempt += 1;
    this.options.onStatus('reconnecting');
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) void this.connect();
    }, delay);
  }
}
