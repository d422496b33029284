import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_PATH, renderDocs, renderTypes, TYPES_PATH } from './generate.ts';
import { renderAheadValidators, VALIDATORS_PATH } from './validator-code.ts';

describe('files generated from the inventory schema', () => {
  it('the TypeScript types match the schema (run `npm run gen` after changing it)', async () => {
    expect(readFileSync(TYPES_PATH, 'utf8')).toBe(await renderTypes());
  });

  it('the inventory reference matches the schema (run `npm run gen` after changing it)', () => {
    const docs = readFileSync(DOCS_PATH, 'utf8');
    expect(docs).toBe(renderDocs());
    expect(docs).toContain('| `hosts[].roles` |');
    expect(docs).toContain('| `addons.observability.tempo.bucket` |');
  });

  it('the validators compiled ahead match the schemas and ajv (run `npm run gen` after changing either)', async () => {
    expect(readFileSync(VALIDATORS_PATH, 'utf8')).toBe(await renderAheadValidators());
    // Compiling and formatting some 400 kB of code takes seconds on a busy machine.
  }, 60_000);
});
