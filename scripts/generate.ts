/**
 * Generates what follows from the inventory schema: the TypeScript types of a loaded inventory
 * (`src/inventory/types.generated.ts`), the inventory reference (`docs/inventory.md`) and the
 * validators of the inventory and playbook schemas compiled ahead
 * (`src/inventory/validators.generated.ts`). `npm run gen` writes them; a
 * test fails when any is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { renderAheadValidators, VALIDATORS_PATH } from './validator-code.ts';
import { INVENTORY_SCHEMA_PATH, readSchema, type JsonSchema } from '../src/inventory/schema.ts';
import { renderSchemaDocs } from './schema-docs.ts';

export const TYPES_PATH = fileURLToPath(new URL('../src/inventory/types.generated.ts', import.meta.url));
export const DOCS_PATH = fileURLToPath(new URL('../docs/inventory.md', import.meta.url));

/**
 * The types describe an inventory after loading, when defaults are filled in: every property that
 * has a default is therefore required in the type.
 */
export async function renderTypes(): Promise<string> {
  const schema = withDefaultsRequired(structuredClone(readSchema(INVENTORY_SCHEMA_PATH))) as JsonSchema;
  // The root type is named by compile's second argument, not by the title or $id.
  delete schema.title;
  delete schema.$id;
  return compile(schema, 'Inventory', {
    bannerComment:
      '/* Generated from schemas/inventory.schema.json by `npm run gen`. Do not edit: change the schema. */',
    additionalProperties: false,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
  });
}

function withDefaultsRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withDefaultsRequired);
  if (!node || typeof node !== 'object') return node;
  const obj = node as JsonSchema;
  const props = obj.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    const required = new Set((obj.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries(props)) if ('default' in prop) required.add(name);
    obj.required = [...required];
  }
  // A `$ref` with siblings would become a new, numbered copy of the referenced type.
  if (typeof obj.$ref === 'string') return { $ref: obj.$ref };
  delete obj.errorMessage;
  // `anyOf` over formats only narrows a string's content; as a type it is just a string.
  if (
    Array.isArray(obj.anyOf) &&
    (obj.anyOf as JsonSchema[]).every((b) => Object.keys(b).join() === 'format')
  ) {
    delete obj.anyOf;
  }
  for (const [k, v] of Object.entries(obj)) obj[k] = withDefaultsRequired(v);
  return obj;
}

export function renderDocs(): string {
  return renderSchemaDocs(readSchema(INVENTORY_SCHEMA_PATH));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TYPES_PATH, await renderTypes());
  writeFileSync(DOCS_PATH, renderDocs());
  writeFileSync(VALIDATORS_PATH, await renderAheadValidators());
  console.log(`wrote ${TYPES_PATH}, ${DOCS_PATH} and ${VALIDATORS_PATH}`);
}
