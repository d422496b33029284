/**
 * SSH identities of the lab: one client key per lab, one host key per host generated on this
 * machine before the host boots. Knowing every host key up front lets known_hosts be written
 * before boot, so even the first connection checks host keys strictly.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { $ } from 'zx';
import { RunError } from '../core/errors.ts';
import { exists, type LabPaths } from './paths.ts';

/** Path of the host's private host key inside its upper dir (as sshd sees it: /etc/ssh/...). */
export function hostKeyPath(upperDir: string): string {
  return join(upperDir, 'etc', 'ssh', 'ssh_host_ed25519_key');
}

async function keygen(sshKeygen: string, file: string, comment: string): Promise<void> {
  const out = await $({
    quiet: true,
    nothrow: true,
  })`${sshKeygen} -q -t ed25519 -N ${''} -C ${comment} -f ${file}`;
  if (out.exitCode !== 0) {
    throw new RunError(`ssh-keygen could not create ${file}: ${out.stderr.trim()}`);
  }
}

/**
 * Creates the lab's client key once; later calls keep it, so a second `lab up` changes nothing.
 * Returns the public key line.
 */
export async function ensureClientKey(sshKeygen: string, paths: LabPaths): Promise<string> {
  if (!(await exists(paths.privateKey))) {
    await keygen(sshKeygen, paths.privateKey, 'rigger-lab');
  } else if (!(await exists(paths.publicKey))) {
    const out = await $({ quiet: true })`${sshKeygen} -y -f ${paths.privateKey}`;
    await writeFile(paths.publicKey, `${out.stdout.trim()} rigger-lab\n`);
  }
  await chmod(paths.privateKey, 0o600);
  await chmod(paths.publicKey, 0o600);
  return (await readFile(paths.publicKey, 'utf8')).trim();
}

/** Generates the host's ed25519 host key in its upper dir unless it already has one. */
export async function ensureHostKey(sshKeygen: string, upperDir: string, machine: string): Promise<void> {
  const key = hostKeyPath(upperDir);
  if (await exists(key)) return;
  await keygen(sshKeygen, key, `root@${machine}`);
}

/**
 * Writes known_hosts with each host's real host key. Port 22 needs no `[address]:port` form.
 * The file is replaced only when its content changes.
 */
export async function writeKnownHosts(
  paths: LabPaths,
  hosts: readonly { address: string; upperDir: string }[],
): Promise<void> {
  const lines: string[] = [];
  for (const h of hosts) {
    const pub = (await readFile(`${hostKeyPath(h.upperDir)}.pub`, 'utf8')).trim().split(/\s+/);
    const [type, key] = pub;
    if (type === undefined || key === undefined) {
      throw new RunError(`${hostKeyPath(h.upperDir)}.pub is not a public key`);
    }
    lines.push(`${h.address} ${type} ${key}`);
  }
  const content = `${lines.join('\n')}\n`;
  const current = await readFile(paths.knownHosts, 'utf8').catch(() => undefined);
  if (current === content) return;
  const tmp = `${paths.knownHosts}.tmp`;
  await writeFile(tmp, content, { mode: 0o644 });
  await rename(tmp, paths.knownHosts);
}
