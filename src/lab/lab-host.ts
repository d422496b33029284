/**
 * One host's part of `lab up` and `lab host start`: prepare its upper dir, adopt its running
 * machine or boot a new one, then wait until it answers SSH. Shared by the whole-lab and
 * single-host commands so both repair a host the same way.
 */
import { RunError } from '../core/errors.ts';
import { prepareHostFiles } from './host-files.ts';
import { machineName, type LabHostSpec, type LabHostState } from './lab-spec.ts';
import { findMachine, nspawnMatcher, startMachine, stopMachine, type MachineSpec } from './machine.ts';
import { hostLogOf, upperDirOf, type LabPaths } from './paths.ts';
import { isOurs } from './processes.ts';
import { waitUntilReady, type LabSshConfig } from './readiness.ts';

/** Boot timeout per host. Six hosts boot at once on two cores; one alone takes about 10 s. */
export const READY_TIMEOUT_MS = 180_000;

export function machineSpecOf(paths: LabPaths, baseDir: string, name: string): MachineSpec {
  return {
    name,
    machine: machineName({ name }),
    baseDir,
    upperDir: upperDirOf(paths, name),
    logFile: hostLogOf(paths, name),
  };
}

export interface HostUpInput {
  paths: LabPaths;
  baseDir: string;
  host: LabHostSpec;
  recordedPid: number | undefined;
  clientPublicKey: string;
  tools: { nspawn: string; sshKeygen: string };
  /** Restart even when running (the bridge was recreated under it, so its veth is detached). */
  restart: boolean;
  log: (line: string) => void;
}

/** Makes sure the host's machine is running; returns its state with sshReady still false. */
export async function startHost(i: HostUpInput): Promise<LabHostState> {
  const m = machineSpecOf(i.paths, i.baseDir, i.host.name);
  await prepareHostFiles({
    host: i.host,
    machine: m.machine,
    baseDir: i.baseDir,
    upperDir: m.upperDir,
    clientPublicKey: i.clientPublicKey,
    sshKeygen: i.tools.sshKeygen,
  });
  let pid = await findMachine(m, i.recordedPid);
  if (pid !== undefined && i.restart) {
    i.log(`${i.host.name}: restarting ${m.machine}: the lab bridge was recreated under it`);
    await stopMachine(m, pid, i.log);
    pid = undefined;
  }
  if (pid === undefined) {
    pid = await startMachine(i.tools.nspawn, m, i.log);
    i.log(`${i.host.name}: booting ${m.machine} at ${i.host.address} (PID ${pid}, console log ${m.logFile})`);
  } else {
    i.log(`${i.host.name}: already running (PID ${pid})`);
  }
  return {
    name: i.host.name,
    address: i.host.address,
    machine: m.machine,
    pid,
    upperDir: m.upperDir,
    running: true,
    sshReady: false,
  };
}

/** Waits for a started host; throws a RunError with what was seen when it does not come up. */
export async function awaitHost(
  ssh: LabSshConfig,
  h: LabHostState,
  logFile: string,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const systemState = await waitUntilReady(ssh, {
    name: h.name,
    address: h.address,
    logFile,
    alive: () => isOurs(h.pid, nspawnMatcher(h.upperDir)),
    timeoutMs: READY_TIMEOUT_MS,
  });
  log(`${h.name}: ready (${systemState}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Starts the hosts' waits together and reports every failure, not just the first. */
export async function awaitHosts(
  ssh: LabSshConfig,
  hosts: LabHostState[],
  paths: LabPaths,
  log: (line: string) => void,
): Promise<void> {
  const results = await Promise.allSettled(
    hosts.map((h) => awaitHost(ssh, h, hostLogOf(paths, h.name), log)),
  );
  const failures: unknown[] = [];
  results.forEach((r, idx) => {
    const h = hosts[idx];
    if (h === undefined) return;
    h.sshReady = r.status === 'fulfilled';
    if (r.status === 'rejected') failures.push(r.reason);
  });
  if (failures.length > 0) {
    const text = failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n\n');
    throw new RunError(`${failures.length} of ${hosts.length} lab hosts did not come up:\n\n${text}`, {
      cause: failures[0],
    });
  }
}
