/**
 * The lab's Flatcar-like host, its registration-address load balancer and the RKE2 stand-in's
 * artifacts, against the lab as it is: this file brings the lab up if needed but never takes it
 * down, and only ever recreates or changes worker-2 (other hosts may be running RKE2 servers, so
 * the load balancer checks here accept any other backend answering too; lab.test.ts checks the
 * same on a fresh lab where nothing else listens).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { DEFAULT_LAB_HOSTS, labStatus, labUp, type LabOptions, type LabState } from '../../src/lab/lab.ts';
import { LAB_RKE2_ARTIFACTS, LAB_STATE_DIR } from '../../src/lab/paths.ts';
import { forgetRecreatedNode } from '../support/lab.ts';

const opts: LabOptions = { stateDir: LAB_STATE_DIR, log: () => undefined };
const WORKER_2 = '172.31.250.22';

function ssh(state: LabState, address: string, command: string) {
  return $({ quiet: true, nothrow: true, timeout: '60s' })`ssh -F none -i ${state.privateKeyPath} \
    -o IdentitiesOnly=yes -o UserKnownHostsFile=${state.knownHostsPath} -o GlobalKnownHostsFile=/dev/null \
    -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=5 ${`root@${address}`} ${command}`;
}

/** GET through the registration address; undefined when the connection was closed or not HTTP. */
async function viaRegistrationAddress(state: LabState, path: string): Promise<string | undefined> {
  try {
    const res = await fetch(`http://${state.registrationAddress}:9345${path}`, {
      signal: AbortSignal.timeout(10_000),
    });
    return await res.text();
  } catch {
    return undefined;
  }
}

