/**
 * The lab network: one Linux bridge with the machine's address on it. nspawn plugs each host's
 * veth into it. There is no NAT and no route out, so lab hosts can only talk to each other and to
 * the package proxy on the bridge address.
 */
import { writeFile } from 'node:fs/promises';
import { $ } from 'zx';
import { RunError } from '../core/errors.ts';
import { LAB_BRIDGE, LAB_BRIDGE_ADDRESS, LAB_PREFIX_LENGTH, LAB_REGISTRATION_ADDRESS } from './lab-spec.ts';

interface IpAddrInfo {
  family: string;
  local: string;
  prefixlen: number;
}

interface IpLink {
  ifname: string;
  operstate?: string;
  flags?: string[];
  linkinfo?: { info_kind?: string };
  addr_info?: IpAddrInfo[];
}

async function showLinks(ip: string): Promise<IpLink[]> {
  const out = await $({ quiet: true })`${ip} -details -json addr show`;
  return JSON.parse(out.stdout) as IpLink[];
}

async function showBridge(ip: string): Promise<IpLink | undefined> {
  return (await showLinks(ip)).find((l) => l.ifname === LAB_BRIDGE);
}

export async function bridgeExists(ip: string): Promise<boolean> {
  return (await showBridge(ip)) !== undefined;
}

/** Whether the bridge exists, is up and carries the lab address: what a running lab needs. */
export async function bridgeReady(ip: string): Promise<boolean> {
  const link = await showBridge(ip);
  return link !== undefined && isUp(link) && hasLabAddress(link);
}

function isUp(link: IpLink): boolean {
  return link.flags?.includes('UP') ?? false;
}

function hasLabAddress(link: IpLink, address = LAB_BRIDGE_ADDRESS): boolean {
  return (link.addr_info ?? []).some(
    (a) => a.family === 'inet' && a.local === address && a.prefixlen === LAB_PREFIX_LENGTH,
  );
}

/** The first three octets: the lab network is a /24. */
const NET_PREFIX = LAB_BRIDGE_ADDRESS.slice(0, LAB_BRIDGE_ADDRESS.lastIndexOf('.') + 1);

/**
 * Creates the bridge, or repairs a half-made one (missing address, down). Refuses when the lab
 * subnet is already in use on another interface: traffic for the hosts would go astray.
 */
export async function ensureBridge(ip: string, log: (line: string) => void): Promise<void> {
  const links = await showLinks(ip);
  const clash = links.find(
    (l) =>
      l.ifname !== LAB_BRIDGE &&
      (l.addr_info ?? []).some((a) => a.family === 'inet' && a.local.startsWith(NET_PREFIX)),
  );
  if (clash) {
    throw new RunError(
      `the lab network ${NET_PREFIX}0/${LAB_PREFIX_LENGTH} is already used on ${clash.ifname}; the lab cannot use it`,
    );
  }
  let link = links.find((l) => l.ifname === LAB_BRIDGE);
  if (link && link.linkinfo?.info_kind !== 'bridge') {
    throw new RunError(
      `${LAB_BRIDGE} exists but is not a bridge (${link.linkinfo?.info_kind ?? 'unknown kind'})`,
    );
  }
  if (!link) {
    log(`lab: creating bridge ${LAB_BRIDGE} with ${LAB_BRIDGE_ADDRESS}/${LAB_PREFIX_LENGTH}`);
    await $({ quiet: true })`${ip} link add ${LAB_BRIDGE} type bridge`;
    link = await showBridge(ip);
  }
  // No IPv6 on the bridge: no link-local chatter, and nothing leaves the lab's IPv4 subnet.
  await writeFile(`/proc/sys/net/ipv6/conf/${LAB_BRIDGE}/disable_ipv6`, '1').catch(() => undefined);
  if (link === undefined || !hasLabAddress(link)) {
    await $({
      quiet: true,
    })`${ip} addr add ${`${LAB_BRIDGE_ADDRESS}/${LAB_PREFIX_LENGTH}`} dev ${LAB_BRIDGE}`;
  }
  if (link === undefined || !isUp(link)) {
    await $({ quiet: true })`${ip} link set ${LAB_BRIDGE} up`;
  }
  if (!(await bridgeReady(ip))) {
    throw new RunError(`bridge ${LAB_BRIDGE} is still not up with ${LAB_BRIDGE_ADDRESS} after setting it up`);
  }
}

/**
 * Adds the registration address to the bridge as a second address, where the lab's load balancer
 * listens: to the hosts it is one more address on their subnet, as a real VIP would be.
 */
export async function ensureRegistrationAddress(ip: string, log: (line: string) => void): Promise<void> {
  const link = await showBridge(ip);
  if (link === undefined) throw new RunError(`bridge ${LAB_BRIDGE} is missing`);
  if (hasLabAddress(link, LAB_REGISTRATION_ADDRESS)) return;
  log(
    `lab: adding the registration address ${LAB_REGISTRATION_ADDRESS}/${LAB_PREFIX_LENGTH} to ${LAB_BRIDGE}`,
  );
  await $({
    quiet: true,
  })`${ip} addr add ${`${LAB_REGISTRATION_ADDRESS}/${LAB_PREFIX_LENGTH}`} dev ${LAB_BRIDGE}`;
}

/** Deletes the bridge; the hosts' veths must already be gone (their machines stopped). */
export async function removeBridge(ip: string, log: (line: string) => void): Promise<void> {
  if (!(await bridgeExists(ip))) return;
  log(`lab: deleting bridge ${LAB_BRIDGE}`);
  await $({ quiet: true })`${ip} link del ${LAB_BRIDGE}`;
}
