/**
 * Renders the inventory reference (docs/inventory.md) from the schema's descriptions, so the
 * reference can never say something the schema does not.
 */
import type { JsonSchema } from '../src/inventory/schema.ts';

interface Row {
  path: string;
  type: string;
  required: boolean;
  def: string;
  description: string;
}

export function renderSchemaDocs(root: JsonSchema): string {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const deref = (s: JsonSchema): JsonSchema => {
    if (typeof s.$ref !== 'string') return s;
    const target = defs[s.$ref.replace('#/$defs/', '')] ?? {};
    // Sibling keywords (a description, a default) refine the referenced schema.
    const rest = { ...s };
    delete rest.$ref;
    return { ...deref(target), ...rest };
  };
  const rows: Row[] = [];
  const walk = (schema: JsonSchema, path: string, required: boolean): void => {
    const s = deref(schema);
    if (path) {
      rows.push({
        path,
        type: typeOf(s, deref),
        required,
        def: 'default' in s ? `\`${JSON.stringify(s.default)}\`` : '',
        description: text(s.description).replace(/\n/g, ' '),
      });
    }
    const props = s.properties as Record<string, JsonSchema> | undefined;
    const req = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, sub] of Object.entries(props ?? {}))
      walk(sub, path ? `${path}.${name}` : name, req.has(name));
    const items = s.items as JsonSchema | undefined;
    if (items) {
      const item = deref(items);
      if (item.properties) walk(item, `${path}[]`, false);
    }
    for (const branch of (s.oneOf ?? []) as JsonSchema[]) {
      const b = deref(branch);
      if (b.properties)
        for (const [n, sub] of Object.entries(b.properties as Record<string, JsonSchema>)) {
          walk(sub, `${path}.${n}`, ((b.required as string[] | undefined) ?? []).includes(n));
        }
    }
  };
  walk(root, '', true);
  const seen = new Set<string>();
  const unique = rows.filter((r) => (seen.has(r.path) ? false : (seen.add(r.path), true)));
  const lines = [
    '# Inventory reference',
    '',
    '<!-- Generated from schemas/inventory.schema.json by `npm run gen`. Do not edit: change the schema. -->',
    '',
    text(root.description),
    '',
    'Every problem is reported as `FILE:LINE:COL PATH: message`, all at once, before any host is touched.',
    'Example: [`inventory/prod.yaml`](../inventory/prod.yaml).',
    '',
    '| Field | Type | Required | Default | Description |',
    '| --- | --- | --- | --- | --- |',
    ...unique.map(
      (r) =>
        `| \`${r.path}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.def} | ${escapeCell(r.description)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

function typeOf(s: JsonSchema, deref: (s: JsonSchema) => JsonSchema): string {
  if (Array.isArray(s.enum))
    return (s.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if ('const' in s) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.oneOf))
    return (s.oneOf as JsonSchema[]).map((b) => typeOf(deref(b), deref)).join(' \\| ');
  if (s.type === 'array') {
    const items = s.items as JsonSchema | undefined;
    return `list of ${items ? typeOf(deref(items), deref) : 'any'}`;
  }
  if (s.properties && s.minProperties === 1 && s.maxProperties === 1) return 'secret reference';
  return typeof s.type === 'string' ? s.type : 'any';
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
