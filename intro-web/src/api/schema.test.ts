// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types, shared with `npm run generate:api`.
import { generateSchema, SCHEMA } from '../../scripts/api-schema.mjs';

describe('the committed API types', () => {
  it('are what the golden OpenAPI document generates (run `npm run generate:api` after a contract change)', async () => {
    const committed = await readFile(SCHEMA as string, 'utf8');
    expect(committed).toBe(await (generateSchema as () => Promise<string>)());
  });
});
