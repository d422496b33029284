/**
 * The lab against the real machine: nspawn hosts on the rgr0 bridge (worker-2 Flatcar-like), the
 * package proxy, the registration-address load balancer, SSH with strict host key checking. Needs
 * root. Brings one lab up in /work/main/.rigger/lab (or wherever this checkout is) from scratch and
 * leaves it down at the end. flatcar-and-registration.test.ts covers the same parts without taking
 * the lab down.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import {
  DEFAULT_LAB_HOSTS,
  labDown,
  labStatus,
  labUp,
  startLabHost,
  stopLabHost,
  type LabHostState,
  type LabOptions,
  type LabState,
} from '../../src/lab/lab.ts';
import { labCacheDir } from '../../src/lab/paths.ts';

const stateDir = resolve(import.meta.dirname, '../../.rigger/lab');
const opts: LabOptions = {
  stateDir,
  log: (line) => {
    console.log(line);
  },
};

/** ssh as the tests (and rigger) will use it: lab key, lab known_hosts, strict, never prompting. */
function ssh(
  state: LabState,
  user: string,
  address: string,
  command: string,
  knownHosts = state.knownHostsPath,
) {
  return $({ quiet: true, nothrow: true, timeout: '180s' })`ssh -F none -i ${state.privateKeyPath} \
    -o IdentitiesOnly=yes -o UserKnownHostsFile=${knownHosts} -o GlobalKnownHostsFile=/dev/null \
    -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=5 ${`${user}@${address}`} ${command}`;
}

function host(state: LabState, name: string): LabHostState {
  const h = state.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no host ${name} in lab state`);
  return h;
}

function isNspawnOrProxy(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return argv.includes('systemd-nspawn') || argv.includes('apt-cacher-ng') || argv.includes('proxy-serve');
  } catch {
    return false;
  }
}

/** PID 1s of PID namespaces whose root is an overlay on one of this lab's upper dirs. */
function machineInits(): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((pid) => {
      try {
        const nspid = /^NSpid:\s+(.+)$/m
          .exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
          ?.trim()
          .split(/\s+/);
        return (
          nspid !== undefined &&
          nspid.length > 1 &&
          nspid.at(-1) === '1' &&
          readFileSync(`/proc/${pid}/mountinfo`, 'utf8').includes(`upperdir=${stateDir}/`)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** GET through the registration address; undefined when the connection was closed. */
async function viaRegistrationAddress(state: LabState, path: string): Promise<string | undefined> {
  try {
    const res = await fetch(`http://${state.registrationAddress}:9345${path}`, {
      signal: AbortSignal.timeout(10_000),
    });
    return (await res.text()).trim();
  } catch {
    return undefined;
  }
}

/** A throwaway HTTP server on a host's 9345, where an RKE2 server's supervisor would listen. */
async function serve9345(state: LabState, h: LabHostState, token: string): Promise<() => Promise<void>> {
  const out = await ssh(
    state,
    'root',
    h.address,
    `mkdir -p /run/lb-test && echo ${token} > /run/lb-test/token && ` +
      `systemd-run --unit=lb-test --working-directory=/run/lb-test python3 -m http.server 9345 --bind ${h.address} && ` +
      `for i in $(seq 50); do (exec 3<>/dev/tcp/${h.address}/9345) 2>/dev/null && break; sleep 0.1; done`,
  );
  expect(out.exitCode, out.stderr).toBe(0);
  return async () => {
    await ssh(state, 'root', h.address, 'systemctl stop lb-test');
  };
}

async function bridgeExists(): Promise<boolean> {
  return (await $({ quiet: true, nothrow: true })`ip link show rgr0`).exitCode === 0;
}

