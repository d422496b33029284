/**
 * One host's part of `lab up` and `startLabHost`: recreate its disk if it was made for another
 * variant or base image, prepare its upper dir, adopt its running machine or boot a new one, then
 * wait until it answers SSH. Shared by the whole-lab and single-host paths so both repair a host
 * the same way.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { RunError } from '../core/errors.ts';
import { prepareHostFiles, usrLayerFor } from './host-files.ts';
import { machineName, type LabHostSpec, type LabHostState, type LabHostVariant } from './lab-spec.ts';
import { findMachine, nspawnMatcher, startMachine, stopMachine, type MachineSpec } from './machine.ts';
import { removeTree } from './mounts.ts';
import {
  exists,
  hostDirOf,
  hostLogOf,
  hostRecordOf,
  upperDirOf,
  usrLayerOf,
  type LabPaths,
} from './paths.ts';
import { isOurs } from './processes.ts';
import { waitUntilReady, type LabSshConfig } from './readiness.ts';

/** Boot timeout per host. Six hosts boot at once on two cores; one alone takes about 10 s. */
export const READY_TIMEOUT_MS = 180_000;

/**
 * The machine of a host. With a variant it is complete for booting; without, it is enough to find
 * and stop the host's machine (which is found by its upper dir).
 */
export function machineSpecOf(
  paths: LabPaths,
  baseDir: string,
  name: string,
  variant?: LabHostVariant,
): MachineSpec {
  const usrLayer = variant === undefined ? undefined : usrLayerFor(variant, usrLayerOf(paths, name));
  return {
    name,
    machine: machineName({ name }),
    baseDir,
    upperDir: upperDirOf(paths, name),
    ...(usrLayer === undefined ? {} : { usrLayer }),
    logFile: hostLogOf(paths, name),
  };
}

/** What a host's disk (upper dir) was made for; recorded beside it in made-for.json. */
export interface HostRecord {
  variant: LabHostVariant;
  /** The base image under the upper dir: an upper dir only makes sense over its own base. */
  baseDir: string;
}

export async function readHostRecord(paths: LabPaths, name: string): Promise<HostRecord | undefined> {
  try {
    const r = JSON.parse(await readFile(hostRecordOf(paths, name), 'utf8')) as Partial<HostRecord>;
    if (typeof r.variant === 'string' && typeof r.baseDir === 'string') {
      return { variant: r.variant, baseDir: r.baseDir };
    }
  } catch {
    // none, or unreadable: treated as a host from before records
  }
  return undefined;
}

async function writeHostRecord(paths: LabPaths, name: string, record: HostRecord): Promise<void> {
  await writeFile(hostRecordOf(paths, name), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Why a host's disk cannot be used as it is, or undefined when it can. A disk must be recreated
 * when it was made for another variant or over another base image: an overlay upper dir over a
 * different lower one would mix two systems (dpkg's database from one, files from the other).
 */
export function recreateReason(made: HostRecord, wanted: HostRecord): string | undefined {
  if (made.variant !== wanted.variant) {
    return `it was made as ${made.variant} and the lab now wants ${wanted.variant}`;
  }
  if (made.baseDir !== wanted.baseDir) {
    return `its disk is over the base image ${made.baseDir} and the lab now boots ${wanted.baseDir} (the base recipe changed)`;
  }
  return undefined;
}

export interface HostUpInput {
  paths: LabPaths;
  baseDir: string;
  /**
   * The base the lab ran on before, for a host's disk from before made-for records existed:
   * such a disk was made over that base as a Debian host.
   */
  previousBaseDir: string | undefined;
  host: LabHostSpec;
  recordedPid: number | undefined;
  clientPublicKey: string;
  tools: { nspawn: string; sshKeygen: string };
  /** Restart even when running (the bridge was recreated under it, so its veth is detached). */
  restart: boolean;
  log: (line: string) => void;
}

/**
 * Makes sure the host's machine is running; returns its state with sshReady still false. A host
 * whose disk was made for another variant or base is stopped and recreated from scratch.
 */
export async function startHost(i: HostUpInput): Promise<LabHostState> {
  const name = i.host.name;
  const m = machineSpecOf(i.paths, i.baseDir, name, i.host.variant);
  const wanted: HostRecord = { variant: i.host.variant, baseDir: i.baseDir };
  const made =
    (await readHostRecord(i.paths, name)) ??
    ((await exists(m.upperDir))
      ? { variant: 'debian' as const, baseDir: i.previousBaseDir ?? i.baseDir }
      : undefined);
  const reason = made === undefined ? undefined : recreateReason(made, wanted);
  if (reason !== undefined) {
    i.log(`${name}: recreating ${m.machine} from scratch (new disk and host key): ${reason}`);
    await stopMachine(m, i.recordedPid, i.log);
    await removeTree(hostDirOf(i.paths, name));
  }
  await prepareHostFiles({
    host: i.host,
    machine: m.machine,
    baseDir: i.baseDir,
    upperDir: m.upperDir,
    usrLayer: usrLayerOf(i.paths, name),
    clientPublicKey: i.clientPublicKey,
    sshKeygen: i.tools.sshKeygen,
  });
  await writeHostRecord(i.paths, name, wanted);
  let pid = reason === undefined ? await findMachine(m, i.recordedPid) : undefined;
  if (pid !== undefined && i.restart) {
    i.log(`${name}: restarting ${m.machine}: the lab bridge was recreated under it`);
    await stopMachine(m, pid, i.log);
    pid = undefined;
  }
  if (pid === undefined) {
    pid = await startMachine(i.tools.nspawn, m, i.log);
    i.log(
      `${name}: booting ${m.machine} (${i.host.variant}) at ${i.host.address} (PID ${pid}, console log ${m.logFile})`,
    );
  } else {
    i.log(`${name}: already running (PID ${pid})`);
  }
  return {
    name,
    address: i.host.address,
    variant: i.host.variant,
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
