/**
 * The lab: real Debian hosts (one of them Flatcar-like) as systemd-nspawn machines on a private
 * bridge, with a package proxy, an L4 load balancer on the registration address and the RKE2
 * stand-in's air-gap artifacts, for integration tests and benchmarks on a machine without Docker.
 * This is the public API; the CLI wires it to `rigger lab up|down|status`.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, RunError } from '../core/errors.ts';
import { claimActiveLab, releaseActiveLab } from './active-lab.ts';
import { baseImageDir, ensureBaseImage } from './base-image.ts';
import { bridgeReady, ensureBridge, ensureRegistrationAddress, removeBridge } from './bridge.ts';
import { detectDebianMirror } from './debian-mirror.ts';
import { ensureClientKey, writeKnownHosts } from './keys.ts';
import { awaitHost, awaitHosts, machineSpecOf, startHost } from './lab-host.ts';
import {
  DEFAULT_LAB_HOSTS,
  LAB_BRIDGE,
  LAB_BRIDGE_ADDRESS,
  LAB_PROXY_URL,
  LAB_REGISTRATION_ADDRESS,
  LAB_REGISTRATION_PORTS,
  LAB_SUBNET,
  LAB_USER,
  validateLabHosts,
  type LabHostSpec,
  type LabHostState,
  type LabOptions,
  type LabState,
} from './lab-spec.ts';
import { findMachine, stopMachine } from './machine.ts';
import { mountsUnder, removeTree } from './mounts.ts';
import { ensureProxy, findProxy, stopProxy } from './package-proxy.ts';
import { ensureChartMirror, findChartMirror, stopChartMirror } from './chart-mirror-process.ts';
import { LAB_CHARTS_DIR } from './chart-mirror.ts';
import { isChartRepository, prepareSiteCharts } from './site-charts.ts';
import { LAB_RKE2_BUILD_SCRIPT, labPaths, hostDirOf, hostLogOf, type LabPaths } from './paths.ts';
import { ensurePrerequisites, which } from './prerequisites.ts';
import { probe, type LabSshConfig } from './readiness.ts';
import { ensureClusterToken } from './cluster-token.ts';
import {
  ensureRegistrationProxy,
  findRegistrationProxy,
  stopRegistrationProxy,
} from './registration-proxy-process.ts';
import { ensureRke2Artifacts } from './rke2-artifacts.ts';
import {
  publicState,
  readStoredState,
  removeStoredState,
  updateStoredState,
  writeStoredState,
  type StoredLabState,
} from './state-file.ts';

export { DEFAULT_LAB_HOSTS };
export type { LabHostSpec, LabHostState, LabOptions, LabState };

function setup(opts: LabOptions): { paths: LabPaths; hosts: LabHostSpec[]; log: (line: string) => void } {
  return {
    paths: labPaths(opts.stateDir),
    hosts: validateLabHosts(opts.hosts ?? DEFAULT_LAB_HOSTS),
    log: opts.log ?? (() => undefined),
  };
}

function sshConfig(ssh: string, paths: LabPaths): LabSshConfig {
  return { ssh, privateKeyPath: paths.privateKey, knownHostsPath: paths.knownHosts };
}

/**
 * Brings the lab up and waits until every host answers SSH with its known host key and has
 * finished booting, then builds the RKE2 stand-in's artifacts. Idempotent: running hosts, keys
 * and the proxies are kept as they are; a half-made lab (dead hosts or proxies, missing bridge,
 * stale state) is repaired. A host whose disk was made for another variant or another base image
 * (the base recipe changed) is recreated from scratch.
 */
