import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from '../test/fixtures';
import { backoffDelay, LiveUpdates, SseParser, type StreamStatus } from './events';

/** A stream response whose body the test writes to and ends. */
function streamResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

const pageEvent = (id: string) =>
  `event: page\nid: ${id}\nretry: 3000\ndata: ${JSON.stringify(page())}\n\n`;

describe('the event stream parser', () => {
  it('reads events split across chunks, ignoring heartbeats', () => {
    const parser = new SseParser();
    expect(parser.push(': heartbeat\n\nevent: pa')).toEqual([]);
    const events = parser.push('ge\nid: t1\ndata: {"a":\ndata: 1}\r\n\r\n');
    expect(events).toEqual([{ event: 'page', id: 't1', data: '{"a":\n1}', retry: null }]);
    expect(parser.push('data: x\nretry: 3000\nbogus\n\n')).toEqual([
      { event: 'message', id: 't1', data: 'x', retry: 3000 },
    ]);
  });
});

describe('the backoff', () => {
  it('doubles up to the maximum, jittered between half and all of the step', () => {
    const low = { baseMillis: 1000, maxMillis: 8000, random: () => 0 };
    const high = { ...low, random: () => 0.999999 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, low))).toEqual([
      500, 1000, 2000, 4000, 4000, 4000,
    ]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, high))).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe('live updates', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function live(fetchImpl: typeof fetch) {
    const pages: (string | null)[] = [];
    const statuses: StreamStatus[] = [];
    const unauthorized = vi.fn();
    const updates = new LiveUpdates({
      userId: 'ada',
      token: () => 'tok',
      onPage: (_, tag) => pages.push(tag),
      onStatus: (s) => statuses.push(s),
      onUnauthorized: unauthorized,
      fetchImpl,
      backoff: { baseMillis: 1000, maxMillis: 8000, random: () => 0 },
    });
    return { updates, pages, statuses, unauthorized };
  }

  it('delivers pages, and reconnects with growing delays while the stream keeps failing', async () => {
    const first = streamResponse();
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(first.response)
      .mockRejectedValueOnce(new TypeError('network'))
      .mockRejectedValueOnce(new TypeError('network'))
      .mockImplementation(() => new Promise(() => {}));
    const { updates, pages, statuses } = live(fetchImpl);
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/v1\/intro-page\/ada\/events$/);
    expect((init?.headers as Record<string, string>)['Authorization']).toBe('Bearer tok');

    first.write(pageEvent('t1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(pages).toEqual(['t1']);
    expect(statuses).toContain('live');

    first.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('reconnecting');
    // First retry after half a second (attempt 0, no jitter on top), then 1 s, then 2 s.
    await vi.advanceTimersByTimeAsync(499);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(4);
    updates.close();
    expect(statuses.at(-1)).toBe('off');
  });

  it('starts the backoff anew after a stream that delivered its page', async () => {
    const streams = [streamResponse(), streamResponse()];
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('network'))
      .mockResolvedValueOnce(streams[0]!.response)
      .mockResolvedValueOnce(streams[1]!.response);
    const { updates } = live(fetchImpl);
    updates.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    streams[0]!.write(pageEvent('t1'));
    streams[0]!.end();
    await vi.advanceTimersByTimeAsync(500);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    updates.close();
  });

  it('waits at least Retry-After when the service is busy', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(new Response(null, { status: 429, headers: { 'Retry-After': '3' } }))
      .mockImplementation(() => new Promise(() => {}));
    const { updates } = live(fetchImpl);
    updates.start();
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    updates.close();
  });

  it('stops for good when the token is refused, and when the service has no stream', async () => {
    const refused = live(vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 401 })));
    refused.updates.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refused.unauthorized).toHaveBeenCalledOnce();

    const none = vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 501 }));
    const off = live(none);
    off.updates.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(none).toHaveBeenCalledOnce();
    expect(off.statuses.at(-1)).toBe('off');
  });

  it('reconnects at once when the browser comes back online', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockImplementation(() => new Promise(() => {}));
    const { updates } = live(fetchImpl);
    updates.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    updates.close();
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('skips an event it cannot read and keeps the stream', async () => {
    const stream = streamResponse();
    const { updates, pages } = live(vi.fn<typeof fetch>().mockResolvedValue(stream.response));
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    stream.write('event: page\nid: bad\ndata: {not json\n\n');
    stream.write(pageEvent('t2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(pages).toEqual(['t2']);
    updates.close();
  });
});
