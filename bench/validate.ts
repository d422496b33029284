/**
 * `rigger validate` wall time on inventory/prod.yaml (6 hosts) and on a 1,000-host inventory
 * derived from it (bench/big-inventory.ts): the whole process, as a user waits for it. Each
 * command runs several times, interleaved, and the median is reported with the fastest run, the
 * median CPU time (user + system, less disturbed by other work on a shared machine) and peak RSS.
 *
 *   npx tsx bench/validate.ts [--runs N] [--npx] [checkout ...]
 *
 * Checkouts default to this one; naming two (say, a copy of the last commit and of the change)
 * compares them in one go. `--npx` also times `npx rigger validate` in this checkout, npm's own
 * start included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/core/project-root.ts';
import { bigInventory, PROD_INVENTORY } from './big-inventory.ts';
import { ensureInstalled, GNU_TIME } from './install.ts';

interface Target {
  label: string;
  cwd: string;
  argv: string[];
}

interface Sample {
  wall: number;
  cpu: number;
  rssMb: number;
}

/** One run under GNU time: wall time from here, CPU and peak RSS from time's report. */
function runOnce(t: Target, inventory: string): Sample {
  const t0 = process.hrtime.bigint();
  const out = spawnSync('/usr/bin/time', ['-f', 'bench-time %U %S %M', ...t.argv, inventory], {
    cwd: t.cwd,
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const report = /bench-time ([\d.]+) ([\d.]+) (\d+)/.exec(out.stderr);
  if (out.status !== 0 || !report)
    throw new Error(`${t.label} failed (${out.status}): ${out.stderr.slice(-1500)}`);
  return { wall, cpu: Number(report[1]) + Number(report[2]), rssMb: Number(report[3]) / 1024 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Whether bin/rigger.js of a checkout runs its compiled build (as it decides) or src/ via tsx. */
function runsCompiled(root: string): boolean {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  try {
    return statSync(join(root, 'dist', '.built')).mtimeMs >= newest(join(root, 'src'));
  } catch {
    return false;
  }
}

function targets(checkouts: string[], npx: boolean): Target[] {
  return checkouts.flatMap((root) => {
    const how = runsCompiled(root) ? 'compiled build' : 'src via tsx';
    const name = checkouts.length > 1 ? `${root}: ` : '';
    const node = ['node', 'bin/rigger.js', 'validate'];
    const own: Target[] = [{ label: `${name}node bin/rigger.js validate (${how})`, cwd: root, argv: node }];
    // npx runs the package of the folder it starts in, installing it (its `prepare` build) into
    // npm's cache on first use: only this checkout's, and never one from the registry (`--no`).
    if (npx && root === PROJECT_ROOT)
      own.push({
        label: `${name}npx rigger validate (${how})`,
        cwd: root,
        argv: ['npx', '--no', 'rigger', 'validate'],
      });
    return own;
  });
}

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, npx: { type: 'boolean', default: false } },
  allowPositionals: true,
});
await ensureInstalled([GNU_TIME]);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'rigger-bench-validate-'));
const big = join(dir, 'inventory-1000.yaml');
writeFileSync(big, bigInventory(1000, readFileSync(PROD_INVENTORY, 'utf8')));
const inventories: [string, string][] = [
  ['prod.yaml (6 hosts)', PROD_INVENTORY],
  ['1,000 hosts', big],
];
const all = targets(positionals.length ? positionals.map((p) => resolve(p)) : [PROJECT_ROOT], values.npx);
const samples = new Map<string, Sample[]>();
try {
  // One warm-up each (tsx's transform cache, the file cache), then interleaved rounds.
  for (const t of all) for (const [, file] of inventories) runOnce(t, file);
  for (let r = 0; r < runs; r++)
    for (const t of all)
      for (const [name, file] of inventories) {
        const key = `| ${t.label} | ${name} |`;
        samples.set(key, [...(samples.get(key) ?? []), runOnce(t, file)]);
      }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`rigger validate, ${runs} runs each, ${new Date().toISOString()}\n`);
console.log('| command | inventory | median wall | fastest | median CPU | peak RSS |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [key, s] of samples) {
  const wall = s.map((x) => x.wall);
  const cell = (n: number): string => `${n.toFixed(2)} s`;
  const rss = Math.max(...s.map((x) => x.rssMb)).toFixed(0);
  console.log(
    `${key} ${cell(median(wall))} | ${cell(Math.min(...wall))} | ${cell(median(s.map((x) => x.cpu)))} | ${rss} MB |`,
  );
}