describe.sequential('lab on this machine', () => {
  let state: LabState;

  beforeAll(async () => {
    // From a fresh lab: earlier runs (the quickstart, other test files) provisioned its hosts.
    await labDown(opts);
    const started = Date.now();
    state = await labUp(opts);
    console.log(`labUp took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  afterAll(async () => {
    // Normally already down (last test); this covers a failure halfway.
    await labDown(opts);
  });

  it('brings up the six default hosts, each answering SSH with its known host key', async () => {
    expect(state.hosts.map((h) => [h.name, h.address, h.variant])).toEqual(
      DEFAULT_LAB_HOSTS.map((h) => [h.name, h.address, h.variant]),
    );
    expect(state.hosts.every((h) => h.running && h.sshReady && h.pid > 0)).toBe(true);
    const knownHosts = readFileSync(state.knownHostsPath, 'utf8').trim().split('\n');
    expect(knownHosts.map((l) => l.split(' ')[0])).toEqual(DEFAULT_LAB_HOSTS.map((h) => h.address));
    for (const h of state.hosts) {
      const out = await ssh(state, 'root', h.address, 'id -un');
      expect(out.exitCode, `${h.name}: ${out.stderr}`).toBe(0);
      expect(out.stdout.trim()).toBe('root');
    }
  });

  it('rejects a host whose key does not match known_hosts (host key checking is strict)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rigger-lab-test-'));
    try {
      // cp-2's key recorded under cp-1's address: ssh must refuse to talk to cp-1.
      const lines = readFileSync(state.knownHostsPath, 'utf8').trim().split('\n');
      const cp2Key = lines
        .find((l) => l.startsWith(`${host(state, 'cp-2').address} `))
        ?.split(' ')
        .slice(1);
      const wrong = join(dir, 'known_hosts');
      writeFileSync(wrong, `${host(state, 'cp-1').address} ${(cp2Key ?? []).join(' ')}\n`);
      const out = await ssh(state, 'root', host(state, 'cp-1').address, 'true', wrong);
      expect(out.exitCode).toBe(255);
      expect(out.stderr).toMatch(/host key verification failed/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('boots systemd to running or degraded on every host', async () => {
    for (const h of state.hosts) {
      const out = await ssh(state, 'root', h.address, 'systemctl is-system-running');
      expect(['running', 'degraded'], `${h.name}: ${out.stdout}${out.stderr}`).toContain(out.stdout.trim());
    }
  });

  it('boots each host with its machine name as hostname, not yet the inventory name', async () => {
    for (const h of state.hosts) {
      const out = await ssh(state, 'root', h.address, 'hostname');
      expect(out.stdout.trim()).toBe(`rigger-${h.name}`);
      expect(out.stdout.trim()).not.toBe(h.name);
    }
  });

  it('gives every host its own machine-id and writable sysctls', async () => {
    const ids = new Set<string>();
    for (const h of state.hosts) {
      const out = await ssh(state, 'root', h.address, 'cat /etc/machine-id');
      ids.add(out.stdout.trim());
    }
    expect(ids.size).toBe(state.hosts.length);
    const sysctl = await ssh(
      state,
      'root',
      host(state, 'cp-1').address,
      'sysctl -w vm.overcommit_memory=$(sysctl -n vm.overcommit_memory)',
    );
    expect(sysctl.exitCode, sysctl.stderr).toBe(0);
  });

  it('makes worker-2 Flatcar-like: ID=flatcar, no dpkg, /usr read-only, /opt writable', async () => {
    const out = await ssh(
      state,
      'root',
      host(state, 'worker-2').address,
      '. /etc/os-release; echo "$ID ${ID_LIKE-no-id-like}"; command -v dpkg apt-get || echo no-dpkg; ' +
        'touch /usr/local/x 2>/dev/null && echo usr-writable || echo usr-read-only; ' +
        'touch /opt/x && rm /opt/x && echo opt-writable; command -v python3 openssl curl | wc -l',
    );
    expect(out.stdout.trim().split('\n')).toEqual([
      'flatcar no-id-like',
      'no-dpkg',
      'usr-read-only',
      'opt-writable',
      '3',
    ]);
    const debian = await ssh(state, 'root', host(state, 'worker-1').address, '. /etc/os-release; echo $ID');
    expect(debian.stdout.trim()).toBe('debian');
  });

  it('forwards the registration address to the one host listening on 9345, and closes connections once none does', async () => {
    const stop = await serve9345(state, host(state, 'worker-2'), 'worker-2-answers');
    try {
      // Every other host refuses 9345: each connection skips them and reaches worker-2.
      for (let i = 0; i < state.hosts.length + 1; i++) {
        expect(await viaRegistrationAddress(state, '/token')).toBe('worker-2-answers');
      }
    } finally {
      await stop();
    }
    const started = Date.now();
    expect(await viaRegistrationAddress(state, '/token')).toBeUndefined();
    // Refusals are fast; a connection is not left hanging.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('lets the unprivileged user log in with the lab key and sudo without a password', async () => {
    const out = await ssh(state, state.user, host(state, 'worker-1').address, 'id -un && sudo -n id -un');
    expect(out.exitCode, out.stderr).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual([state.user, 'root']);
  });

  it('installs packages inside a host through the lab package proxy, with no route out', async () => {
    const address = host(state, 'cp-3').address;
    const routes = await ssh(state, 'root', address, 'ip -4 route show default');
    expect(routes.stdout.trim()).toBe('');
    const out = await ssh(
      state,
      'root',
      address,
      'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q curl && curl --version',
    );
    expect(out.exitCode, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^curl \d/m);
  });

  it('changes nothing when brought up a second time', async () => {
    const key = readFileSync(state.privateKeyPath, 'utf8');
    const knownHosts = readFileSync(state.knownHostsPath, 'utf8');
    const again = await labUp(opts);
    expect(again).toEqual(state);
    expect(readFileSync(state.privateKeyPath, 'utf8')).toBe(key);
    expect(readFileSync(state.knownHostsPath, 'utf8')).toBe(knownHosts);
  });

  it('reports running hosts and both proxies in labStatus', async () => {
    const status = await labStatus(opts);
    expect(status).toEqual(state);
    expect(status?.registrationProxyPid).toBeGreaterThan(0);
    expect(status?.registrationAddress).toBe('172.31.250.10');
  });

  it('stops one host and starts it again with its disk and host key kept', async () => {
    const before = host(state, 'worker-2');
    const marker = await ssh(state, 'root', before.address, 'echo kept > /root/marker');
    expect(marker.exitCode).toBe(0);
    const knownHosts = readFileSync(state.knownHostsPath, 'utf8');

    await stopLabHost(opts, 'worker-2');
    expect(isNspawnOrProxy(before.pid)).toBe(false);
    const stopped = await labStatus(opts);
    expect(stopped && host(stopped, 'worker-2')).toMatchObject({ running: false, sshReady: false, pid: 0 });
    expect((await ssh(state, 'root', before.address, 'true')).exitCode).toBe(255);
    // The others are untouched.
    expect(stopped?.hosts.filter((h) => h.name !== 'worker-2').every((h) => h.running && h.sshReady)).toBe(
      true,
    );

    await startLabHost(opts, 'worker-2');
    const out = await ssh(
      state,
      'root',
      before.address,
      'cat /root/marker; systemctl is-system-running --wait; . /etc/os-release; echo $ID',
    );
    expect(out.stdout.trim().split('\n')[0]).toBe('kept');
    // Started again as what it was made: still Flatcar-like.
    expect(out.stdout.trim().split('\n')[2]).toBe('flatcar');
    expect(readFileSync(state.knownHostsPath, 'utf8')).toBe(knownHosts);
    const after = await labStatus(opts);
    expect(after && host(after, 'worker-2')).toMatchObject({ running: true, sshReady: true });
    expect(after && host(after, 'worker-2').pid).not.toBe(before.pid);
  });

  it('repairs a half-broken lab: a killed host, a deleted bridge and lost state', async () => {
    const current = await labStatus(opts);
    if (!current) throw new Error('lab state vanished');
    const victim = host(current, 'spare-1');
    // What a crash looks like: nspawn killed without a chance to shut its machine down.
    process.kill(victim.pid, 'SIGKILL');
    await $`ip link del rgr0`;
    await rm(join(stateDir, 'state.json'));

    const repaired = await labUp(opts);
    expect(repaired.hosts.every((h) => h.running && h.sshReady)).toBe(true);
    for (const h of repaired.hosts) {
      const out = await ssh(repaired, 'root', h.address, 'hostname');
      expect(out.stdout.trim()).toBe(`rigger-${h.name}`);
    }
    // The machine left behind by the killed nspawn is gone: one machine init per running host.
    expect(machineInits().length).toBe(repaired.hosts.length);
    // The registration address is back on the new bridge and forwards again.
    const stop = await serve9345(repaired, host(repaired, 'spare-1'), 'spare-1-answers');
    try {
      expect(await viaRegistrationAddress(repaired, '/token')).toBe('spare-1-answers');
    } finally {
      await stop();
    }
    state = repaired;
  });

  it('takes the lab down leaving no process, bridge, mount or upper dir, but keeps the caches', async () => {
    const pids = [state.proxyPid, state.registrationProxyPid, ...state.hosts.map((h) => h.pid)];
    expect(pids.every((pid) => pid > 0)).toBe(true);
    await labDown(opts);
    expect(pids.filter(isNspawnOrProxy)).toEqual([]);
    expect(await bridgeExists()).toBe(false);
    expect(existsSync(join(stateDir, 'state.json'))).toBe(false);
    expect(existsSync(join(stateDir, 'hosts'))).toBe(false);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(stateDir);
    expect(machineInits()).toEqual([]);
    const propagate = '/run/systemd/nspawn/propagate';
    expect(
      existsSync(propagate) ? readdirSync(propagate).filter((n) => n.startsWith('rigger-')) : [],
    ).toEqual([]);
    expect(await labStatus(opts)).toBeUndefined();
    const cache = readdirSync(labCacheDir());
    expect(cache.some((n) => n.startsWith('base-'))).toBe(true);
    expect(cache).toContain('apt-cache');
    expect(existsSync(join(stateDir, 'rke2-artifacts', 'sha256sum-amd64.txt'))).toBe(true);
  });
});
