/**
 * The Debian root every lab host boots from, read-only under each host's overlay. Building it
 * takes a minute or two, so it is cached per user and named by a hash of its recipe: change the
 * recipe and a new base is built beside the old one, and the next `lab up` recreates every host
 * over it (an upper dir only fits the base it was made over; see lab-host.ts). It is built in a
 * temp dir and renamed into place, so an interrupted build never leaves a half base that looks
 * finished.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { $ } from 'zx';
import { RunError } from '../core/errors.ts';
import type { DebianMirror } from './debian-mirror.ts';
import { LAB_PROXY_URL, LAB_USER } from './lab-spec.ts';
import { removeTree } from './mounts.ts';
import { labCacheDir } from './paths.ts';
import { readArgv } from './processes.ts';

const SUITE = 'bookworm';
const INCLUDE = [
  'openssh-server',
  'systemd',
  'systemd-sysv',
  'dbus',
  'iproute2',
  'sudo',
  // Ansible runs against the lab in the performance benchmark.
  'python3',
  // Lab only: the RKE2 stand-in's deploy controller reads server/manifests YAML with it (real
  // RKE2 is Go and needs nothing on the host).
  'python3-yaml',
  'ca-certificates',
  // Flatcar ships curl and has no package manager: the Flatcar-like host gets it from the base.
  'curl',
  'procps',
  'kmod',
];

/** Files written into the base after debootstrap; part of the recipe hash. */
const FILES: Record<string, { content: string; mode: number }> = {
  // The mirror the hosts see; the package proxy maps it to whatever archive this machine reaches.
  'etc/apt/sources.list': { content: `deb http://deb.debian.org/debian ${SUITE} main\n`, mode: 0o644 },
  'etc/apt/apt.conf.d/01proxy': { content: `Acquire::http::Proxy "${LAB_PROXY_URL}";\n`, mode: 0o644 },
  'etc/hosts': {
    content: '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n',
    mode: 0o644,
  },
  'etc/ssh/sshd_config.d/10-rigger-lab.conf': {
    content: [
      '# Lab hosts: keys only. Each host has its own ed25519 host key in its upper dir.',
      'HostKey /etc/ssh/ssh_host_ed25519_key',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      '',
    ].join('\n'),
    mode: 0o644,
  },
  [`etc/sudoers.d/${LAB_USER}`]: { content: `${LAB_USER} ALL=(ALL:ALL) NOPASSWD: ALL\n`, mode: 0o440 },
  // nspawn mounts /proc/sys read-only (except net.*); Kubernetes nodes need to set sysctls.
  'etc/systemd/system/rigger-proc-sys-rw.service': {
    content: [
      '[Unit]',
      'Description=Make /proc/sys writable (rigger lab host)',
      'DefaultDependencies=no',
      'Before=systemd-sysctl.service sysinit.target',
      'ConditionVirtualization=container',
      '',
      '[Service]',
      'Type=oneshot',
      'RemainAfterExit=yes',
      'ExecStart=/bin/mount -o remount,rw /proc/sys',
      '',
      '[Install]',
      'WantedBy=sysinit.target',
      '',
    ].join('\n'),
    mode: 0o644,
  },
};

/**
 * Runs inside the new root with chroot. No /etc/hostname (the nspawn machine name is the hostname
 * until rigger sets the inventory one), no host keys and an empty machine-id (each host brings its
 * own in its upper dir), and no apt timers, which would take the dpkg lock in the middle of a test.
 */
const CUSTOMIZE = `set -eu
rm -f /etc/hostname /etc/ssh/ssh_host_*
: > /etc/machine-id
ln -sf /etc/machine-id /var/lib/dbus/machine-id
systemctl enable systemd-networkd.service rigger-proc-sys-rw.service
systemctl mask apt-daily.timer apt-daily-upgrade.timer
useradd --create-home --shell /bin/bash ${LAB_USER}
usermod -p '*' ${LAB_USER}
apt-get clean
`;

const RECIPE = JSON.stringify({
  suite: SUITE,
  variant: 'minbase',
  include: INCLUDE,
  files: FILES,
  customize: CUSTOMIZE,
});

/** Short hash naming the base directory; any change to the recipe yields a new base. */
export const BASE_RECIPE_HASH = createHash('sha256').update(RECIPE).digest('hex').slice(0, 12);

/** Where the finished base for the current recipe lives (it may not exist yet). */
export function baseImageDir(): string {
  return join(labCacheDir(), `base-${BASE_RECIPE_HASH}`);
}

const MARKER = 'etc/rigger-lab-base';

/** Returns the base image directory, building it first when the cache does not have it. */
export async function ensureBaseImage(
  tools: { debootstrap: string },
  mirror: DebianMirror,
  log: (line: string) => void,
): Promise<string> {
  const final = baseImageDir();
  if (await isBaseImage(final)) return final;
  await mkdir(dirname(final), { recursive: true });
  await removeStaleBuilds();
  const tmp = join(dirname(final), `.build-base-${BASE_RECIPE_HASH}-${process.pid}`);
  const started = Date.now();
  log(`lab: building base image ${final} from ${mirror.url} (debootstrap, 1-2 minutes)`);
  try {
    const out = await $({
      quiet: true,
      nothrow: true,
    })`${tools.debootstrap} --variant=minbase --include=${INCLUDE.join(',')} ${SUITE} ${tmp} ${mirror.url}`;
    if (out.exitCode !== 0) {
      throw new RunError(
        `debootstrap failed with exit code ${String(out.exitCode)}:\n${tail(out.stdout + out.stderr, 15)}`,
      );
    }
    await customize(tmp);
    await writeFile(join(tmp, MARKER), `${BASE_RECIPE_HASH}\n`);
    await rename(tmp, final).catch(async (err: unknown) => {
      // Another build finished first: theirs is as good as ours.
      if (await isBaseImage(final)) return;
      throw err;
    });
  } finally {
    await removeTree(tmp);
  }
  log(`lab: base image ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return final;
}

async function customize(root: string): Promise<void> {
  for (const [path, file] of Object.entries(FILES)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
    await chmod(target, file.mode);
  }
  const out = await $({ quiet: true, nothrow: true })`chroot ${root} /bin/sh -c ${CUSTOMIZE}`;
  if (out.exitCode !== 0) {
    throw new RunError(`customizing the base image failed:\n${tail(out.stdout + out.stderr, 15)}`);
  }
}

/**
 * Whether dir is a finished base image: its marker, written last, names the recipe hash that is
 * also in the directory's name. Bases of older recipes count, so a running lab keeps its own.
 */
export async function isBaseImage(dir: string): Promise<boolean> {
  const hash = /base-([0-9a-f]+)$/.exec(dir)?.[1];
  if (hash === undefined) return false;
  try {
    return (await readFile(join(dir, MARKER), 'utf8')).trim() === hash;
  } catch {
    return false;
  }
}

/** Leftovers of builds whose process is gone (killed mid-debootstrap, machine rebooted). */
async function removeStaleBuilds(): Promise<void> {
  const dir = labCacheDir();
  for (const name of await readdir(dir)) {
    const m = /^\.build-base-[0-9a-f]+-(\d+)$/.exec(name);
    if (m?.[1] === undefined) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && (await readArgv(pid)) !== undefined) continue;
    await removeTree(join(dir, name));
  }
}

function tail(text: string, lines: number): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
