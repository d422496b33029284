/**
 * One measured run of each tool, as bench/run.ts measures them: rigger's `provision --only
 * prepare --output json` (SSH execs and changes per host from its run-end summary, peak RSS from
 * GNU time) and `ansible-playbook -vvv bench/node-prep.ansible.yml` (execs from its `SSH: EXEC`
 * lines, changes from the PLAY RECAP), each timed as a whole process.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { $ } from 'zx';
import { PROJECT_ROOT } from '../src/core/project-root.ts';
import type { LabHostSpec } from '../src/lab/lab.ts';

export interface Measure {
  seconds: number;
  /** The most SSH execs any one host took. */
  execsPerHost: number;
  /** Changes summed over all hosts. */
  changed: number;
  /** Hosts that failed or were unreachable (0: a clean run). */
  failedHosts: number;
  /** What failed, one line per distinct cause. */
  errors: string[];
  maxRssMb?: number;
  /** What bin/rigger.js ran: the bundled dist/ (current) or src/ through tsx (dist/ stale). */
  build?: 'dist' | 'tsx';
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** bin/rigger.js's own test: dist/ runs only while its stamp is as new as every file under src/. */
export function riggerBuild(): 'dist' | 'tsx' {
  const stamp = join(PROJECT_ROOT, 'dist', '.built');
  const ok = existsSync(join(PROJECT_ROOT, 'dist', 'main.js')) && existsSync(stamp);
  return ok && statSync(stamp).mtimeMs >= newest(join(PROJECT_ROOT, 'src')) ? 'dist' : 'tsx';
}

interface RunEnd {
  type: string;
  summary?: { journal: string; hosts: { host: string; execs: number; changed: number; failed: number }[] };
}

function elapsed(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Where a run's whole output goes (kept: a failure's cause is in it); set by the caller. */
export const runLogs = { dir: '' };

async function keepLog(name: string, text: string): Promise<string> {
  if (runLogs.dir === '') return '';
  await mkdir(runLogs.dir, { recursive: true });
  const file = join(runLogs.dir, name);
  await writeFile(file, text);
  return file;
}

function riggerSummary(stdout: string): RunEnd['summary'] {
  return stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RunEnd)
    .find((e) => e.type === 'run-end')?.summary;
}

/**
 * `rigger provision INVENTORY --only prepare` through bin/rigger.js (dist/ when current). A run
 * whose hosts fail is measured and its failures counted; only a run without a summary throws.
 */
export async function rigger(inventory: string, hosts: number, label: string): Promise<Measure> {
  const build = riggerBuild();
  const t0 = process.hrtime.bigint();
  const out = await $({
    cwd: PROJECT_ROOT,
    quiet: true,
    nothrow: true,
  })`/usr/bin/time -f ${'maxrss=%M'} node bin/rigger.js provision ${inventory} --only prepare --output json`;
  const seconds = elapsed(t0);
  const log =
    out.exitCode === 0
      ? ''
      : await keepLog(`rigger-${hosts}-${label}.log`, `${out.stdout}\n--- stderr\n${out.stderr}`);
  const run = riggerSummary(out.stdout);
  if (run === undefined)
    throw new Error(`rigger ended (${String(out.exitCode)}) without a summary: ${out.stderr.slice(-2000)}`);
  const summary = run.hosts;
  // The run's journal (.rigger/runs/) is the benchmark's litter, kept only when the run failed.
  if (out.exitCode === 0) await rm(resolve(PROJECT_ROOT, run.journal), { force: true });
  const failedHosts = hosts - summary.length + summary.filter((h) => h.failed > 0).length;
  const errors =
    out.exitCode === 0
      ? []
      : [`exit ${String(out.exitCode)}: ${out.stderr.trim().split('\n').slice(-3).join(' / ')}`];
  const rss = /maxrss=(\d+)/.exec(out.stderr)?.[1];
  return {
    seconds,
    execsPerHost: Math.max(...summary.map((h) => h.execs)),
    changed: summary.reduce((n, h) => n + h.changed, 0),
    failedHosts,
    errors: log === '' ? errors : [...errors, `whole output: ${log}, journal: ${run.journal}`],
    ...(rss ? { maxRssMb: Number(rss) / 1024 } : {}),
    build,
  };
}

