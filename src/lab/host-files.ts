/**
 * What makes one lab host itself: the files placed in its overlay upper dir before it boots.
 * Only files that are missing are written, so a host keeps its identity (host key, machine-id)
 * and whatever rigger changed on it across restarts and repeated `lab up`.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, chown, lstat, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { $ } from 'zx';
import { ensureHostKey } from './keys.ts';
import { LAB_PREFIX_LENGTH, LAB_USER, type LabHostSpec } from './lab-spec.ts';

export interface HostFilesInput {
  host: LabHostSpec;
  machine: string;
  baseDir: string;
  upperDir: string;
  /** Where a Flatcar-like host's read-only /usr layer goes (MachineSpec.usrLayer). */
  usrLayer: string;
  clientPublicKey: string;
  sshKeygen: string;
}

/**
 * How each variant prepares its upper dir. A new variant in LabHostSpec fails to compile until it
 * has an entry here: the one place a variant plugs in.
 */
const PREPARE: Record<LabHostSpec['variant'], (input: HostFilesInput) => Promise<void>> = {
  debian: prepareDebianHost,
  flatcar: prepareFlatcarHost,
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

/** What Flatcar's /usr/lib/os-release says (no ID_LIKE, so nothing takes it for Debian). */
export const FLATCAR_OS_RELEASE = [
  'NAME="Flatcar Container Linux by Kinvolk"',
  'ID=flatcar',
  'VERSION=4230.2.0',
  'VERSION_ID=4230.2.0',
  'BUILD_ID=2025-07-01-2123',
  'SYSEXT_LEVEL=1.0',
  'PRETTY_NAME="Flatcar Container Linux by Kinvolk 4230.2.0 (Oklo)"',
  'ANSI_COLOR="38;5;75"',
  'HOME_URL="https://flatcar.org/"',
  'BUG_REPORT_URL="https://issues.flatcar.org"',
  'FLATCAR_BOARD="amd64-usr"',
  'CPE_NAME="cpe:2.3:o:flatcar-linux:flatcar_linux:4230.2.0:*:*:*:*:*:*:*"',
  '',
].join('\n');

/** apt's and dpkg's state and configuration outside /usr, hidden on a Flatcar-like host. */
const FLATCAR_HIDDEN = [
  'etc/apt',
  'etc/dpkg',
  'etc/debian_version',
  'var/lib/apt',
  'var/lib/dpkg',
  'var/cache/apt',
  'var/log/apt',
];

/** Programs in the base's /usr/bin and /usr/sbin that a Flatcar-like host must not have. */
const PACKAGE_TOOL = /^(apt|dpkg)(-|$)/;

/**
 * Debian's files plus what makes the host Flatcar-like. /usr becomes a read-only overlay of the
 * base's /usr under a layer of this host's (nspawn mounts it, see machine.ts): whiteouts hide apt
 * and dpkg, and Flatcar's os-release replaces Debian's (/etc/os-release links to it, as on
 * Flatcar). Outside /usr, whiteouts in the upper dir hide apt's and dpkg's state. /opt stays
 * writable, which is where RKE2's tar install goes on Flatcar.
 */
async function prepareFlatcarHost(input: HostFilesInput): Promise<void> {
  await prepareDebianHost(input);
  const { baseDir, upperDir, usrLayer } = input;
  for (const rel of FLATCAR_HIDDEN) {
    if ((await lstat(join(baseDir, rel)).catch(() => undefined)) === undefined) continue;
    await mkdirLikeBase(baseDir, upperDir, dirname(rel));
    await whiteout(join(upperDir, rel));
  }

  const baseUsr = join(baseDir, 'usr');
  // The layer's root is the host's /usr: its mode is what the host sees there.
  await mkdir(usrLayer, { recursive: true, mode: 0o755 });
  await chmod(usrLayer, 0o755);
  for (const dir of ['bin', 'sbin']) {
    const tools = (await readdir(join(baseUsr, dir))).filter((n) => PACKAGE_TOOL.test(n));
    if (tools.length > 0) await mkdirLikeBase(baseUsr, usrLayer, dir);
    for (const name of tools) await whiteout(join(usrLayer, dir, name));
  }
  for (const rel of ['lib/apt', 'lib/dpkg']) {
    if ((await lstat(join(baseUsr, rel)).catch(() => undefined)) === undefined) continue;
    await mkdirLikeBase(baseUsr, usrLayer, 'lib');
    await whiteout(join(usrLayer, rel));
  }
  await mkdirLikeBase(baseUsr, usrLayer, 'lib');
  await writeIfMissing(join(usrLayer, 'lib/os-release'), FLATCAR_OS_RELEASE, 0o644);
}

/** An overlayfs whiteout (a 0:0 character device): the file below it does not exist in the overlay. */
async function whiteout(path: string): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing?.isCharacterDevice() === true && existing.rdev === 0) return;
  if (existing !== undefined) await $({ quiet: true })`rm -rf --one-file-system -- ${path}`;
  await $({ quiet: true })`mknod ${path} c 0 0`;
}

/** The read-only /usr layer a variant boots with (MachineSpec.usrLayer), if any. */
export function usrLayerFor(variant: LabHostSpec['variant'], usrLayer: string): string | undefined {
  return variant === 'flatcar' ? usrLayer : undefined;
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
