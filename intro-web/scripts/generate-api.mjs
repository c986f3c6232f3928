// `npm run generate:api`: rewrites src/api/schema.d.ts from the golden OpenAPI document.
import { writeFile } from 'node:fs/promises';
import { generateSchema, SCHEMA } from './api-schema.mjs';

await writeFile(SCHEMA, await generateSchema());
console.log(`wrote ${SCHEMA}`);