describe.sequential('the Flatcar-like host and the registration address', () => {
  let state: LabState;

  beforeAll(async () => {
    state = await labUp(opts);
  });

  it('records worker-2 as flatcar and every other host as debian', async () => {
    const status = await labStatus(opts);
    expect(status?.hosts.map((h) => [h.name, h.variant])).toEqual(
      DEFAULT_LAB_HOSTS.map((h) => [h.name, h.name === 'worker-2' ? 'flatcar' : 'debian']),
    );
  });

  it('makes worker-2 look like Flatcar: os-release, no apt or dpkg, read-only /usr, writable /opt', async () => {
    const os = await ssh(
      state,
      WORKER_2,
      '. /etc/os-release && echo "$ID|$NAME|$VERSION_ID|${ID_LIKE-absent}"',
    );
    expect(os.stdout.trim()).toBe('flatcar|Flatcar Container Linux by Kinvolk|4230.2.0|absent');

    const tools = 'apt apt-get apt-cache apt-config apt-mark apt-key dpkg dpkg-query dpkg-deb dpkg-divert';
    const pkg = await ssh(
      state,
      WORKER_2,
      `for t in ${tools}; do command -v $t; done; ls -d /var/lib/dpkg /etc/apt 2>&1`,
    );
    expect(pkg.stdout.trim().split('\n')).toEqual([
      "ls: cannot access '/var/lib/dpkg': No such file or directory",
      "ls: cannot access '/etc/apt': No such file or directory",
    ]);

    const usr = await ssh(state, WORKER_2, 'touch /usr/local/rigger-probe');
    expect(usr.exitCode).not.toBe(0);
    expect(usr.stderr).toMatch(/Read-only file system/);
    const opt = await ssh(
      state,
      WORKER_2,
      'mkdir -p /opt/rke2 && touch /opt/rigger-probe && rm /opt/rigger-probe',
    );
    expect(opt.exitCode, opt.stderr).toBe(0);

    // What rigger and the RKE2 stand-in need (python3 is a lab-only difference from Flatcar).
    const needed = await ssh(
      state,
      WORKER_2,
      'for t in python3 openssl curl systemctl sshd; do command -v $t >/dev/null || echo "missing $t"; done; systemctl is-system-running',
    );
    expect(needed.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^(running|degraded)$/)]);
  });

  it('forwards the registration address to a host listening on 9345 and stops sending there when it stops', async () => {
    const token = createHash('sha256').update(String(Date.now())).digest('hex').slice(0, 16);
    const start = await ssh(
      state,
      WORKER_2,
      `mkdir -p /run/rigger-lb-test && echo ${token} > /run/rigger-lb-test/token && ` +
        `systemd-run --unit=rigger-lb-test --working-directory=/run/rigger-lb-test ` +
        `python3 -m http.server 9345 --bind ${WORKER_2} && ` +
        `for i in $(seq 50); do (exec 3<>/dev/tcp/${WORKER_2}/9345) 2>/dev/null && break; sleep 0.1; done`,
    );
    expect(start.exitCode, start.stderr).toBe(0);
    try {
      // Round-robin over the backends that answer: within one round worker-2 gets a connection.
      const up: (string | undefined)[] = [];
      for (let i = 0; i < state.hosts.length; i++) up.push(await viaRegistrationAddress(state, '/token'));
      expect(up.map((r) => r?.trim())).toContain(token);
    } finally {
      await ssh(state, WORKER_2, 'systemctl stop rigger-lb-test');
    }
    const after: (string | undefined)[] = [];
    for (let i = 0; i < state.hosts.length; i++) after.push(await viaRegistrationAddress(state, '/token'));
    expect(after.map((r) => r?.trim())).not.toContain(token);
    const log = readFileSync(join(LAB_STATE_DIR, 'logs', 'registration-proxy.log'), 'utf8');
    expect(log).toMatch(new RegExp(`${WORKER_2.replaceAll('.', '\\.')}:9345 down \\(ECONNREFUSED\\)`));
  });

  it('keeps the load balancer and worker-2 as they are when brought up again', async () => {
    const again = await labUp(opts);
    expect(again).toEqual(state);
    expect(again.registrationProxyPid).toBeGreaterThan(0);
    expect((await labStatus(opts))?.registrationProxyPid).toBe(state.registrationProxyPid);
  });

  it('has built the RKE2 stand-in artifacts, checksums matching', async () => {
    const sums = await $({
      quiet: true,
      nothrow: true,
      cwd: LAB_RKE2_ARTIFACTS,
    })`sha256sum -c sha256sum-amd64.txt`;
    expect(sums.exitCode, sums.stderr).toBe(0);
    expect(sums.stdout).toMatch(/rke2\.linux-amd64\.tar\.gz: OK/);
    expect(sums.stdout).toMatch(/rke2-images\.linux-amd64\.tar\.gz: OK/);
  });

  it('recreates a host whose variant changed, with a new host key, and leaves the other hosts running', async () => {
    const before = await labStatus(opts);
    if (!before) throw new Error('no lab');
    const others = before.hosts.filter((h) => h.name !== 'worker-2').map((h) => [h.name, h.pid]);
    const keyBefore = readFileSync(state.knownHostsPath, 'utf8');
    await ssh(state, WORKER_2, 'echo gone > /root/marker');

    const hosts = DEFAULT_LAB_HOSTS.map((h) =>
      h.name === 'worker-2' ? { ...h, variant: 'debian' as const } : h,
    );
    const debian = await labUp({ ...opts, hosts });
    expect(debian.hosts.find((h) => h.name === 'worker-2')?.variant).toBe('debian');
    const os = await ssh(
      debian,
      WORKER_2,
      '. /etc/os-release; echo $ID; command -v dpkg; cat /root/marker 2>&1',
    );
    expect(os.stdout.trim().split('\n')).toEqual([
      'debian',
      '/usr/bin/dpkg',
      'cat: /root/marker: No such file or directory',
    ]);
    expect(readFileSync(state.knownHostsPath, 'utf8')).not.toBe(keyBefore);
    expect(debian.hosts.filter((h) => h.name !== 'worker-2').map((h) => [h.name, h.pid])).toEqual(others);

    state = await labUp(opts);
    const back = await ssh(state, WORKER_2, '. /etc/os-release; echo $ID');
    expect(back.stdout.trim()).toBe('flatcar');
    expect(state.hosts.filter((h) => h.name !== 'worker-2').map((h) => [h.name, h.pid])).toEqual(others);
    // worker-2 is a new machine now: if a cluster runs, its old Node goes, so the next provision
    // joins it again (as an operator replacing a machine would).
    await forgetRecreatedNode('worker-2');
  });
});
