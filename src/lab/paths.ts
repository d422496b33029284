/**
 * Where the lab keeps things. Per-lab files live under the caller's stateDir; what is expensive
 * to rebuild and the same for every clone (base images, the apt cache) lives under the user cache.
 */
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectPath } from '../core/project-root.ts';

/** The project's own lab: its state (keys, known_hosts, token, upper dirs) and its inventory. */
export const LAB_STATE_DIR = projectPath('.rigger', 'lab');
export const LAB_INVENTORY = projectPath('inventory', 'lab.yaml');
/**
 * The RKE2 stand-in's air-gap artifacts that `lab up` builds (test/rke2-stand-in/build.sh) and
 * inventory/lab.yaml installs from: `rke2-artifacts` in the project's lab state dir.
 */
export const LAB_RKE2_ARTIFACTS = join(LAB_STATE_DIR, 'rke2-artifacts');
/** The lab cluster's admin kubeconfig, written by `lab up --provision` (mode 0600). */
export const LAB_KUBECONFIG = join(LAB_STATE_DIR, 'kubeconfig');
/** The script that builds them; `lab up` skips the step when a checkout has no test/ tree. */
export const LAB_RKE2_BUILD_SCRIPT = projectPath('test', 'rke2-stand-in', 'build.sh');

/** Files of one lab, all under its stateDir. */
export interface LabPaths {
  stateDir: string;
  stateFile: string;
  privateKey: string;
  publicKey: string;
  knownHosts: string;
  hostsDir: string;
  logsDir: string;
  /** The RKE2 stand-in's air-gap artifacts (kept by `lab down`, like the logs). */
  rke2Artifacts: string;
  /** Output of the detached registration-address load balancer. */
  registrationProxyLog: string;
}

export function labPaths(stateDir: string): LabPaths {
  const dir = resolve(stateDir);
  return {
    stateDir: dir,
    stateFile: join(dir, 'state.json'),
    privateKey: join(dir, 'id_ed25519'),
    publicKey: join(dir, 'id_ed25519.pub'),
    knownHosts: join(dir, 'known_hosts'),
    hostsDir: join(dir, 'hosts'),
    logsDir: join(dir, 'logs'),
    rke2Artifacts: join(dir, 'rke2-artifacts'),
    registrationProxyLog: join(dir, 'logs', 'registration-proxy.log'),
  };
}

/** The host's overlay upper directory: its whole writable layer over the base image. */
export function upperDirOf(paths: LabPaths, host: string): string {
  return join(paths.hostsDir, host, 'upper');
}

/** The directory holding a host's upper dir; nspawn puts its overlay work dir beside the upper. */
export function hostDirOf(paths: LabPaths, host: string): string {
  return join(paths.hostsDir, host);
}

/**
 * What a host's disk was made for (variant and base image), beside its upper dir: a host whose
 * record differs from what `lab up` wants is recreated rather than booted over the wrong base.
 */
export function hostRecordOf(paths: LabPaths, host: string): string {
  return join(paths.hostsDir, host, 'made-for.json');
}

/**
 * The read-only layer a Flatcar-like host gets over the base's /usr: whiteouts for apt and dpkg
 * and Flatcar's os-release.
 */
export function usrLayerOf(paths: LabPaths, host: string): string {
  return join(paths.hostsDir, host, 'usr-layer');
}

export function hostLogOf(paths: LabPaths, host: string): string {
  return join(paths.logsDir, `${host}.log`);
}

/** `~/.cache/rigger/lab`, honouring XDG_CACHE_HOME like other tools on the machine. */
export function labCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache');
  return join(base, 'rigger', 'lab');
}

/** apt-cacher-ng's cache and logs, kept across labs so a second lab installs packages offline-fast. */
export function aptCacheDir(): string {
  return join(labCacheDir(), 'apt-cache');
}

/** Whether a path exists (any kind of file). */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
