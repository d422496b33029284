import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020, CodeOptions, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type ajvErrorsModule from 'ajv-errors';
import type ajvFormatsModule from 'ajv-formats';
import { projectPath } from '../core/project-root.ts';
import { AHEAD } from './validators.generated.ts';

/** The inventory schema file: the single source of truth for the inventory's shape and defaults. */
export const INVENTORY_SCHEMA_PATH = projectPath('schemas', 'inventory.schema.json');

/** A JSON Schema as plain data. */
export type JsonSchema = Record<string, unknown>;

export function readSchema(path: string): JsonSchema {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
}

// Loading ajv's compiler and compiling a schema with it takes about a third of a second on every
// start: both happen only for a schema that no validator compiled ahead fits.
const requireCjs = createRequire(import.meta.url);

/**
 * An ajv instance with defaults applied in place (`useDefaults`), all errors collected, formats
 * checked and `errorMessage` texts honoured. `code` is for `npm run gen`, which compiles ahead.
 */
export function createAjv(code?: CodeOptions): Ajv2020 {
  const { Ajv2020 } = requireCjs('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajvFormats = requireCjs('ajv-formats') as typeof ajvFormatsModule;
  const ajvErrors = requireCjs('ajv-errors') as typeof ajvErrorsModule;
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    ...(code ? { code } : {}),
  });
  // Both are CommonJS modules whose function is also exported as `default`.
  ajvFormats.default(ajv);
  ajvErrors.default(ajv);
  return ajv;
}

/** Identifies a schema's content: each validator compiled ahead is filed under its schema's. */
export function schemaHash(schema: JsonSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

/**
 * The validator of a schema (see `createAjv`). The inventory's and the playbook's come compiled
 * ahead from `validators.generated.ts`; any other schema, or one edited since `npm run gen`, is
 * compiled now: slower, never stale (a unit test fails until the file is regenerated).
 */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  return AHEAD[schemaHash(schema)] ?? createAjv().compile(schema);
}

export type { ErrorObject };
