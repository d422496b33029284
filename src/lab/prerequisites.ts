/**
 * The lab needs a handful of Debian packages on the machine. A fresh CI machine has none of them,
 * so as root they are installed once; otherwise the error names exactly what to install.
 */
import { constants } from 'node:fs';
import { access, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { $, type ProcessPromise } from 'zx';
import { RunError } from '../core/errors.ts';
import { exists } from './paths.ts';

/** Absolute paths of the commands the lab runs, resolved once so a PATH without sbin still works. */
export interface LabTools {
  debootstrap: string;
  nspawn: string;
  sshKeygen: string;
  ssh: string;
  aptCacherNg: string;
  ip: string;
}

/** Which Debian package provides each command. */
const PROVIDERS: Record<keyof LabTools, { command: string; pkg: string }> = {
  debootstrap: { command: 'debootstrap', pkg: 'debootstrap' },
  nspawn: { command: 'systemd-nspawn', pkg: 'systemd-container' },
  sshKeygen: { command: 'ssh-keygen', pkg: 'openssh-client' },
  ssh: { command: 'ssh', pkg: 'openssh-client' },
  aptCacherNg: { command: 'apt-cacher-ng', pkg: 'apt-cacher-ng' },
  ip: { command: 'ip', pkg: 'iproute2' },
};

// Root's PATH usually has the sbin directories, a CI runner's often does not.
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Absolute path of a command, looking in the sbin directories too; undefined when absent. */
export async function which(command: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

async function resolveTools(): Promise<{ tools: Partial<LabTools>; missing: (keyof LabTools)[] }> {
  const tools: Partial<LabTools> = {};
  const missing: (keyof LabTools)[] = [];
  for (const key of Object.keys(PROVIDERS) as (keyof LabTools)[]) {
    const found = await which(PROVIDERS[key].command);
    if (found === undefined) missing.push(key);
    else tools[key] = found;
  }
  return { tools, missing };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Makes sure the machine can run a lab and returns where each tool is. Installs missing packages
 * with apt-get when running as root; otherwise throws a RunError naming the packages.
 */
export async function ensurePrerequisites(log: (line: string) => void): Promise<LabTools> {
  if (process.platform !== 'linux') throw new RunError('the lab needs Linux (systemd-nspawn)');
  if (!isRoot()) {
    throw new RunError('the lab needs root: systemd-nspawn, bridges and debootstrap all do');
  }
  let { tools, missing } = await resolveTools();
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((k) => PROVIDERS[k].pkg))];
    const commands = missing.map((k) => PROVIDERS[k].command).join(', ');
    if ((await which('apt-get')) === undefined) {
      throw new RunError(`missing ${commands}; install the packages ${packages.join(' ')}`);
    }
    log(`lab: installing ${packages.join(' ')} (missing ${commands})`);
    await aptInstall(packages);
    ({ tools, missing } = await resolveTools());
    if (missing.length > 0) {
      const still = missing.map((k) => `${PROVIDERS[k].command} (${PROVIDERS[k].pkg})`).join(', ');
      throw new RunError(`still missing after apt-get install: ${still}`);
    }
  }
  return tools as LabTools;
}

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

async function aptInstall(packages: string[]): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt-cacher-ng's package starts a system-wide service on port 3142, which would take the port
  // the lab's own proxy needs. policy-rc.d (exit 101) is Debian's switch for "install, do not
  // start"; it is only put in place when the machine has none, and removed afterwards.
  const ownPolicy = !(await exists(POLICY_RC_D));
  if (ownPolicy) await writeFile(POLICY_RC_D, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    await run($({ env, quiet: true })`apt-get update`, 'apt-get update');
    await run(
      $({ env, quiet: true })`apt-get install -y --no-install-recommends ${packages}`,
      `apt-get install -y ${packages.join(' ')}`,
    );
  } finally {
    if (ownPolicy) await rm(POLICY_RC_D, { force: true });
  }
}

async function run(p: ProcessPromise, what: string): Promise<void> {
  const out = await p.nothrow();
  if (out.exitCode !== 0) {
    const tail = out.stderr.trim().split('\n').slice(-10).join('\n');
    throw new RunError(`${what} failed with exit code ${String(out.exitCode)}:\n${tail}`);
  }
}
