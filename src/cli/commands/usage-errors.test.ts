import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROD_ENV, prodText } from '../../inventory/testing.ts';
import { runCli } from '../testing.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// None of these reach a host: the prod example's hosts do not exist, and a run that got as far as
// connecting would fail on them with exit 1, not 2.
describe('usage errors', () => {
  for (const argv of [
    ['provision', 'inventory/prod.yaml', '--output', 'xml'],
    ['plan', 'inventory/prod.yaml', '--output=jsn'],
    ['add-node', 'inventory/prod.yaml', 'worker-3', '--output', 'fancy'],
    ['remove-node', 'inventory/prod.yaml', 'worker-3', '--output', 'TTY'],
    ['replace-node', 'inventory/prod.yaml', 'worker-3', 'worker-2', '--output', ''],
  ]) {
    it(`exits 2 for an unknown --output in \`${argv.join(' ')}\`, naming the flag`, async () => {
      const r = await runCli(argv, { cwd: ROOT, env: PROD_ENV });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: --output: must be one of tty, plain, json, not ".*"$/m);
      expect(r.stderr).toContain('nothing was changed');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 2 for a --playbook that names a missing file, naming the flag', async () => {
    const r = await runCli(['plan', 'inventory/prod.yaml', '--playbook', 'playbooks/nope.yaml'], {
      cwd: ROOT,
      env: PROD_ENV,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `error: --playbook: cannot read the playbook ${join(ROOT, 'playbooks/nope.yaml')}: no such file`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a --playbook that names a directory', async () => {
    const r = await runCli(['provision', 'inventory/prod.yaml', '--playbook', 'playbooks'], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --playbook: cannot read the playbook .*playbooks: is a directory$/m);
  });

  it('exits 2 for an inventory that is an alias bomb, located, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rigger-bomb-'));
    const file = join(dir, 'bomb.yaml');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    writeFileSync(
      file,
      `${prodText()}\nx-bomb:\n${[...bomb, `c: [${Array(9).fill('*b').join(', ')}]`].map((l) => `  ${l}`).join('\n')}\n`,
    );
    const r = await runCli(['validate', file], { env: PROD_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: .*bomb\.yaml:\d+:\d+ x-bomb\.c\[8\]: alias \*b expands the document past 100/m,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
