/**
 * What makes one lab host itself: the files placed in its overlay upper dir before it boots.
 * Only files that are missing are written, so a host keeps its identity (host key, machine-id)
 * and whatever rigger changed on it across restarts and repeated `lab up`.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureHostKey } from './keys.ts';
import { LAB_PREFIX_LENGTH, LAB_USER, type LabHostSpec } from './lab-spec.ts';

export interface HostFilesInput {
  host: LabHostSpec;
  machine: string;
  baseDir: string;
  upperDir: string;
  clientPublicKey: string;
  sshKeygen: string;
}

/**
 * How each variant prepares its upper dir. A new variant in LabHostSpec fails to compile until it
 * has an entry here: the one place a variant plugs in.
 */
const PREPARE: Record<LabHostSpec['variant'], (input: HostFilesInput) => Promise<void>> = {
  debian: prepareDebianHost,
};

/** Writes the host's own files into its upper dir before it boots; keeps what is already there. */
export async function prepareHostFiles(input: HostFilesInput): Promise<void> {
  await PREPARE[input.host.variant](input);
}

async function prepareDebianHost(input: HostFilesInput): Promise<void> {
  const { baseDir, upperDir, host } = input;
  // The upper dir is the host's `/`: its mode is what the host sees on its root directory.
  await mkdir(upperDir, { recursive: true, mode: 0o755 });
  await chmod(upperDir, 0o755);

  await mkdirLikeBase(baseDir, upperDir, 'etc/ssh');
  await ensureHostKey(input.sshKeygen, upperDir, input.machine);

  // Each host needs its own machine-id: systemd, journald and Kubernetes all key on it.
  await writeIfMissing(join(upperDir, 'etc/machine-id'), `${randomBytes(16).toString('hex')}\n`, 0o444);

  await mkdirLikeBase(baseDir, upperDir, 'etc/systemd/network');
  await writeIfMissing(join(upperDir, 'etc/systemd/network/10-lab.network'), networkFile(host), 0o644);

  await authorize(baseDir, upperDir, 'root', input.clientPublicKey);
  await authorize(baseDir, upperDir, `home/${LAB_USER}`, input.clientPublicKey);
}

/** Static address on nspawn's host0 veth; no gateway, no IPv6, nothing that leaves the subnet. */
function networkFile(host: LabHostSpec): string {
  return [
    '[Match]',
    'Name=host0',
    '',
    '[Network]',
    `Address=${host.address}/${LAB_PREFIX_LENGTH}`,
    'LinkLocalAddressing=no',
    'IPv6AcceptRA=no',
    'LLMNR=no',
    'MulticastDNS=no',
    '',
  ].join('\n');
}

/** Adds the lab key to `<home>/.ssh/authorized_keys` with the owner and modes sshd insists on. */
async function authorize(baseDir: string, upperDir: string, home: string, publicKey: string): Promise<void> {
  const owner = await stat(join(baseDir, home));
  await mkdirLikeBase(baseDir, upperDir, home);
  const sshDir = join(upperDir, home, '.ssh');
  await mkdir(sshDir, { recursive: true, mode: 0o700 });
  await chown(sshDir, owner.uid, owner.gid);
  const file = join(sshDir, 'authorized_keys');
  const current = await readFile(file, 'utf8').catch(() => '');
  if (!current.split('\n').some((l) => l.trim() === publicKey)) {
    await appendFile(file, `${current === '' || current.endsWith('\n') ? '' : '\n'}${publicKey}\n`);
  }
  await chmod(file, 0o600);
  await chown(file, owner.uid, owner.gid);
}

/**
 * Creates `rel` in the upper dir, copying mode and owner of each level from the base. In an
 * overlay the upper copy of a directory decides its attributes, so a plain mkdir would silently
 * turn /root world-readable or /home/rigger root-owned, and sshd would refuse the keys.
 */
async function mkdirLikeBase(baseDir: string, upperDir: string, rel: string): Promise<void> {
  let current = '';
  for (const part of rel.split('/')) {
    current = current === '' ? part : `${current}/${part}`;
    const target = join(upperDir, current);
    const existing = await stat(target).catch(() => undefined);
    if (existing) continue;
    const model = await stat(join(baseDir, current)).catch(() => undefined);
    await mkdir(target);
    await chmod(target, model ? model.mode & 0o7777 : 0o755);
    if (model) await chown(target, model.uid, model.gid);
  }
}

async function writeIfMissing(path: string, content: string, mode: number): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing && existing.size > 0) return;
  await writeFile(path, content);
  await chmod(path, mode);
}
