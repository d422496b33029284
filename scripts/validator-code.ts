/**
 * The validators of rigger's own schemas compiled ahead of time: ajv's standalone code, as one ES
 * module (`src/inventory/validators.generated.ts`), so that no run of rigger loads ajv's compiler
 * and compiles a schema (a third of a second for each schema on every start). `compileSchema`
 * uses a validator from it while the schema is the one it was compiled from.
 */
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { format, resolveConfig } from 'prettier';
import { projectPath } from '../src/core/project-root.ts';
import {
  createAjv,
  INVENTORY_SCHEMA_PATH,
  readSchema,
  schemaHash,
  type JsonSchema,
} from '../src/inventory/schema.ts';

export const VALIDATORS_PATH = fileURLToPath(
  new URL('../src/inventory/validators.generated.ts', import.meta.url),
);

/** The schemas compiled ahead, by the name of their validator in the generated module. */
export const AHEAD_SCHEMAS = {
  inventory: INVENTORY_SCHEMA_PATH,
  playbook: projectPath('schemas', 'playbook.schema.json'),
} as const;

const BANNER = `/* Generated from schemas/*.schema.json by \`npm run gen\`. Do not edit: change the schema. */
/* eslint-disable */
// ajv's standalone code is untyped JavaScript; what it exports is typed at the end.
// @ts-nocheck
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv/dist/2020.js';

// The code refers to ajv's runtime helpers and ajv-formats' formats with require().
const require = createRequire(import.meta.url);
`;

/** The module's text for these schemas (by validator name), Prettier-formatted. */
export async function renderValidators(schemas: Record<string, JsonSchema>): Promise<string> {
  // Formats are looked up at run time from ajv-formats, as the runtime compile registers them.
  const ajv = createAjv({
    source: true,
    esm: true,
    formats: _`require("ajv-formats/dist/formats").fullFormats`,
  });
  const names = Object.keys(schemas);
  for (const name of names) ajv.addSchema(schemas[name] as JsonSchema, name);
  let code = standaloneCode.default(ajv, Object.fromEntries(names.map((n) => [n, n])));
  const byHash: string[] = [];
  for (const name of names) {
    const fn = ajv.getSchema(name)?.source?.validateName.str;
    // Each validator is exported once, typed, below; ajv's own untyped export is dropped.
    const own = `export const ${name} = ${fn};`;
    if (!fn || !code.includes(own)) throw new Error(`unexpected ajv standalone output for ${name}`);
    code = code.replace(own, '');
    byHash.push(`  // ${name}\n  '${schemaHash(schemas[name] as JsonSchema)}': ${fn},`);
  }
  const text =
    `${BANNER}\n${code.replace(/^"use strict";/, '')}\n\n` +
    `/** Each validator, by the \`schemaHash\` of the schema it was compiled from. */\n` +
    `export const AHEAD: Readonly<Record<string, ValidateFunction>> = {\n${byHash.join('\n')}\n};\n`;
  const options = await resolveConfig(VALIDATORS_PATH);
  return format(text, { ...options, parser: 'typescript' });
}

/** The module's text for rigger's schemas as they are now. */
export async function renderAheadValidators(): Promise<string> {
  const schemas = Object.fromEntries(
    Object.entries(AHEAD_SCHEMAS).map(([name, path]) => [name, readSchema(path)]),
  );
  return renderValidators(schemas);
}
