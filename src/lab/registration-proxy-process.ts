/**
 * The registration-address load balancer as a lab process: `rigger lab proxy-serve`, started
 * detached by `lab up` (so it outlives the CLI, like the package proxy), recorded by PID in the
 * lab state, found again by its command line and stopped by PID in `lab down`. It is started
 * through bin/rigger.js, which runs dist/ when that build is current and src/ through tsx
 * otherwise, so it runs the same code as the command that started it.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunError } from '../core/errors.ts';
import { projectPath } from '../core/project-root.ts';
import { LAB_REGISTRATION_ADDRESS, LAB_REGISTRATION_PORTS } from './lab-spec.ts';
import type { LabPaths } from './paths.ts';
import { findOurs, isOurs, readArgv, spawnDetached, stopProcess, type ProcessMatcher } from './processes.ts';

const RIGGER_BIN = projectPath('bin', 'rigger.js');
const LISTEN_FLAG = `--listen=${LAB_REGISTRATION_ADDRESS}`;

/** The command line after `node`: what the process runs and, in its flags, its whole configuration. */
export function registrationProxyArgs(backends: readonly string[]): string[] {
  return [
    RIGGER_BIN,
    'lab',
    'proxy-serve',
    LISTEN_FLAG,
    `--ports=${LAB_REGISTRATION_PORTS.join(',')}`,
    `--backends=${backends.join(',')}`,
  ];
}

/** Ours: this checkout's rigger running `lab proxy-serve` on the lab's registration address. */
export const isOurRegistrationProxy: ProcessMatcher = (argv) =>
  argv[1] === RIGGER_BIN && argv[2] === 'lab' && argv[3] === 'proxy-serve' && argv.includes(LISTEN_FLAG);

export async function findRegistrationProxy(recordedPid: number | undefined): Promise<number | undefined> {
  if (recordedPid !== undefined && (await isOurs(recordedPid, isOurRegistrationProxy))) return recordedPid;
  return (await findOurs(isOurRegistrationProxy))[0];
}

/**
 * Starts the load balancer unless ours already runs with these backends and listens; returns its
 * PID. The registration address must already be on the bridge.
 */
export async function ensureRegistrationProxy(
  paths: LabPaths,
  backends: readonly string[],
  recordedPid: number | undefined,
  log: (line: string) => void,
): Promise<number> {
  const wanted = registrationProxyArgs(backends);
  const running = await findRegistrationProxy(recordedPid);
  if (running !== undefined) {
    const argv = await readArgv(running);
    const same = argv !== undefined && argv.slice(1).join('\0') === wanted.join('\0');
    if (same && (await allListening())) return running;
    log(
      `lab: restarting the registration load balancer (PID ${running}): ` +
        (same ? 'it does not listen on every port' : 'the lab hosts changed'),
    );
    await stopRegistrationProxy(running);
  }
  const taken = await listeningPorts();
  if (taken.length > 0) {
    throw new RunError(
      `${LAB_REGISTRATION_ADDRESS}:${taken.join(',')} is already taken by a process the lab did not start`,
    );
  }
  log(
    `lab: starting the registration load balancer on ${LAB_REGISTRATION_ADDRESS}:` +
      `${LAB_REGISTRATION_PORTS.join(',')} -> every lab host (log ${paths.registrationProxyLog})`,
  );
  const pid = await spawnDetached(process.execPath, wanted, { logFile: paths.registrationProxyLog });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!(await isOurs(pid, isOurRegistrationProxy))) break;
    if (await allListening()) return pid;
    await sleep(200);
  }
  await stopRegistrationProxy(pid).catch(() => false);
  throw new RunError(
    `the registration load balancer (PID ${pid}) did not start listening on ` +
      `${LAB_REGISTRATION_ADDRESS}:${LAB_REGISTRATION_PORTS.join(',')}; last lines of ` +
      `${paths.registrationProxyLog}:\n${await logTail(paths.registrationProxyLog)}`,
  );
}

export async function stopRegistrationProxy(pid: number): Promise<boolean> {
  return stopProcess(pid, isOurRegistrationProxy, { graceMs: 5000, what: 'registration load balancer' });
}

async function allListening(): Promise<boolean> {
  return (await listeningPorts()).length === LAB_REGISTRATION_PORTS.length;
}

/**
 * Which registration ports have a listening socket on the registration address, from
 * /proc/net/tcp. Not a test connection: the balancer would pass that on to a real RKE2 server.
 */
async function listeningPorts(): Promise<number[]> {
  const table = await readFile('/proc/net/tcp', 'utf8').catch(() => '');
  const listening = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    // 0A is TCP_LISTEN.
    if (local !== undefined && state === '0A') listening.add(local);
  }
  return LAB_REGISTRATION_PORTS.filter((port) =>
    listening.has(procNetAddress(LAB_REGISTRATION_ADDRESS, port)),
  );
}

/** `address:port` as /proc/net/tcp writes it: the IPv4 address as a little-endian hex word. */
export function procNetAddress(address: string, port: number): string {
  const hexAddress = address
    .split('.')
    .reverse()
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join('');
  return `${hexAddress}:${port.toString(16).padStart(4, '0')}`.toUpperCase();
}

async function logTail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-10).join('\n');
  } catch {
    return '(no log)';
  }
}
