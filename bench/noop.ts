/**
 * The whole playbook's no-op on the converged lab (node preparation, the RKE2 phases, the
 * add-ons' dry runs, the nodes check) against the physical floor: one bare parallel
 * `ssh host true` to the same hosts. Side by side, interleaved, median of N runs each; rigger's
 * peak RSS and CPU from GNU time; where rigger's time goes, per phase, from its journal.
 * Usage (as root, on a converged lab: `npx rigger lab up --provision` first):
 *
 *   npx tsx bench/noop.ts [--runs 5]
 */
import { readFileSync } from 'node:fs';
import { $ } from 'zx';
import { PROJECT_ROOT } from '../src/core/project-root.ts';
import { DEFAULT_LAB_HOSTS } from '../src/lab/lab-spec.ts';
import { LAB_INVENTORY, LAB_STATE_DIR } from '../src/lab/paths.ts';
import { ensureInstalled, GNU_TIME } from './install.ts';

$.verbose = false;
$.cwd = PROJECT_ROOT;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;
const ADDRESSES = DEFAULT_LAB_HOSTS.filter((h) => h.name !== 'spare-1').map((h) => h.address);

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** One bare SSH round: a new connection to every host at once, `true`, as rigger's own options. */
async function sshFloor(): Promise<number> {
  const t0 = process.hrtime.bigint();
  await Promise.all(
    ADDRESSES.map(
      (a) =>
        $`ssh -i ${LAB_STATE_DIR}/id_ed25519 -o UserKnownHostsFile=${LAB_STATE_DIR}/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes root@${a} true`,
    ),
  );
  return seconds(t0);
}

interface Noop {
  wall: number;
  cpu: number;
  rssMb: number;
  changed: number;
  phases: Record<string, number>;
}

async function riggerNoop(): Promise<Noop> {
  const t0 = process.hrtime.bigint();
  const out =
    await $`/usr/bin/time -f ${'cpu=%U+%S maxrss=%M'} node bin/rigger.js provision ${LAB_INVENTORY} --output json`.nothrow();
  const wall = seconds(t0);
  const events = out.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; phase?: string; durationMs?: number; summary?: Summary });
  const end = events.find((e) => e.type === 'run-end')?.summary;
  if (!end || out.exitCode !== 0)
    throw new Error(`rigger failed (${out.exitCode}): ${out.stderr.slice(-2000)}`);
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(out.stderr);
  const journal = readFileSync(end.journal, 'utf8');
  const phases: Record<string, number> = {};
  for (const l of journal.trim().split('\n')) {
    const e = JSON.parse(l) as { type: string; phase?: string; durationMs?: number };
    if (e.type === 'phase-end' && e.phase) phases[e.phase] = (e.durationMs ?? 0) / 1000;
  }
  return {
    wall,
    cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
    rssMb: Number(/maxrss=(\d+)/.exec(out.stderr)?.[1] ?? 0) / 1024,
    changed: end.hosts.reduce((n, h) => n + h.changed, 0),
    phases,
  };
}

interface Summary {
  journal: string;
  hosts: { changed: number }[];
}

await ensureInstalled([GNU_TIME]);
const floors: number[] = [];
const noops: Noop[] = [];
await riggerNoop(); // warm: the first run after a change reads files the later ones find cached
for (let i = 0; i < runs; i++) {
  floors.push(await sshFloor());
  noops.push(await riggerNoop());
}
const pick = (f: (n: Noop) => number): number => median(noops.map(f));
console.log(
  `whole-playbook no-op, ${ADDRESSES.length} lab hosts, median of ${runs}, ${new Date().toISOString()}\n`,
);
console.log('| measure | median |\n| --- | --- |');
console.log(`| bare parallel ssh round (floor) | ${median(floors).toFixed(2)} s |`);
console.log(`| rigger provision no-op, wall | ${pick((n) => n.wall).toFixed(2)} s |`);
console.log(`| rigger CPU (user+sys) | ${pick((n) => n.cpu).toFixed(2)} s |`);
console.log(`| rigger peak RSS | ${pick((n) => n.rssMb).toFixed(0)} MB |`);
for (const phase of Object.keys(noops[0]?.phases ?? {}))
  console.log(`| phase ${phase} | ${pick((n) => n.phases[phase] ?? 0).toFixed(2)} s |`);
console.log(
  `\nrigger / floor = ${(pick((n) => n.wall) / median(floors)).toFixed(1)}x; tasks changed: ${noops.map((n) => n.changed).join(', ')}`,
);
