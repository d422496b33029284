/**
 * One lab host as a process: a systemd-nspawn booting the base image under the host's overlay
 * upper dir. nspawn runs detached, so hosts outlive the command that started them; it is found
 * again by PID (checked against its command line) or, when state was lost, by its own upper dir.
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RunError } from '../core/errors.ts';
import { LAB_BRIDGE } from './lab-spec.ts';
import { removeTree } from './mounts.ts';
import {
  findOurs,
  isOurs,
  spawnDetached,
  stopProcess,
  waitForExit,
  type ProcessMatcher,
} from './processes.ts';

type Log = (line: string) => void;
const noLog: Log = () => undefined;

/** Starts each boot's section of the host log, so errors quote only the current boot. */
const BOOT_MARK = '-- rigger lab: booting';

/** What is needed to boot or find one host. */
export interface MachineSpec {
  /** Inventory name, first word of every log line about the host. */
  name: string;
  /** nspawn machine name; also the hostname the host boots with. */
  machine: string;
  baseDir: string;
  upperDir: string;
  /**
   * A read-only layer over the base's /usr, mounted as the host's whole /usr (read-only, as on
   * Flatcar). Absent: /usr is part of the writable root like everything else.
   */
  usrLayer?: string;
  logFile: string;
}

/** Recognises the nspawn of this host by the overlay on its own upper dir, never by name. */
export function nspawnMatcher(upperDir: string): ProcessMatcher {
  return (argv) =>
    (argv[0]?.endsWith('systemd-nspawn') ?? false) &&
    argv.some((a) => a.startsWith('--overlay=') && a.endsWith(`:${upperDir}:/`));
}

export function nspawnArgs(m: MachineSpec): string[] {
  return [
    `--directory=${m.baseDir}`,
    // The whole root is an overlay: the base stays read-only and shared, the host writes to upper.
    `--overlay=${m.baseDir}:${m.upperDir}:/`,
    // No upper dir, so nothing can be written there, not even by root.
    ...(m.usrLayer === undefined ? [] : [`--overlay-ro=${join(m.baseDir, 'usr')}:${m.usrLayer}:/usr`]),
    `--machine=${m.machine}`,
    // No systemd as PID 1 on the machine to register with (and none needed on CI runners).
    '--register=no',
    '--keep-unit',
    `--network-bridge=${LAB_BRIDGE}`,
    // Lets the host remount /proc/sys read-write at boot, so sysctl tasks run for real.
    '--capability=CAP_SYS_ADMIN',
    // read-only copies the boot console into the host's log, which is what a failed boot needs.
    '--console=read-only',
    '--boot',
  ];
}

/** The running nspawn of this host: the recorded PID if it is still ours, else one found by upper dir. */
export async function findMachine(
  m: MachineSpec,
  recordedPid: number | undefined,
): Promise<number | undefined> {
  const matches = nspawnMatcher(m.upperDir);
  if (recordedPid !== undefined && recordedPid > 0 && (await isOurs(recordedPid, matches))) {
    return recordedPid;
  }
  return (await findOurs(matches))[0];
}

/** Starts the host's nspawn detached and returns its PID; the host boots in the background. */
export async function startMachine(nspawn: string, m: MachineSpec, log: Log = noLog): Promise<number> {
  await stopOrphanedInit(m, log);
  // Whatever is left of an earlier run of this host (a machine still shutting down after its
  // stop returned, say) would hold its veth and upper dir: it goes first.
  await killMachineProcesses(m, log);
  await removeLeftovers(m);
  await mkdir(dirname(m.logFile), { recursive: true });
  await appendFile(m.logFile, `${BOOT_MARK} ${m.machine} at ${new Date().toISOString()}\n`);
  const pid = await spawnDetached(nspawn, nspawnArgs(m), { logFile: m.logFile });
  // nspawn fails fast on bad arguments, a missing bridge or a busy upper dir: catch that here.
  if (await waitForExit(pid, nspawnMatcher(m.upperDir), 1000)) {
    throw new RunError(
      `${m.name}: systemd-nspawn exited right after start; last lines of ${m.logFile}:\n${await logTail(m.logFile)}`,
    );
  }
  return pid;
}

/**
 * Stops the host: SIGTERM makes nspawn power the machine off cleanly; SIGKILL after a grace
 * period. A killed nspawn leaves the machine's init running on its own, so that is stopped too.
 */
export async function stopMachine(
  m: MachineSpec,
  recordedPid: number | undefined,
  log: Log = noLog,
  graceMs = 60_000,
): Promise<void> {
  const pid = await findMachine(m, recordedPid);
  if (pid !== undefined) {
    await stopProcess(pid, nspawnMatcher(m.upperDir), { graceMs, what: `${m.name}: systemd-nspawn` });
  }
  await stopOrphanedInit(m, log);
  await killMachineProcesses(m, log);
  await removeLeftovers(m);
}

