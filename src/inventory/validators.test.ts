import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../core/project-root.ts';
import { compileSchema, createAjv, INVENTORY_SCHEMA_PATH, readSchema, schemaHash } from './schema.ts';
import { prodText } from './testing.ts';
import { AHEAD } from './validators.generated.ts';

type Data = Record<string, unknown>;

/** The prod example as data, changed by `edit`. */
function prod(edit: (d: Data & { hosts: Data[]; ssh: Data; cluster: Data }) => void = () => undefined): Data {
  const data = parse(prodText()) as Data & { hosts: Data[]; ssh: Data; cluster: Data };
  edit(data);
  return data;
}

/** What a validator says about `data`: valid, the data with defaults filled in, its errors. */
function outcome(validate: ReturnType<typeof compileSchema>, data: Data): unknown {
  const copy = structuredClone(data);
  const valid = validate(copy);
  return { valid, copy, errors: validate.errors ?? [] };
}

const inventorySchema = readSchema(INVENTORY_SCHEMA_PATH);
const aheadInventory = AHEAD[schemaHash(inventorySchema)];

describe('the validators compiled ahead', () => {
  it.each([
    ['inventory', INVENTORY_SCHEMA_PATH],
    ['playbook', projectPath('schemas', 'playbook.schema.json')],
  ])('the %s schema’s is current, so no run compiles it (else run `npm run gen`)', (_name, path) => {
    const schema = readSchema(path);
    const ahead = AHEAD[schemaHash(schema)];
    expect(ahead).toBeTypeOf('function');
    expect(compileSchema(schema)).toBe(ahead);
  });

  it('are not used for another schema, which is compiled at run time', () => {
    const other = { type: 'object', properties: { a: { type: 'string', format: 'ipv4' } } };
    const validate = compileSchema(other);
    expect(Object.values(AHEAD)).not.toContain(validate);
    expect(validate({ a: '10.0.0.1' })).toBe(true);
    expect(validate({ a: '10.0.0.300' })).toBe(false);
  });

  const cases: [string, Data][] = [
    ['the prod example, defaults filled in', prod()],
    ['an unknown key', prod((d) => (d.ssh.usr = 'ops'))],
    ['a wrong type and a missing key', prod((d) => ((d.hosts[0] = { name: 7 }), delete d.cluster.name))],
    ['an invalid address (format)', prod((d) => (d.hosts[1] = { ...d.hosts[1], address: '10.0.0.300' }))],
    ['a literal secret (errorMessage)', prod((d) => (d.cluster.token = 'hunter2'))],
    ['an enum value', prod((d) => (d.hosts[2] = { ...d.hosts[2], os: 'ubuntoo' }))],
  ];
  it.each(cases)('says what the schema compiled at run time says: %s', (_name, data) => {
    if (!aheadInventory) throw new Error('no inventory validator compiled ahead: run `npm run gen`');
    const fresh = createAjv().compile(inventorySchema);
    expect(outcome(aheadInventory, data)).toEqual(outcome(fresh, data));
  });
});
