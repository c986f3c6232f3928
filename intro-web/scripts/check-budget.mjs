// Fails the build when the first load's JavaScript (every .js file index.html loads or
// preloads) is over the budget, gzipped.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 120 * 1024;
const dist = fileURLToPath(new URL('../target/dist/', import.meta.url));
const html = await readFile(`${dist}index.html`, 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const script of scripts) {
  total += gzipSync(await readFile(dist + script)).length;
}
const kb = (total / 1024).toFixed(1);
if (scripts.length === 0) {
  console.error('check-budget: index.html loads no script');
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(`check-budget: first-load JavaScript is ${kb} KB gzipped, over ${BUDGET_BYTES / 1024} KB`);
  process.exit(1);
}
console.log(`check-budget: first-load JavaScript ${kb} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
