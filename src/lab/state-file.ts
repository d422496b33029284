/**
 * state.json: what `lab up` started, read back by every other lab command. It holds the public
 * {@link LabState} fields plus what only the lab itself needs (which base image the hosts boot from).
 * Written atomically, so a crash never leaves a truncated file.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import {
  LAB_REGISTRATION_ADDRESS,
  LAB_REGISTRATION_PORTS,
  type LabHostState,
  type LabState,
} from './lab-spec.ts';
import type { LabPaths } from './paths.ts';

export interface StoredLabState extends LabState {
  /** Base image the hosts were started from; hosts restart from the same one even if the recipe changed. */
  baseDir: string;
}

const FORMAT = 1;

export async function readStoredState(paths: LabPaths): Promise<StoredLabState | undefined> {
  let text: string;
  try {
    text = await readFile(paths.stateFile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<StoredLabState> & { format?: number };
    // An unreadable or older file is treated as no state: `lab up` then finds running hosts by
    // their upper dirs and rewrites it.
    if (parsed.format !== FORMAT || !Array.isArray(parsed.hosts) || typeof parsed.baseDir !== 'string') {
      return undefined;
    }
    return withDefaults(parsed as OlderState);
  } catch {
    return undefined;
  }
}

/** A host entry or state as an older format-1 file may have it, without the later fields. */
type OlderState = Omit<
  StoredLabState,
  'registrationAddress' | 'registrationPorts' | 'registrationProxyPid' | 'hosts'
> &
  Partial<Pick<StoredLabState, 'registrationAddress' | 'registrationPorts' | 'registrationProxyPid'>> & {
    hosts: (Omit<LabHostState, 'variant'> & Partial<Pick<LabHostState, 'variant'>>)[];
  };

/**
 * Fields added after format 1 was first written, filled in for a file from before them: hosts
 * were all Debian and there was no registration load balancer.
 */
function withDefaults(s: OlderState): StoredLabState {
  return {
    ...s,
    registrationAddress: s.registrationAddress ?? LAB_REGISTRATION_ADDRESS,
    registrationPorts: s.registrationPorts ?? [...LAB_REGISTRATION_PORTS],
    registrationProxyPid: s.registrationProxyPid ?? 0,
    hosts: s.hosts.map((h) => ({ ...h, variant: h.variant ?? 'debian' })),
  };
}

export async function writeStoredState(paths: LabPaths, state: StoredLabState): Promise<void> {
  const tmp = `${paths.stateFile}.tmp`;
  // LabState's fields at the top level, so other tools can read the file as a LabState.
  await writeFile(tmp, `${JSON.stringify({ ...state, format: FORMAT }, null, 2)}\n`);
  await rename(tmp, paths.stateFile);
}

export async function removeStoredState(paths: LabPaths): Promise<void> {
  await rm(paths.stateFile, { force: true });
  await rm(`${paths.stateFile}.tmp`, { force: true });
}

/** The public view: what callers get from labUp and labStatus. */
export function publicState(s: StoredLabState): LabState {
  return {
    bridge: s.bridge,
    bridgeAddress: s.bridgeAddress,
    subnet: s.subnet,
    proxyPid: s.proxyPid,
    proxyUrl: s.proxyUrl,
    registrationAddress: s.registrationAddress,
    registrationPorts: [...s.registrationPorts],
    registrationProxyPid: s.registrationProxyPid,
    privateKeyPath: s.privateKeyPath,
    knownHostsPath: s.knownHostsPath,
    user: s.user,
    hosts: s.hosts.map((h) => ({ ...h })),
  };
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Read-modify-write of state.json, one at a time per file within this process, so that stopping
 * and starting hosts concurrently (as tests may) never loses an update. `change` must be quick:
 * it runs while other updates wait. Returning undefined leaves the file as it is.
 */
export async function updateStoredState(
  paths: LabPaths,
  change: (state: StoredLabState | undefined) => StoredLabState | undefined,
): Promise<StoredLabState | undefined> {
  const previous = queues.get(paths.stateFile) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const state = change(await readStoredState(paths));
      if (state !== undefined) await writeStoredState(paths, state);
      return state;
    });
  queues.set(paths.stateFile, next);
  return next;
}
