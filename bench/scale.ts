/**
 * Node preparation at scale, rigger against Ansible: bench/run.ts's comparison (the `prepare`
 * phase against bench/node-prep.ansible.yml, first converge on fresh hosts, then the no-op
 * re-run) on N lab hosts for each N of `--sizes` (default 6,30,100), in a lab of its own
 * (`.rigger/scale-lab`, hosts s-001.. at 172.31.250.101..). Prints one markdown table, the lab's
 * own cost per size and how each measure grows with N. Usage (as root, with no other lab up; the
 * lab bridge is shared, so take the machine's lab lock):
 *
 *   flock /tmp/rigger-lab.lock npx tsx bench/scale.ts [--sizes 6,30,100] [--batch 25]
 *
 * Every size gets fresh hosts before each tool's first converge (labDown, then labUp in batches of
 * `--batch` hosts so at most that many boot at once). rigger runs with its default `ssh.parallel`
 * (30); Ansible with as many forks, pipelining on and ControlPersist at its default. The lab is
 * taken down at the end whatever happens, checked for leftovers, and its state dir deleted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LabState } from '../src/lab/lab.ts';
import { labDown } from '../src/lab/lab.ts';
import { ANSIBLE, ensureInstalled, GNU_TIME } from './install.ts';
import { freshScaleLab, PARALLEL, SCALE_STATE, scaleHosts, writeHostFiles } from './scale-hosts.ts';
import { ansible, closeMasters, rigger, runLogs } from './scale-measure.ts';
import { assertNoLabUp, freeMb, hostsMemory, leftovers } from './scale-probe.ts';
import { failures, growthTable, labTable, resultTable, speedups, type SizeResult } from './scale-report.ts';

const log = (line: string): void =>
  void process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

function options(): { sizes: number[]; batch: number } {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '6,30,100' }, batch: { type: 'string', default: '25' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  sizes.forEach((n) => scaleHosts(n)); // a bad size fails here, before anything starts
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`--batch must be a positive whole number`);
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), batch };
}

/** rigger's two runs on fresh hosts; also what the hosts cost as booted. */
async function riggerRuns(n: number, batch: number, states: LabState[]) {
  const hosts = scaleHosts(n);
  const { inventory } = writeHostFiles(hosts);
  await labDown({ stateDir: SCALE_STATE });
  const freeBefore = await freeMb();
  const up = await freshScaleLab(hosts, batch, log);
  states.push(up.state);
  const memory = await hostsMemory(up.state);
  const freeAfter = await freeMb();
  log(`${n} hosts up in ${up.seconds.toFixed(0)} s; their processes: ${memory.pssMb.toFixed(0)} MB PSS`);
  const first = await rigger(inventory, n, 'first');
  log(`rigger first converge: ${first.seconds.toFixed(2)} s, ${first.failedHosts} hosts failed`);
  const noop = await rigger(inventory, n, 'noop');
  log(`rigger no-op: ${noop.seconds.toFixed(2)} s, ${noop.failedHosts} hosts failed`);
  return { boot: up.seconds, memory, freeBefore, freeAfter, result: { first, noop } };
}

/** Ansible's two runs on fresh hosts, its connection masters kept apart per lab and closed after. */
async function ansibleRuns(n: number, batch: number, states: LabState[]) {
  const hosts = scaleHosts(n);
  const { ini } = writeHostFiles(hosts);
  const up = await freshScaleLab(hosts, batch, log);
  states.push(up.state);
  const cp = await mkdtemp(join(tmpdir(), 'rigger-scale-cp-'));
  try {
    const first = await ansible(ini, hosts, PARALLEL, cp, 'first');
    log(`ansible first converge: ${first.seconds.toFixed(2)} s, ${first.failedHosts} hosts failed`);
    const noop = await ansible(ini, hosts, PARALLEL, cp, 'noop');
    log(`ansible no-op: ${noop.seconds.toFixed(2)} s, ${noop.failedHosts} hosts failed`);
    return { boot: up.seconds, result: { first, noop } };
  } finally {
    await closeMasters(cp);
    await rm(cp, { recursive: true, force: true });
  }
}

/** One size: fresh hosts for rigger's two runs, fresh hosts again for Ansible's two. */
async function measureSize(n: number, batch: number, states: LabState[]): Promise<SizeResult> {
  const r = await riggerRuns(n, batch, states);
  const a = await ansibleRuns(n, batch, states);
  return {
    n,
    bootSeconds: [r.boot, a.boot],
    memory: r.memory,
    freeBefore: r.freeBefore,
    freeAfter: r.freeAfter,
    rigger: r.result,
    ansible: a.result,
  };
}

function print(results: readonly SizeResult[], argv: readonly string[]): void {
  const sizes = results.map((r) => r.n).join(', ');
  console.log(`node preparation at scale, ${sizes} lab hosts, ${new Date().toISOString()}\n`);
  console.log(
    `rigger: default ssh.parallel (${PARALLEL}); ansible: forks=${PARALLEL}, pipelining on, ControlPersist default. ` +
      "Fresh hosts before each tool's first converge.\n",
  );
  console.log(`${resultTable(results)}\n\n${speedups(results)}\n`);
  const errors = failures(results);
  if (errors !== '') console.log(`failures:\n\n${errors}\n`);
  console.log(
    `growth with hosts (each size over ${results[0]?.n ?? '?'} hosts):\n\n${growthTable(results)}\n`,
  );
  console.log(`the scale lab itself (hosts as booted, before any tool ran):\n\n${labTable(results)}\n`);
  console.log(`repeat: flock /tmp/rigger-lab.lock npx tsx bench/scale.ts ${argv.join(' ')}`.trimEnd());
}

const { sizes, batch } = options();
// Whole outputs of runs that failed; the directory stays only if one did.
runLogs.dir = join(tmpdir(), `rigger-scale-${new Date().toISOString().replace(/[:.]/g, '-')}`);
// Before any host is touched: a missing tool fails here, not half-way through.
await ensureInstalled([ANSIBLE, GNU_TIME]);
await assertNoLabUp();
const results: SizeResult[] = [];
const states: LabState[] = [];
let failed: Error | undefined;
try {
  for (const n of sizes) results.push(await measureSize(n, batch, states));
} catch (err) {
  failed = err instanceof Error ? err : new Error('the scale benchmark failed', { cause: err });
} finally {
  log('taking the scale lab down');
  await labDown({ stateDir: SCALE_STATE, log });
}
const left = await leftovers(states);
if (left.length === 0) {
  log(
    `nothing of the scale lab is left (recorded PIDs, overlays, rgr0, machinectl); deleting ${SCALE_STATE}`,
  );
  await rm(SCALE_STATE, { recursive: true, force: true });
} else log(`left after labDown (state kept in ${SCALE_STATE}):\n${left.join('\n')}`);
if (results.length > 0) print(results, process.argv.slice(2));
if (failed !== undefined) throw failed;
