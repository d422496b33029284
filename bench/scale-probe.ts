/**
 * What the scale lab costs this machine and what it leaves behind: each host's processes (its
 * systemd-nspawn and everything inside the machine, found by the overlay on its own upper dir, as
 * src/lab/machine.ts finds them), their PSS and RSS, and `free -m`; after the last labDown, any
 * process still alive at a PID the lab recorded or still holding a scale host's overlay.
 */
import { readFile, readdir } from 'node:fs/promises';
import { $ } from 'zx';
import type { LabState } from '../src/lab/lab.ts';
import { nspawnMatcher } from '../src/lab/machine.ts';
import { isOurs } from '../src/lab/processes.ts';

export interface HostsMemory {
  hosts: number;
  processes: number;
  /** Sum of the hosts' processes' PSS (shared pages split among their users), MB. */
  pssMb: number;
  /** Sum of their RSS (shared pages counted once per process), MB. */
  rssMb: number;
}

/** `free -m`'s "used" and "available", MB. */
export async function freeMb(): Promise<{ used: number; available: number }> {
  const out = await $({ quiet: true })`free -m`;
  const mem =
    out.stdout
      .split('\n')
      .find((l) => l.startsWith('Mem:'))
      ?.split(/\s+/) ?? [];
  return { used: Number(mem[2]), available: Number(mem[6]) };
}

/** PIDs of processes whose mount table holds an overlay with one of these upper dirs. */
async function pidsInside(upperDirs: readonly string[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const mounts = await readFile(`/proc/${entry}/mountinfo`, 'utf8').catch(() => '');
    const upper = upperDirs.find((u) => mounts.includes(`upperdir=${u},`));
    if (upper !== undefined) found.set(Number(entry), upper);
  }
  return found;
}

async function rollup(pid: number): Promise<{ pss: number; rss: number }> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { pss: kb('Pss'), rss: kb('Rss') };
}

/** The memory of every running lab host: its nspawn plus the machine's processes. */
export async function hostsMemory(state: LabState): Promise<HostsMemory> {
  const pids = new Set<number>(state.hosts.map((h) => h.pid).filter((p) => p > 0));
  for (const pid of (await pidsInside(state.hosts.map((h) => h.upperDir))).keys()) pids.add(pid);
  let pss = 0;
  let rss = 0;
  for (const pid of pids) {
    const r = await rollup(pid);
    pss += r.pss;
    rss += r.rss;
  }
  return { hosts: state.hosts.length, processes: pids.size, pssMb: pss / 1024, rssMb: rss / 1024 };
}

/**
 * What is left of the lab after labDown, as lines (none: all gone): recorded nspawn PIDs still
 * ours, processes still inside a host's overlay, the bridge, `machinectl list` entries.
 */
export async function leftovers(states: readonly LabState[]): Promise<string[]> {
  const left: string[] = [];
  const hosts = states.flatMap((s) => s.hosts);
  for (const h of hosts)
    if (h.pid > 0 && (await isOurs(h.pid, nspawnMatcher(h.upperDir))))
      left.push(`${h.name}: systemd-nspawn still running as PID ${h.pid}`);
  for (const [pid, upper] of await pidsInside([...new Set(hosts.map((h) => h.upperDir))]))
    left.push(`PID ${pid} still holds the overlay of ${upper}`);
  const bridge = await $({ quiet: true, nothrow: true })`ip link show rgr0`;
  if (bridge.exitCode === 0) left.push('the bridge rgr0 still exists');
  const machines = await $({ quiet: true, nothrow: true })`machinectl list --no-legend`;
  for (const line of machines.stdout.split('\n'))
    if (/\brigger-s-\d{3}\b/.test(line)) left.push(`machinectl: ${line.trim()}`);
  return left;
}

/**
 * Refuses to start while any lab is up (its bridge rgr0 exists): labDown of the scale lab would
 * delete that bridge and stop the package proxy and chart mirror another lab's hosts use.
 */
export async function assertNoLabUp(): Promise<void> {
  if ((await $({ quiet: true, nothrow: true })`ip link show rgr0`).exitCode === 0)
    throw new Error('a lab is up (the bridge rgr0 exists): only one lab fits on a machine; not starting');
}
