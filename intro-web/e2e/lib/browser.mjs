// Launches Debian's headless Chromium through playwright-core; no browser is ever downloaded.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

/** The flags every run passes, so Chromium neither phones home nor updates itself. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Returns the Chromium binary to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's package ('apt-get install chromium') or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/**
 * Starts the browser. Playwright gives each launch a fresh temporary --user-data-dir and removes
 * it on close, so no profile, cache or cookie survives from one run to the next.
 */
export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
}
