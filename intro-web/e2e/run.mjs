// Runs the end-to-end scenarios against a running service in Debian's headless Chromium and exits
// 0 only if every scenario passed. The scenarios follow the service's mode (GET /api/v1/session):
// dev mode signs in as ada through the demo users, jwt mode hands INTRO_ACCESS_TOKEN over.
//
// Environment:
//   INTRO_BASE_URL      the service, default http://localhost:8080
//   INTRO_FAULT_URL     dev mode: the test's fault hook (POST /fault/activity, POST /heal)
//   INTRO_ACCESS_TOKEN  jwt mode: a token for ada
//   CHROMIUM_PATH       default /usr/bin/chromium
//   SCREENSHOT_DIR      where screenshots go, default ./target/e2e-screenshots
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib/browser.mjs';
import { getJson } from './lib/intro.mjs';
import { scenarios as devScenarios } from './scenarios/dev.mjs';
import { scenarios as jwtScenarios } from './scenarios/jwt.mjs';

/** The longest one scenario may take before it counts as failed. */
const SCENARIO_TIMEOUT_MS = 180_000;

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${name}" took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * Asks for ada's page until the service answers 200 with every section healthy, at most twenty
 * times: the first pages after a start run on a cold JVM and may miss the page deadline (a 503, or
 * sections that timed out), which is not what the scenarios test.
 */
async function warmUp(base, authMode, accessToken) {
  let token = accessToken;
  if (authMode === 'dev') {
    const response = await fetch(`${base}/api/v1/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'ada' }),
    });
    ({ token } = await response.json());
  }
  const healthy = new Set(['FRESH', 'CACHED', 'STALE']);
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${base}/api/v1/intro-page/ada`, { headers: { Authorization: `Bearer ${token}` } });
    const page = response.status === 200 ? await response.json() : (await response.arrayBuffer(), null);
    const sick = page ? page.sections.filter((s) => !healthy.has(s.status)).map((s) => `${s.key} ${s.status}`) : [];
    seen.push(page && sick.length ? `200 (${sick.join(', ')})` : String(response.status));
    if (page && sick.length === 0) {
      console.log(`e2e: warm-up, ada's page answered ${seen.join('; ')}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`ada's page is not healthy after ${seen.length} requests: ${seen.join('; ')}`);
}

async function main() {
  const base = (process.env.INTRO_BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
  const screenshotDir = path.resolve(process.env.SCREENSHOT_DIR || 'target/e2e-screenshots');
  fs.mkdirSync(screenshotDir, { recursive: true });
  const { authMode } = await getJson(`${base}/api/v1/session`);
  const scenarios = authMode === 'jwt' ? jwtScenarios : devScenarios;
  await warmUp(base, authMode, process.env.INTRO_ACCESS_TOKEN || '');
  const browser = await launch();
  console.log(`e2e: ${base} in ${authMode} mode, Chromium ${browser.version()}, ${scenarios.length} scenarios`);

  const t = {
    browser,
    base,
    authMode,
    faultUrl: (process.env.INTRO_FAULT_URL || '').replace(/\/+$/, ''),
    accessToken: process.env.INTRO_ACCESS_TOKEN || '',
    screenshotDir,
  };
  const failed = [];
  for (const scenario of scenarios) {
    const started = Date.now();
    console.log(`- ${scenario.name}`);
    try {
      await withTimeout(scenario.run(t), SCENARIO_TIMEOUT_MS, scenario.name);
      console.log(`  ok (${Date.now() - started} ms)`);
    } catch (error) {
      failed.push(scenario.name);
      console.log(`  FAILED (${Date.now() - started} ms): ${error.stack ?? error}`);
      for (const [index, page] of browser.contexts().flatMap((c) => c.pages()).entries()) {
        const file = path.join(screenshotDir, `failed-${slug(scenario.name)}-${index + 1}.png`);
        await page.screenshot({ path: file, fullPage: true }).then(
          () => console.log(`  screenshot of the failure: ${file}`),
          () => {},
        );
      }
    }
  }
  await browser.close();
  const passed = scenarios.length - failed.length;
  console.log(`e2e finished in ${authMode} mode: ${scenarios.length} scenarios, ${passed} passed, ${failed.length} failed`);
  for (const name of failed) {
    console.log(`  failed: ${name}`);
  }
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(`e2e could not run: ${error.stack ?? error}`);
    process.exit(2);
  },
);