/**
 * Every process of the host: its nspawn and everything running inside the machine (found by the
 * overlay on its upper dir in their mount table). A machine whose shutdown hangs on a process
 * that ignores SIGTERM (systemd-shutdown waits 90 s) would otherwise outlive its stop.
 */
async function machineProcesses(m: MachineSpec): Promise<number[]> {
  const inside: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const mounts = await readFile(`/proc/${entry}/mountinfo`, 'utf8').catch(() => '');
    if (mounts.includes(`upperdir=${m.upperDir},`)) inside.push(Number(entry));
  }
  return [...(await findOurs(nspawnMatcher(m.upperDir))), ...inside];
}

async function killMachineProcesses(m: MachineSpec, log: Log): Promise<void> {
  let left = await machineProcesses(m);
  if (left.length === 0) return;
  log(`${m.name}: killing ${left.length} process(es) left of ${m.machine}`);
  for (let i = 0; i < 50 && left.length > 0; i++) {
    for (const pid of left) signalQuietly(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    left = await machineProcesses(m);
  }
  if (left.length > 0)
    throw new RunError(`${m.name}: processes ${left.join(', ')} of ${m.machine} survive SIGKILL`);
}

/**
 * The host's PID 1 (systemd) as seen from the machine: init of a child PID namespace whose root
 * is an overlay with this host's upper dir. Only exists without nspawn if nspawn was SIGKILLed.
 */
async function findInit(upperDir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    const nspid = /^NSpid:\s+(.+)$/m.exec(status)?.[1]?.trim().split(/\s+/);
    if (nspid === undefined || nspid.length < 2 || nspid[nspid.length - 1] !== '1') continue;
    const mounts = await readFile(`/proc/${entry}/mountinfo`, 'utf8').catch(() => '');
    if (mounts.includes(`upperdir=${upperDir},`)) found.push(Number(entry));
  }
  return found;
}

// PID 1 is systemd, or systemd-shutdown once it has begun to power off.
const isInit: ProcessMatcher = (argv) => /(^|\/)(systemd|systemd-shutdown|init)$/.test(argv[0] ?? '');

async function stopOrphanedInit(m: MachineSpec, log: Log): Promise<void> {
  if ((await findMachine(m, undefined)) !== undefined) return;
  for (const pid of await findInit(m.upperDir)) {
    log(`${m.name}: powering off ${m.machine}, left running without its nspawn (init PID ${pid})`);
    // SIGRTMIN+4 asks systemd to power off; SIGTERM would only make PID 1 re-execute itself.
    signalQuietly(pid, 38);
    if (await waitForExit(pid, isInit, 30_000)) continue;
    signalQuietly(pid, 'SIGKILL');
    if (!(await waitForExit(pid, isInit, 10_000))) {
      throw new RunError(
        `${m.name}: the machine's init (PID ${pid}) did not stop after poweroff and SIGKILL`,
      );
    }
  }
}

function signalQuietly(pid: number, sig: NodeJS.Signals | number): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * What a killed nspawn leaves behind: the overlay work dir beside the upper dir (`.#upper...`)
 * and its propagation dir. Only removed when no process of this host exists any more.
 */
async function removeLeftovers(m: MachineSpec): Promise<void> {
  if ((await findMachine(m, undefined)) !== undefined || (await findInit(m.upperDir)).length > 0) return;
  const hostDir = join(m.upperDir, '..');
  for (const name of await readdir(hostDir).catch(() => [] as string[])) {
    if (name.startsWith('.#')) await removeTree(join(hostDir, name));
  }
  await rmdir(`/run/systemd/nspawn/propagate/${m.machine}`).catch(() => undefined);
  // A machine that died without a clean power-off can leave its host-side veth behind, and nspawn
  // then refuses to start ("Failed to add new veth interfaces: File exists"). The kernel name is
  // shortened past 15 characters, but nspawn gives it the full `vb-<machine>` as an altname.
  await new Promise<void>((done) => {
    execFile('ip', ['link', 'delete', `vb-${m.machine}`], () => done());
  });
}

/** The last lines of a host's console log, without terminal colour codes. */
export async function logTail(file: string, lines = 15): Promise<string> {
  try {
    const all = await readFile(file, 'utf8');
    // Only this boot: the log is appended to across restarts.
    const text = all.slice(Math.max(all.lastIndexOf(BOOT_MARK), 0));
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
    return plain.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
