import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/core/project-root.ts';

// Built inside the project, as dist/ is: the bundle finds rigger's root (schemas/, playbooks/) by
// walking up from its own file.
let out = '';

beforeAll(() => {
  out = mkdtempSync(join(PROJECT_ROOT, '.rigger-build-test-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--outdir', out], {
    cwd: PROJECT_ROOT,
  });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const node = (args: string[]): string =>
  execFileSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: 'pipe' });

/** The bundle's `main`, called as bin/rigger.js calls it. */
const rigger = (args: string[]): string =>
  node([
    '--input-type=module',
    '-e',
    `const { main } = await import(${JSON.stringify(join(out, 'main.js'))}); await main(${JSON.stringify(args)});`,
  ]);

describe('the bundled build (scripts/build.ts)', () => {
  it('writes one entry, shared chunks and the stamp bin/rigger.js compares', () => {
    const files = readdirSync(out);
    expect(files).toContain('main.js');
    expect(files).toContain('.built');
    // The lazily imported commands stay separate chunks, so `--version` loads little.
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(2);
  });

  it('every chunk loads on its own (no clash with the require shim, no missing module)', () => {
    const chunks = readdirSync(out).filter((f) => f.endsWith('.js'));
    const script = chunks.map((f) => `await import(${JSON.stringify(join(out, f))});`).join('\n');
    expect(() => node(['--input-type=module', '-e', script])).not.toThrow();
  });

  it('runs a command end to end: validate reads the schema, the inventory and the rules', () => {
    const text = rigger(['validate', 'inventory/prod.yaml']);
    expect(text).toContain('add-ons');
    expect(text).toMatch(/cilium 1\.19\.\d+/);
  });

  it('reports a located error through the one top-level handler', () => {
    let stderr = '';
    try {
      rigger(['validate', 'no/such/inventory.yaml']);
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain('no/such/inventory.yaml');
  });
});
