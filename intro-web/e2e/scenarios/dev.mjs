// The page in dev mode against the service's demo data, as ada, in the order a person would go:
// each scenario starts where the one before left the main tab.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  FILLED,
  SECTIONS,
  WAIT_MS,
  assertAccessible,
  eventually,
  getJson,
  horizontalOverflow,
  newTab,
  numberIn,
  post,
  reloadSignedIn,
  sectionOrder,
  signIn,
  statistics,
  waitForGreeting,
  waitForSections,
  waitForSignInScreen,
} from '../lib/intro.mjs';

const USER = 'ada';

/** Returns the open-count number of the actionable items section. */
function openCount(page) {
  return numberIn(page.locator('section[data-section="actions"] [data-testid="open-count"]'));
}

/** Returns the ids of the actionable items the page shows, in its order. */
function itemIds(page) {
  return page.$$eval('section[data-section="actions"] li[data-testid="action-item"]', (items) =>
    items.map((item) => item.dataset.itemId),
  );
}

function item(page, id) {
  return page.locator(`section[data-section="actions"] li[data-testid="action-item"][data-item-id="${id}"]`);
}

/** Records, from now on, every text a live region (role="status") shows. */
async function recordAnnouncements(page) {
  await page.evaluate(() => {
    window.__e2eAnnouncements = [];
    window.__e2eSamePage = true;
    const seen = () => {
      for (const region of document.querySelectorAll('[role="status"]')) {
        const text = region.textContent.trim();
        if (text && window.__e2eAnnouncements.at(-1) !== text) {
          window.__e2eAnnouncements.push(text);
        }
      }
    };
    new MutationObserver(seen).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

export const scenarios = [
  {
    name: 'the sign-in page offers the demo users and is accessible',
    async run(t) {
      const { users } = await getJson(`${t.base}/api/v1/dev/users`);
      const ada = users.find((u) => u.userId === USER);
      assert.ok(ada, `GET /api/v1/dev/users lists ${USER}: ${JSON.stringify(users)}`);
      t.displayName = ada.displayName;
      t.page = await newTab(t.browser, 'tab 1');
      await t.page.goto(`${t.base}/`);
      await waitForSignInScreen(t.page);
      for (const user of users.slice(0, 3)) {
        await t.page.getByRole('button', { name: `Sign in as ${user.userId}`, exact: true }).waitFor();
      }
      await assertAccessible(t.page, 'sign-in page');
    },
  },
  {
    name: 'ada signs in and sees all five sections filled',
    async run(t) {
      await t.page.getByRole('button', { name: `Sign in as ${USER}`, exact: true }).click();
      await waitForGreeting(t.page, t.displayName);
      await t.page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
      const states = await waitForSections(t.page);
      console.log(`  sections: ${states.map((s) => `${s.name}=${s.state}`).join(', ')}`);
      for (const name of SECTIONS) {
        const label = await t.page
          .locator(`section[data-section="${name}"]`)
          .evaluate((s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent?.trim());
        assert.ok(label, `section ${name} is labelled by an element with text (aria-labelledby)`);
      }
      assert.ok((await itemIds(t.page)).length > 0, 'ada has actionable items in the demo data');
      await assertAccessible(t.page, 'signed-in page, light');
      await t.page.emulateMedia({ colorScheme: 'dark' });
      await assertAccessible(t.page, 'signed-in page, system theme dark');
      await t.page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'completing an item lowers the open count and changes the statistics',
    async run(t) {
      const page = t.page;
      const before = await openCount(page);
      const statsBefore = await statistics(page);
      assert.ok(Object.keys(statsBefore).length > 0, 'statistics show counts with data-testid="stat-<name>"');
      const [id] = await itemIds(page);
      await item(page, id).getByRole('button', { name: 'Complete', exact: true }).click();
      await item(page, id).waitFor({ state: 'detached' });
      await eventually(async () => (await openCount(page)) === before - 1, `open count goes from ${before} to ${before - 1}`);
      const statsAfter = await eventually(async () => {
        const now = await statistics(page);
        return JSON.stringify(now) !== JSON.stringify(statsBefore) && now;
      }, `statistics change after completing an item (were ${JSON.stringify(statsBefore)})`);
      console.log(`  statistics ${JSON.stringify(statsBefore)} -> ${JSON.stringify(statsAfter)}`);
      if ('stat-openActions' in statsBefore) {
        await eventually(
          async () => Number((await statistics(page))['stat-openActions']) === Number(statsBefore['stat-openActions']) - 1,
          'stat-openActions goes down by one',
        );
      }
      if ('stat-completedLast30Days' in statsBefore) {
        await eventually(
          async () =>
            Number((await statistics(page))['stat-completedLast30Days']) ===
            Number(statsBefore['stat-completedLast30Days']) + 1,
          'stat-completedLast30Days goes up by one',
        );
      }
    },
  },
  {
    name: 'a write in another tab arrives live in the first',
    async run(t) {
      const page = t.page;
      await recordAnnouncements(page);
      const before = await openCount(page);
      const [id] = await itemIds(page);
      const other = await newTab(t.browser, 'tab 2');
      try {
        await signIn(other, t.base, USER, t.displayName);
        await waitForSections(other);
        // The item leaves the second tab at once (optimistic); the write is done when the
        // service answers, and closing the tab before then would cancel it.
        const [written] = await Promise.all([
          other.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/actions/${id}/dismiss`)),
          item(other, id).getByRole('button', { name: 'Dismiss', exact: true }).click(),
        ]);
        assert.equal(written.status(), 200, `the dismiss of ${id} is accepted`);
        await item(other, id).waitFor({ state: 'detached' });
      } finally {
        await other.context().close();
      }
      await item(page, id).waitFor({ state: 'detached', timeout: WAIT_MS });
      await eventually(async () => (await openCount(page)) === before - 1, `open count goes from ${before} to ${before - 1} live`);
      assert.equal(await page.evaluate(() => window.__e2eSamePage), true, 'the first tab was not reloaded');
      const announced = await eventually(
        () => page.evaluate(() => window.__e2eAnnouncements.length > 0 && window.__e2eAnnouncements),
        'a live region (role="status") announces the update',
      );
      console.log(`  announced: ${JSON.stringify(announced)}`);
    },
  },
  {
    name: 'reordered sections keep their order after a reload',
    async run(t) {
      const page = t.page;
      const before = await sectionOrder(page);
      await page.getByRole('button', { name: 'Customize', exact: true }).click();
      const down = page.getByRole('button', { name: /^Move .+ down$/ }).first();
      const label = /Move .+ down/.exec((await down.textContent()) ?? '')?.[0] ?? 'the first Move down';
      await assertAccessible(page, 'personalization panel open');
      await down.click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const after = await eventually(async () => {
        const now = await sectionOrder(page);
        return now.join() !== before.join() && now;
      }, `the page's section order changes after "${label}" and Save (was ${before.join(', ')})`);
      console.log(`  ${label}: ${before.join(', ')} -> ${after.join(', ')}`);
      assert.deepEqual([...after].sort(), [...before].sort(), 'the same sections, in another order');
      await reloadSignedIn(page, USER, t.displayName);
      await waitForSections(page);
      assert.deepEqual(await sectionOrder(page), after, 'the order is kept after a reload');
    },
  },
  {
    name: 'an activity fault on the server degrades that section only, and a retry heals it',
    async run(t) {
      const page = t.page;
      assert.ok(t.faultUrl, 'INTRO_FAULT_URL names the fault hook that breaks the activity section');
      await post(`${t.faultUrl}/fault/activity`);
      try {
        await reloadSignedIn(page, USER, t.displayName);
        const states = await waitForSections(page, (name) => (name === 'activity' ? ['degraded', 'failed'] : FILLED));
        console.log(`  sections: ${states.map((s) => `${s.name}=${s.state}`).join(', ')}`);
        const activity = page.locator('section[data-section="activity"]');
        await activity.getByRole('button', { name: 'Retry', exact: true }).waitFor();
        assert.ok(((await activity.textContent()) ?? '').trim().length > 0, 'the degraded section says what happened');
        await assertAccessible(page, 'activity section degraded');
      } finally {
        await post(`${t.faultUrl}/heal`);
      }
      const activity = page.locator('section[data-section="activity"]');
      await eventually(
        async () => {
          const state = await activity.getAttribute('data-state');
          if (FILLED.includes(state)) {
            return true;
          }
          const retry = activity.getByRole('button', { name: 'Retry', exact: true });
          if (await retry.isVisible()) {
            await retry.click();
          }
          return false;
        },
        'the activity section is filled again after the fault is healed and Retry pressed',
        60_000,
        3_000,
      );
      await waitForSections(page);
    },
  },
  {
    name: 'the page fits 1280 px and 360 px wide, with no horizontal scroll at 360 px',
    async run(t) {
      const page = t.page;
      await page.setViewportSize({ width: 1280, height: 900 });
      await waitForSections(page);
      await page.screenshot({ path: path.join(t.screenshotDir, 'intro-page-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      await waitForSections(page);
      const phone = await horizontalOverflow(page);
      assert.ok(phone.scrollWidth <= phone.clientWidth, `no horizontal scroll at 360 px: ${JSON.stringify(phone)}`);
      await page.screenshot({ path: path.join(t.screenshotDir, 'intro-page-360.png'), fullPage: true });
      await assertAccessible(page, 'signed-in page at 360 px');
      await page.getByRole('button', { name: 'Customize', exact: true }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
      const panel = await horizontalOverflow(page);
      assert.ok(panel.scrollWidth <= panel.clientWidth, `no horizontal scroll at 360 px with the panel open: ${JSON.stringify(panel)}`);
      await page.screenshot({ path: path.join(t.screenshotDir, 'intro-page-360-customize.png'), fullPage: true });
      console.log(`  screenshots in ${t.screenshotDir}`);
    },
  },
  {
    name: 'signing out returns to the sign-in page',
    async run(t) {
      await t.page.setViewportSize({ width: 1280, height: 900 });
      await reloadSignedIn(t.page, USER, t.displayName);
      await t.page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await waitForSignInScreen(t.page);
      await t.page.reload();
      await waitForSignInScreen(t.page);
    },
  },
];
