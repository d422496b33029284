/**
 * Lab hosts have no route out; their only package source is an apt-cacher-ng run by the lab on the
 * bridge address. Its cache is kept across labs, so installing the same packages again is fast
 * and does not touch the archive.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunError } from '../core/errors.ts';
import type { DebianMirror } from './debian-mirror.ts';
import { LAB_BRIDGE_ADDRESS, LAB_PROXY_PORT } from './lab-spec.ts';
import { aptCacheDir } from './paths.ts';
import { findOurs, isOurs, spawnDetached, stopProcess, type ProcessMatcher } from './processes.ts';

const CACHE = join(aptCacheDir(), 'cache');
const LOGS = join(aptCacheDir(), 'log');
const LOG_FILE = join(LOGS, 'foreground.log');

/** Recognises our apt-cacher-ng by its bind address and our own cache directory. */
export const isOurProxy: ProcessMatcher = (argv) =>
  (argv[0]?.endsWith('apt-cacher-ng') ?? false) &&
  argv.includes(`BindAddress=${LAB_BRIDGE_ADDRESS}`) &&
  argv.includes(`CacheDir=${CACHE}`);

function proxyArgs(mirror: DebianMirror): string[] {
  return [
    // The packaged config brings the Remap rules for other distributions and the support files.
    '-c',
    '/etc/apt-cacher-ng',
    'ForeGround=1',
    `BindAddress=${LAB_BRIDGE_ADDRESS}`,
    `Port=${LAB_PROXY_PORT}`,
    `CacheDir=${CACHE}`,
    `LogDir=${LOGS}`,
    // The default socket lives in /run/apt-cacher-ng, shared with a system-wide instance.
    `SocketPath=${join(aptCacheDir(), 'socket')}`,
    // apt-cacher-ng's built-in mirror list does not resolve here: send Debian requests to the
    // archive this machine's own apt uses.
    `Remap-debrep=file:deb_mirror*.gz /debian ; ${mirror.backend}`,
  ];
}

function canConnect(timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = createConnection({ host: LAB_BRIDGE_ADDRESS, port: LAB_PROXY_PORT, timeout: timeoutMs });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolveConnect(ok);
    };
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
    socket.once('timeout', () => {
      done(false);
    });
  });
}

/** The PID of our running proxy: the recorded one if still ours, else one found by command line. */
export async function findProxy(recordedPid: number | undefined): Promise<number | undefined> {
  if (recordedPid !== undefined && (await isOurs(recordedPid, isOurProxy))) return recordedPid;
  return (await findOurs(isOurProxy))[0];
}

/**
 * Starts the proxy unless ours is already running and answering; returns its PID. The bridge must
 * exist, since the proxy binds to the bridge address.
 */
export async function ensureProxy(
  tools: { aptCacherNg: string },
  mirror: DebianMirror,
  recordedPid: number | undefined,
  log: (line: string) => void,
): Promise<number> {
  const running = await findProxy(recordedPid);
  if (running !== undefined) {
    if (await waitUntilListening(running, 10_000)) return running;
    log(`lab: package proxy PID ${running} does not answer on port ${LAB_PROXY_PORT}; restarting it`);
    await stopProxy(running);
  }
  if (await canConnect()) {
    throw new RunError(
      `${LAB_BRIDGE_ADDRESS}:${LAB_PROXY_PORT} is already taken by a process the lab did not start ` +
        `(a system-wide apt-cacher-ng listens on all addresses by default; stop it)`,
    );
  }
  await mkdir(CACHE, { recursive: true });
  await mkdir(LOGS, { recursive: true });
  log(`lab: starting package proxy on ${LAB_BRIDGE_ADDRESS}:${LAB_PROXY_PORT} -> ${mirror.url}`);
  const pid = await spawnDetached(tools.aptCacherNg, proxyArgs(mirror), { logFile: LOG_FILE });
  if (!(await waitUntilListening(pid, 20_000))) {
    throw new RunError(
      `apt-cacher-ng (PID ${pid}) did not start listening on ${LAB_BRIDGE_ADDRESS}:${LAB_PROXY_PORT}; ` +
        `last lines of ${LOG_FILE}:\n${await logTail()}`,
    );
  }
  return pid;
}

async function waitUntilListening(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isOurs(pid, isOurProxy))) return false;
    if (await canConnect()) return true;
    await sleep(200);
  }
  return false;
}

/** Stops our proxy by PID (after checking its command line) and waits for it to exit. */
export async function stopProxy(pid: number): Promise<boolean> {
  return stopProcess(pid, isOurProxy, { graceMs: 10_000, what: 'apt-cacher-ng' });
}

async function logTail(): Promise<string> {
  try {
    return (await readFile(LOG_FILE, 'utf8')).trim().split('\n').slice(-10).join('\n');
  } catch {
    return '(no log)';
  }
}
