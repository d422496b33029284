/**
 * Node preparation (the `prepare` phase: RKE2 itself has no Ansible twin here) on the lab's 5
 * inventory hosts, rigger against Ansible, side by side in one go:
 * first converge on fresh hosts and the no-op re-run, for each. Prints wall time, the ratio, SSH
 * execs per host and rigger's peak memory. Usage (as root, on a machine of the lab's kind):
 *
 *   npx tsx bench/run.ts            # results go to stdout; copy them into bench/README.md
 *
 * It installs Ansible (Debian's ansible-core) and GNU time first when they are missing.
 *
 * Wall times come from one run each on a shared machine: repeat a few times before trusting a
 * small difference.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { $ } from 'zx';
import { PROJECT_ROOT } from '../src/core/project-root.ts';
import { labDown, labUp } from '../src/lab/lab.ts';
import { DEFAULT_LAB_HOSTS } from '../src/lab/lab-spec.ts';
import { LAB_INVENTORY, LAB_STATE_DIR } from '../src/lab/paths.ts';
import { ANSIBLE, ensureInstalled, GNU_TIME } from './install.ts';

const ROOT = PROJECT_ROOT;
const STATE = LAB_STATE_DIR;
const INVENTORY = LAB_INVENTORY;
// The inventory's hosts (the spare is not in it), with their lab addresses.
const HOSTS: [string, string][] = DEFAULT_LAB_HOSTS.filter((h) => h.name !== 'spare-1').map((h) => [
  h.name,
  h.address,
]);
$.verbose = false;
$.cwd = ROOT;

interface Measure {
  label: string;
  seconds: number;
  execsPerHost: number;
  changed: number;
  maxRssMb?: number;
}

async function freshLab(): Promise<void> {
  await labDown({ stateDir: STATE, log: () => undefined });
  await labUp({ stateDir: STATE, log: () => undefined });
}

async function rigger(label: string): Promise<Measure> {
  const t0 = process.hrtime.bigint();
  const out =
    await $`/usr/bin/time -f ${'maxrss=%M'} node bin/rigger.js provision ${INVENTORY} --only prepare --output json`.nothrow();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const end = out.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; summary?: { hosts: { execs: number; changed: number }[] } })
    .find((e) => e.type === 'run-end');
  if (!end?.summary || out.exitCode !== 0) throw new Error(`rigger failed (${out.exitCode}): ${out.stderr}`);
  const hosts = end.summary.hosts;
  const rss = /maxrss=(\d+)/.exec(out.stderr)?.[1];
  return {
    label,
    seconds,
    execsPerHost: Math.max(...hosts.map((h) => h.execs)),
    changed: hosts.reduce((n, h) => n + h.changed, 0),
    ...(rss ? { maxRssMb: Number(rss) / 1024 } : {}),
  };
}

async function ansible(label: string, inventoryFile: string): Promise<Measure> {
  const t0 = process.hrtime.bigint();
  const out = await $({
    env: { ...process.env, ANSIBLE_PIPELINING: 'True', ANSIBLE_FORKS: '10', ANSIBLE_NOCOLOR: '1' },
  })`ansible-playbook -vvv -i ${inventoryFile} bench/node-prep.ansible.yml`.nothrow();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (out.exitCode !== 0) throw new Error(`ansible failed (${out.exitCode}): ${out.stdout.slice(-2000)}`);
  const execs = HOSTS.map(
    ([, ip]) => out.stdout.split('\n').filter((l) => l.startsWith(`<${ip}> SSH: EXEC`)).length,
  );
  const recap = /changed=(\d+)/g;
  let changed = 0;
  for (const m of out.stdout.slice(out.stdout.lastIndexOf('PLAY RECAP')).matchAll(recap))
    changed += Number(m[1]);
  return { label, seconds, execsPerHost: Math.max(...execs), changed };
}

const dir = mkdtempSync(join(tmpdir(), 'rigger-bench-'));
const ini = join(dir, 'hosts.ini');
writeFileSync(
  ini,
  `[all]\n${HOSTS.map(([n, ip]) => `${n} ansible_host=${ip}`).join('\n')}\n\n[all:vars]\nansible_user=root\nansible_ssh_private_key_file=${STATE}/id_ed25519\nansible_python_interpreter=/usr/bin/python3\nansible_ssh_common_args='-o UserKnownHostsFile=${STATE}/known_hosts -o StrictHostKeyChecking=yes'\n`,
);

// Before the lab is touched: a missing tool fails here, not half-way through.
await ensureInstalled([ANSIBLE, GNU_TIME]);
const results: Measure[] = [];
await freshLab();
results.push(await rigger('rigger: first converge'));
results.push(await rigger('rigger: no-op re-run'));
await freshLab();
results.push(await ansible('ansible: first converge', ini));
results.push(await ansible('ansible: no-op re-run', ini));

const line = (m: Measure): string =>
  `| ${m.label} | ${m.seconds.toFixed(2)} s | ${m.execsPerHost} | ${m.changed} | ${m.maxRssMb ? `${m.maxRssMb.toFixed(0)} MB` : ''} |`;
console.log(`node preparation, ${HOSTS.length} lab hosts, ${new Date().toISOString()}\n`);
console.log(
  '| run | wall time | SSH execs per host (max) | changed | peak RSS |\n| --- | --- | --- | --- | --- |',
);
for (const m of results) console.log(line(m));
const [rFirst, rNoop, aFirst, aNoop] = results;
if (rFirst && rNoop && aFirst && aNoop) {
  console.log(`\nno-op re-run: ansible / rigger = ${(aNoop.seconds / rNoop.seconds).toFixed(1)}x`);
  console.log(`first converge: ansible / rigger = ${(aFirst.seconds / rFirst.seconds).toFixed(1)}x`);
}