export async function labUp(opts: LabOptions): Promise<LabState> {
  const { paths, hosts, log } = setup(opts);
  const tools = await ensurePrerequisites(log);
  await mkdir(paths.stateDir, { recursive: true, mode: 0o700 });
  await claimActiveLab(paths);
  const previous = await readStoredState(paths);
  const mirror = await detectDebianMirror();
  // Always the current recipe's base: hosts made over an older one are recreated (startHost).
  const baseDir = await ensureBaseImage(tools, mirror, log);
  const clientPublicKey = await ensureClientKey(tools.sshKeygen, paths);
  const bridgeWasReady = await bridgeReady(tools.ip);
  await ensureBridge(tools.ip, log);
  await ensureRegistrationAddress(tools.ip, log);
  const proxyPid = await ensureProxy(tools, mirror, previous?.proxyPid, log);
  const registrationProxyPid = await ensureRegistrationProxy(
    paths,
    hosts.map((h) => h.address),
    previous?.registrationProxyPid,
    log,
  );
  await ensureChartMirror(paths, log, await siteCharts(paths, log));

  const state: StoredLabState = {
    bridge: LAB_BRIDGE,
    bridgeAddress: LAB_BRIDGE_ADDRESS,
    subnet: LAB_SUBNET,
    proxyPid,
    proxyUrl: LAB_PROXY_URL,
    registrationAddress: LAB_REGISTRATION_ADDRESS,
    registrationPorts: [...LAB_REGISTRATION_PORTS],
    registrationProxyPid,
    privateKeyPath: paths.privateKey,
    knownHostsPath: paths.knownHosts,
    user: LAB_USER,
    hosts: [],
    baseDir,
  };
  await removeDroppedHosts(paths, previous, hosts, log);
  // Started side by side; each start is mostly waiting for nspawn to get going.
  state.hosts = await Promise.all(
    hosts.map((host) =>
      startHost({
        paths,
        baseDir,
        previousBaseDir: previous?.baseDir,
        host,
        recordedPid: previous?.hosts.find((h) => h.name === host.name)?.pid,
        clientPublicKey,
        tools,
        restart: !bridgeWasReady,
        log,
      }),
    ),
  );
  await writeStoredState(paths, state);
  await writeKnownHosts(paths, state.hosts);
  // The cluster token inventory/lab.yaml references: part of the lab's state like its keys.
  await ensureClusterToken(opts.stateDir);
  try {
    await awaitHosts(sshConfig(tools.ssh, paths), state.hosts, paths, log);
  } finally {
    await writeStoredState(paths, state);
  }
  await ensureRke2Artifacts({
    script: opts.rke2BuildScript ?? LAB_RKE2_BUILD_SCRIPT,
    outDir: paths.rke2Artifacts,
    logFile: join(paths.logsDir, 'rke2-artifacts.log'),
    log,
  });
  return publicState(state);
}

/** Hosts that were in the lab but are no longer in the host list are stopped and forgotten. */
async function removeDroppedHosts(
  paths: LabPaths,
  previous: StoredLabState | undefined,
  hosts: readonly LabHostSpec[],
  log: (line: string) => void,
): Promise<void> {
  for (const old of previous?.hosts ?? []) {
    if (hosts.some((h) => h.name === old.name)) continue;
    log(`${old.name}: no longer in the lab's host list; stopping it and deleting its disk`);
    await stopMachine(machineSpecOf(paths, previous?.baseDir ?? '', old.name), old.pid, log);
    await removeTree(hostDirOf(paths, old.name));
  }
}

/**
 * Takes the lab down: stops every host and both proxies by PID, deletes the bridge (with the
 * registration address), the hosts' upper dirs, known_hosts and state.json. The base image, the
 * apt cache, the client key, the RKE2 artifacts and the logs stay.
 */
export async function labDown(opts: LabOptions): Promise<void> {
  const { paths, hosts, log } = setup(opts);
  const previous = await readStoredState(paths);
  // Hosts on record, hosts with an upper dir and configured hosts: whatever might still run.
  const names = new Set<string>([
    ...(previous?.hosts ?? []).map((h) => h.name),
    ...(await readdir(paths.hostsDir).catch(() => [] as string[])),
    ...hosts.map((h) => h.name),
  ]);
  await Promise.all(
    [...names].map(async (name) => {
      const m = machineSpecOf(paths, previous?.baseDir ?? '', name);
      const recorded = previous?.hosts.find((h) => h.name === name)?.pid;
      const pid = await findMachine(m, recorded);
      if (pid !== undefined) log(`${name}: stopping ${m.machine} (PID ${pid})`);
      await stopMachine(m, recorded, log);
    }),
  );
  const proxyPid = await findProxy(previous?.proxyPid);
  if (proxyPid !== undefined) {
    log(`lab: stopping package proxy (PID ${proxyPid})`);
    await stopProxy(proxyPid);
  }
  const lbPid = await findRegistrationProxy(previous?.registrationProxyPid);
  if (lbPid !== undefined) {
    log(`lab: stopping the registration load balancer (PID ${lbPid})`);
    await stopRegistrationProxy(lbPid);
  }
  const mirrorPid = await findChartMirror();
  if (mirrorPid !== undefined) {
    log(`lab: stopping the chart mirror (PID ${mirrorPid})`);
    await stopChartMirror(mirrorPid);
  }
  const ip = await which('ip');
  if (ip !== undefined) await removeBridge(ip, log);
  await removeTree(paths.hostsDir);
  await rm(paths.knownHosts, { force: true });
  await removeStoredState(paths);
  await releaseActiveLab(paths);
  const left = await mountsUnder(paths.stateDir);
  if (left.length > 0) throw new RunError(`mounts left under ${paths.stateDir}: ${left.join(', ')}`);
}

/**
 * The lab as it is now: recorded state refreshed with which hosts and proxy still run and which
 * hosts answer SSH. Undefined when there is no lab in stateDir. Changes nothing.
 */
