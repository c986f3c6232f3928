// The page's budgets, measured in Debian's headless Chromium against a running service in dev
// mode: the time from navigation start to every section drawn over repeated loads with warm
// caches, and the gzipped size of the JavaScript of a first load. Prints the figures and exits 1
// when a budget is exceeded (p95 over 250 ms, or JavaScript over 120 KB), 2 when it cannot run.
//
//   node budget.mjs          INTRO_BASE_URL (default http://localhost:8080), CHROMIUM_PATH,
//                            BUDGET_LOADS (default 50), BUDGET_WARMUP (default 10)
import zlib from 'node:zlib';
import { launch } from './lib/browser.mjs';
import { getJson, signIn, waitForGreeting } from './lib/intro.mjs';

const P95_BUDGET_MS = 250;
const JS_BUDGET_KB = 120;
const KB = 1024;
const USER = 'ada';

/**
 * Runs in the page before its own scripts: records, at the first animation frame after the page
 * shows at least one section and none of them is loading, the time since navigation start.
 */
function recordDrawn() {
  const drawn = () => {
    const sections = document.querySelectorAll('section[data-section]');
    return (
      sections.length > 0 &&
      [...sections].every((s) => s.dataset.state && s.dataset.state !== 'loading')
    );
  };
  const observer = new MutationObserver(() => {
    if (drawn()) {
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__introDrawnAt = performance.now();
      });
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/**
 * Loads the page once more in the same tab and returns, from navigation start, when the sections
 * were drawn, when the document's scripts had run (DOMContentLoaded) and when the page's JSON had
 * arrived.
 */
async function timedLoad(page, base) {
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.__introDrawnAt !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const pageJson = performance
      .getEntriesByType('resource')
      .find((r) => /\/api\/v1\/intro-page\/[^/?]+(\?|$)/.test(r.name));
    return {
      drawn: window.__introDrawnAt,
      scripts: navigation?.domContentLoadedEventEnd ?? NaN,
      pageJson: pageJson?.responseEnd ?? NaN,
    };
  });
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (p) => percentile(sorted, p).toFixed(0);
  return `p50 ${f(0.5)} ms, p95 ${f(0.95)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`;
}

/** Signs in on a cold profile and returns each script the page loaded, raw and gzipped. */
async function firstLoadScripts(browser, base, displayName) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script' && response.ok()) {
      const body = await response.body().catch(() => null);
      if (body) {
        scripts.set(response.url(), { raw: body.length, gzipped: zlib.gzipSync(body).length });
      }
    }
  });
  await page.addInitScript(recordDrawn);
  await signIn(page, base, USER, displayName);
  await page.waitForFunction(() => window.__introDrawnAt !== undefined, null, { timeout: 30_000 });
  await page.waitForLoadState('load');
  await context.close();
  return scripts;
}

async function main() {
  const base = (process.env.INTRO_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
  const loads = Number.parseInt(process.env.BUDGET_LOADS || '50', 10);
  const warmup = Number.parseInt(process.env.BUDGET_WARMUP || '10', 10);
  const { authMode } = await getJson(`${base}/api/v1/session`);
  if (authMode !== 'dev') {
    throw new Error(`the budget script signs in through the dev sign-in; ${base} runs in ${authMode} mode`);
  }
  const { users } = await getJson(`${base}/api/v1/dev/users`);
  const displayName = users.find((u) => u.userId === USER)?.displayName;
  if (!displayName) {
    throw new Error(`no demo user ${USER} at ${base}`);
  }
  const browser = await launch();
  try {
    const scripts = await firstLoadScripts(browser, base, displayName);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, USER, displayName);
    await waitForGreeting(page, displayName);
    await page.addInitScript(recordDrawn);
    for (let i = 0; i < warmup; i++) {
      await timedLoad(page, base);
    }
    const times = [];
    for (let i = 0; i < loads; i++) {
      times.push(await timedLoad(page, base));
    }
    await context.close();

    const sorted = times.map((t) => t.drawn).sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5);
    const p95 = percentile(sorted, 0.95);
    const max = sorted[sorted.length - 1];
    const raw = [...scripts.values()].reduce((sum, s) => sum + s.raw, 0);
    const gzipped = [...scripts.values()].reduce((sum, s) => sum + s.gzipped, 0);
    console.log(`${base}, Chromium ${browser.version()}, ${warmup} warm-up loads, then ${loads} measured`);
    console.log(
      `navigation start to every section drawn: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms,` +
        ` max ${max.toFixed(0)} ms (budget: p95 at most ${P95_BUDGET_MS} ms)`,
    );
    console.log(`  of which: scripts run (DOMContentLoaded) ${summary(times.map((t) => t.scripts))}`);
    console.log(`            page JSON received ${summary(times.map((t) => t.pageJson))}`);
    for (const [url, size] of scripts) {
      console.log(`  ${new URL(url).pathname}: ${(size.gzipped / KB).toFixed(1)} KB gzipped, ${(size.raw / KB).toFixed(1)} KB raw`);
    }
    console.log(
      `first-load JavaScript: ${scripts.size} file(s), ${(gzipped / KB).toFixed(1)} KB gzipped` +
        ` (${(raw / KB).toFixed(1)} KB raw) (budget: at most ${JS_BUDGET_KB} KB gzipped)`,
    );
    const over = [];
    if (p95 > P95_BUDGET_MS) over.push(`p95 ${p95.toFixed(0)} ms > ${P95_BUDGET_MS} ms`);
    if (gzipped > JS_BUDGET_KB * KB) over.push(`JavaScript ${(gzipped / KB).toFixed(1)} KB > ${JS_BUDGET_KB} KB`);
    if (scripts.size === 0) over.push('no JavaScript was seen, so nothing was measured');
    console.log(over.length ? `over budget: ${over.join('; ')}` : 'within budget');
    return over.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(`budget could not run: ${error.stack ?? error}`);
    process.exit(2);
  },
);
