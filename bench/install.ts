/**
 * The benchmarks install what they compare against and measure with, as `.ci/run` installs the
 * Debian packages the tests use: a fresh machine of this kind runs them without a setup step.
 */
import { $ } from 'zx';

/** A command a benchmark runs, and the Debian package that provides it. */
export interface Needed {
  command: string;
  debianPackage: string;
}

/** Ansible as `bench/node-prep.ansible.yml` needs it: only ansible-core's builtin modules. */
export const ANSIBLE: Needed = { command: 'ansible-playbook', debianPackage: 'ansible-core' };
/** GNU time, for a child's CPU time and peak RSS (`/usr/bin/time -f`). */
export const GNU_TIME: Needed = { command: '/usr/bin/time', debianPackage: 'time' };

async function present(command: string): Promise<boolean> {
  return (await $({ nothrow: true, quiet: true })`command -v ${command}`).exitCode === 0;
}

/**
 * Installs the packages of the commands that are missing (`apt-get`, as root) and checks that
 * each command is there afterwards; says on stderr what it installs.
 */
export async function ensureInstalled(needed: readonly Needed[]): Promise<void> {
  const missing: Needed[] = [];
  for (const n of needed) if (!(await present(n.command))) missing.push(n);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((n) => n.debianPackage))];
  process.stderr.write(
    `installing ${packages.join(', ')} (for ${missing.map((n) => n.command).join(', ')})\n`,
  );
  const apt = $({ env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, quiet: true });
  await apt`apt-get update -q`;
  await apt`apt-get install -y -q --no-install-recommends ${packages}`;
  for (const n of missing)
    if (!(await present(n.command)))
      throw new Error(`${n.command} is still missing after installing ${n.debianPackage}`);
}