export async function labStatus(opts: LabOptions): Promise<LabState | undefined> {
  const { paths } = setup(opts);
  const stored = await readStoredState(paths);
  if (stored === undefined) return undefined;
  const ssh = await which('ssh');
  const ip = await which('ip');
  // Without the bridge, packets for lab addresses would follow the default route off the machine.
  const canProbe = ssh !== undefined && ip !== undefined && (await bridgeReady(ip));
  const hosts = await Promise.all(
    stored.hosts.map(async (h): Promise<LabHostState> => {
      const pid = await findMachine(machineSpecOf(paths, stored.baseDir, h.name), h.pid);
      const running = pid !== undefined;
      const sshReady =
        running && canProbe && (await probe(sshConfig(ssh, paths), h.address, 'true', 10_000)).ok;
      return { ...h, pid: pid ?? 0, running, sshReady };
    }),
  );
  const proxyPid = (await findProxy(stored.proxyPid)) ?? 0;
  const registrationProxyPid = (await findRegistrationProxy(stored.registrationProxyPid)) ?? 0;
  return publicState({ ...stored, proxyPid, registrationProxyPid, hosts });
}

async function requireHost(
  paths: LabPaths,
  name: string,
): Promise<{ stored: StoredLabState; host: LabHostState }> {
  const stored = await readStoredState(paths);
  if (stored === undefined) {
    throw new RunError(`no lab in ${paths.stateDir}: bring it up first`);
  }
  const host = stored.hosts.find((h) => h.name === name);
  if (host === undefined) {
    const known = stored.hosts.map((h) => h.name).join(', ');
    throw ConfigError.plain(paths.stateFile, `no lab host named ${name} (hosts: ${known})`);
  }
  return { stored, host };
}

async function recordHost(paths: LabPaths, updated: LabHostState): Promise<void> {
  await updateStoredState(paths, (s) =>
    s === undefined
      ? undefined
      : { ...s, hosts: s.hosts.map((h) => (h.name === updated.name ? updated : h)) },
  );
}

/** Stops one host (clean poweroff, SIGKILL after a minute), as a failing machine would. */
export async function stopLabHost(opts: LabOptions, name: string): Promise<void> {
  const { paths, log } = setup(opts);
  const { stored, host } = await requireHost(paths, name);
  const m = machineSpecOf(paths, stored.baseDir, name);
  const pid = await findMachine(m, host.pid);
  if (pid === undefined) {
    log(`${name}: already stopped`);
  } else {
    log(`${name}: stopping ${m.machine} (PID ${pid})`);
    await stopMachine(m, pid, log);
  }
  await recordHost(paths, { ...host, pid: 0, running: false, sshReady: false });
}

/** Starts one stopped host again with its disk (upper dir) as it was, and waits until it is ready. */
export async function startLabHost(opts: LabOptions, name: string): Promise<void> {
  const { paths, log } = setup(opts);
  const tools = await ensurePrerequisites(log);
  const { stored, host } = await requireHost(paths, name);
  if (!(await bridgeReady(tools.ip))) {
    throw new RunError(
      `the lab bridge ${LAB_BRIDGE} is missing or down: bring the lab up again to repair it`,
    );
  }
  // The host as it was made: starting it again keeps its disk.
  const spec: LabHostSpec = { name, address: host.address, variant: host.variant };
  const started = await startHost({
    paths,
    baseDir: stored.baseDir,
    previousBaseDir: stored.baseDir,
    host: spec,
    recordedPid: host.pid,
    clientPublicKey: (await readFile(paths.publicKey, 'utf8')).trim(),
    tools,
    restart: false,
    log,
  });
  await recordHost(paths, started);
  await awaitHost(sshConfig(tools.ssh, paths), started, hostLogOf(paths, name), log);
  await recordHost(paths, { ...started, sshReady: true });
}

/** The base image directory a fresh lab would use now (for diagnostics and tests). */
export { baseImageDir };

/**
 * The folder the chart mirror serves: the real repository as a site mirrors it (charts whose
 * schema reaches the internet vendored for offline use), or the real one's path when it is absent.
 */
async function siteCharts(paths: LabPaths, log: (line: string) => void): Promise<string> {
  if (!isChartRepository(LAB_CHARTS_DIR)) return LAB_CHARTS_DIR;
  const dest = join(paths.stateDir, 'charts');
  const vendored = await prepareSiteCharts(LAB_CHARTS_DIR, dest);
  if (vendored !== 'current')
    for (const v of vendored)
      log(
        `lab: chart mirror: ${v.file} vendored for offline use (${v.relaxed.length} remote schema $refs relaxed)`,
      );
  return dest;
}