/**
 * Distinct causes of a run's `fatal: [host]: FAILED! => {...}` results (with -vvv the result's
 * JSON follows on the next lines; its "msg" is the cause), with how many hosts had each.
 */
function ansibleErrors(stdout: string): string[] {
  const lines = stdout.split('\n');
  const count = new Map<string, number>();
  lines.forEach((line, i) => {
    if (!/^(fatal|failed): \[/.test(line)) return;
    const msgLine = lines.slice(i, i + 40).find((l) => /^\s*"msg": "/.test(l));
    const msg =
      msgLine === undefined ? line.slice(0, 200) : (/"msg": "(.*)",?$/.exec(msgLine)?.[1] ?? msgLine);
    count.set(msg, (count.get(msg) ?? 0) + 1);
  });
  return [...count].map(([msg, n]) => `${n} host(s): ${msg.slice(0, 400)}`);
}

/**
 * `ansible-playbook` with its fast paths, as bench/run.ts runs it: pipelining on, ControlPersist
 * left at its default, `forks` as given (the scale bench passes rigger's parallelism). Its
 * connection masters live in `controlDir`, one per lab: a master left from an earlier lab's host
 * at the same address must not be reused.
 */
export async function ansible(
  ini: string,
  hosts: readonly LabHostSpec[],
  forks: number,
  controlDir: string,
  label: string,
): Promise<Measure> {
  const env = {
    ...process.env,
    ANSIBLE_PIPELINING: 'True',
    ANSIBLE_FORKS: String(forks),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir,
  };
  const t0 = process.hrtime.bigint();
  const out = await $({
    cwd: PROJECT_ROOT,
    env,
    quiet: true,
    nothrow: true,
  })`ansible-playbook -vvv -i ${ini} bench/node-prep.ansible.yml`;
  const seconds = elapsed(t0);
  const log =
    out.exitCode === 0
      ? ''
      : await keepLog(`ansible-${hosts.length}-${label}.log`, `${out.stdout}\n--- stderr\n${out.stderr}`);
  const execs = new Map<string, number>(hosts.map((h) => [h.address, 0]));
  for (const line of out.stdout.split('\n')) {
    const ip = /^<([\d.]+)> SSH: EXEC/.exec(line)?.[1];
    if (ip !== undefined && execs.has(ip)) execs.set(ip, (execs.get(ip) ?? 0) + 1);
  }
  const recap = out.stdout.slice(out.stdout.lastIndexOf('PLAY RECAP'));
  let changed = 0;
  let clean = 0;
  for (const m of recap.matchAll(/ok=\d+\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/g)) {
    changed += Number(m[1]);
    if (m[2] === '0' && m[3] === '0') clean += 1;
  }
  const errors = out.exitCode === 0 ? [] : [`exit ${String(out.exitCode)}`, ...ansibleErrors(out.stdout)];
  return {
    seconds,
    execsPerHost: Math.max(...execs.values()),
    changed,
    failedHosts: hosts.length - clean,
    errors: log === '' ? errors : [...errors, `whole output: ${log}`],
  };
}

/** Ends the connection masters Ansible left in controlDir (`ssh -O exit` on each socket). */
export async function closeMasters(controlDir: string): Promise<void> {
  const sockets = await readdir(controlDir).catch(() => [] as string[]);
  await Promise.all(
    sockets.map(
      (s) => $({ quiet: true, nothrow: true })`ssh -O exit -o ControlPath=${join(controlDir, s)} scale-host`,
    ),
  );
}
