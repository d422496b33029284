import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import { projectPath } from '../core/project-root.ts';

/** The inventory schema file: the single source of truth for the inventory's shape and defaults. */
export const INVENTORY_SCHEMA_PATH = projectPath('schemas', 'inventory.schema.json');

/** A JSON Schema as plain data. */
export type JsonSchema = Record<string, unknown>;

export function readSchema(path: string): JsonSchema {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
}

/**
 * Compiles a schema with defaults applied in place (`useDefaults`), all errors collected, formats
 * checked and `errorMessage` texts honoured.
 */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
  });
  // Both are CommonJS modules whose function is also exported as `default`.
  ajvFormats.default(ajv);
  ajvErrors.default(ajv);
  return ajv.compile(schema);
}

export type { ErrorObject };
