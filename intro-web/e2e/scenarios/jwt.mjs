// The page in jwt mode: the host application hands the user's token over in the address's
// fragment, and the page shows that user's page without a sign-in of its own.
import assert from 'node:assert/strict';
import { assertAccessible, newTab, waitForGreeting, waitForSections } from '../lib/intro.mjs';

/** The demo data's name for ada, whom the harness's token names. */
const DISPLAY_NAME = 'Ada Lovelace';

export const scenarios = [
  {
    name: 'a token handed over as #access_token opens the user page',
    async run(t) {
      assert.ok(t.accessToken, 'INTRO_ACCESS_TOKEN holds the token to hand over');
      const page = await newTab(t.browser, 'hand-off');
      await page.goto(`${t.base}/#access_token=${encodeURIComponent(t.accessToken)}`);
      await waitForGreeting(page, DISPLAY_NAME);
      await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
      const states = await waitForSections(page);
      console.log(`  sections: ${states.map((s) => `${s.name}=${s.state}`).join(', ')}`);
      assert.ok(!page.url().includes('access_token'), `the token is taken out of the address: ${page.url().split('#')[0]}#...`);
      assert.equal(
        await page.getByRole('button', { name: /^Sign in as / }).count(),
        0,
        'jwt mode offers no demo users',
      );
      await assertAccessible(page, 'jwt mode, signed-in page');
      await page.context().close();
    },
  },
  {
    name: 'without a token the page offers no dev sign-in',
    async run(t) {
      const page = await newTab(t.browser, 'no token');
      await page.goto(`${t.base}/`);
      await page.getByRole('main').waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(
        await page.getByRole('button', { name: /^Sign in as / }).count(),
        0,
        'jwt mode offers no demo users',
      );
      assert.equal(await page.locator('section[data-section]').count(), 0, 'no page without a token');
      await assertAccessible(page, 'jwt mode, no token');
      await page.context().close();
    },
  },
];
