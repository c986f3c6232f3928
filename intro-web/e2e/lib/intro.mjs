// What the scenarios share: the page's DOM contract (roles, names, data-section, data-state,
// data-testid), waiting on it, and the accessibility check.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';

/** The page's sections by the names in the page JSON; the greeting is not a section. */
export const SECTIONS = ['statistics', 'system', 'actions', 'activity', 'personalization'];

/** The states of a section that has drawn its data. */
export const FILLED = ['fresh', 'stale'];

/** How long a wait on the page may take on a loaded two-core machine. */
export const WAIT_MS = 20_000;

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Returns the JSON answer of a GET, failing on any status but 200. */
export async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

/** Sends a POST to the fault hook, failing on any status but 200. */
export async function post(url) {
  const response = await fetch(url, { method: 'POST' });
  if (response.status !== 200) {
    throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  }
}

/** Opens a tab in a new browser context (its own storage, like another browser profile). */
export async function newTab(browser, label, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (error) => console.log(`  [${label}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      console.log(`  [${label}] console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) {
      console.log(`  [${label}] ${response.status()} from ${response.url()}`);
    }
  });
  return page;
}

/** Waits for the sign-in screen: a main landmark with the heading "Sign in". */
export async function waitForSignInScreen(page) {
  await page.getByRole('main').getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
}

/** Signs in on the dev sign-in screen and waits for the greeting with the display name. */
export async function signIn(page, base, userId, displayName) {
  await page.goto(`${base}/`);
  await waitForSignInScreen(page);
  await page.getByRole('button', { name: `Sign in as ${userId}`, exact: true }).click();
  await waitForGreeting(page, displayName);
}

/**
 * Returns the level-1 heading that greets the user: it names them by the first word of their
 * display name ("Good morning, Ada" for Ada Lovelace), as the service's greeting does.
 */
export function greeting(page, displayName) {
  const first = displayName.trim().split(/\s+/)[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('heading', { level: 1, name: new RegExp(`\\b${first}\\b`) });
}

/** Waits for the greeting of the signed-in page. */
export async function waitForGreeting(page, displayName) {
  await greeting(page, displayName).waitFor();
}

/**
 * Reloads the page and waits for the greeting, signing in again if the page asks for it: whether
 * a reload keeps the session is the page's choice, the scenarios only need the signed-in page.
 */
export async function reloadSignedIn(page, userId, displayName) {
  await page.reload();
  const signInButton = page.getByRole('button', { name: `Sign in as ${userId}`, exact: true });
  await greeting(page, displayName).or(signInButton).first().waitFor();
  if (await signInButton.isVisible()) {
    await signInButton.click();
  }
  await waitForGreeting(page, displayName);
}

/** Returns each section element's name and state, in the order of the document. */
export async function sectionStates(page) {
  return page.$$eval('section[data-section]', (sections) =>
    sections.map((s) => ({ name: s.dataset.section, state: s.dataset.state })),
  );
}

/** Returns the section names in the order the page shows them. */
export async function sectionOrder(page) {
  return (await sectionStates(page)).map((s) => s.name);
}

/**
 * Waits until every section is on the page and in one of the states {@code expected} gives for it
 * (a list of states for all, or a function from name to list), and returns the states.
 */
export async function waitForSections(page, expected = FILLED, timeout = WAIT_MS) {
  const wanted = Object.fromEntries(
    SECTIONS.map((name) => [name, typeof expected === 'function' ? expected(name) : expected]),
  );
  try {
    await page.waitForFunction(
      (wantedStates) => {
        const found = Object.fromEntries(
          [...document.querySelectorAll('section[data-section]')].map((s) => [
            s.dataset.section,
            s.dataset.state,
          ]),
        );
        return Object.entries(wantedStates).every(([name, states]) => states.includes(found[name]));
      },
      wanted,
      { timeout, polling: 100 },
    );
  } catch (error) {
    const now = await sectionStates(page).catch(() => []);
    throw new Error(
      `sections not in the expected states within ${timeout} ms: wanted ${JSON.stringify(wanted)},` +
        ` found ${JSON.stringify(now)} (${error.message.split('\n')[0]})`,
    );
  }
  return sectionStates(page);
}

/** Returns the number shown in an element, ignoring grouping separators. */
export async function numberIn(locator) {
  const text = (await locator.textContent()) ?? '';
  const digits = text.replace(/[^\d-]/g, '');
  if (digits === '') {
    throw new Error(`no number in ${JSON.stringify(text)}`);
  }
  return Number.parseInt(digits, 10);
}

/** Returns every statistic the statistics section shows, by its data-testid. */
export async function statistics(page) {
  return page.$$eval('section[data-section="statistics"] [data-testid^="stat-"]', (elements) =>
    Object.fromEntries(elements.map((e) => [e.dataset.testid, e.textContent.trim()])),
  );
}

/** Polls {@code check} until it returns a truthy value or the time runs out. */
export async function eventually(check, message, timeout = WAIT_MS, interval = 200) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      throw new Error(`${message} (within ${timeout} ms)${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Runs axe-core with every rule it has and fails on any serious or critical violation, listing
 * each with the elements it found.
 */
export async function assertAccessible(page, state) {
  const results = await new AxeBuilder({ page, axeSource }).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !grave.includes(v));
  console.log(
    `  axe (${state}): ${results.passes.length} rules passed, ${grave.length} serious or critical,` +
      ` ${minor.length} minor${minor.length ? ` (${minor.map((v) => v.id).join(', ')})` : ''}`,
  );
  if (grave.length > 0) {
    const lines = grave.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n'),
    );
    throw new Error(`axe found serious or critical violations (${state}):\n    ${lines.join('\n    ')}`);
  }
}

/** Returns whether the document scrolls sideways: its content is wider than its viewport. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
