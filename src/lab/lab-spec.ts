/**
 * What a lab is made of: the fixed network, the host list and the shapes of the options and the
 * recorded state. Everything else in src/lab works from these.
 */
import { ConfigError } from '../core/errors.ts';

/** One lab host: an nspawn machine on the lab bridge with a fixed address. */
export interface LabHostSpec {
  /** Inventory name; the machine is called `rigger-<name>` and boots with that as its hostname. */
  name: string;
  /** IPv4 address inside {@link LAB_SUBNET}. */
  address: string;
  /** Operating system of the host. Only Debian exists today; Flatcar is planned. */
  variant: 'debian';
}

export interface LabOptions {
  /** Where the lab keeps its state, keys, upper dirs and logs (the CLI passes `<project>/.rigger/lab`). */
  stateDir: string;
  /** The hosts to run; {@link DEFAULT_LAB_HOSTS} when absent. */
  hosts?: LabHostSpec[];
  /** Progress lines; a line about one host starts with its name. */
  log?: (line: string) => void;
}

/** One host as last seen by `labUp`, `labStatus`, `startLabHost` or `stopLabHost`. */
export interface LabHostState {
  name: string;
  address: string;
  /** nspawn machine name, also the hostname the host boots with. */
  machine: string;
  /** PID of the host's systemd-nspawn process; 0 when it is not running. */
  pid: number;
  /** The host's overlay upper directory: everything the host changed over the base image. */
  upperDir: string;
  running: boolean;
  /** Whether the host answered SSH (strict host key checking) when last checked. */
  sshReady: boolean;
}

/** Everything a test or the CLI needs to reach the lab; also what `state.json` holds. */
export interface LabState {
  bridge: string;
  /** The machine's address on the bridge, e.g. `172.31.250.1`. */
  bridgeAddress: string;
  /** CIDR of the lab network, e.g. `172.31.250.0/24`. */
  subnet: string;
  /** PID of the lab's apt-cacher-ng; 0 when it is not running. */
  proxyPid: number;
  /** The package proxy as the hosts see it, e.g. `http://172.31.250.1:3142`. */
  proxyUrl: string;
  /** Client key accepted by `root` and `rigger` on every host. */
  privateKeyPath: string;
  /** `known_hosts` with every host's real host key, for StrictHostKeyChecking=yes. */
  knownHostsPath: string;
  /** Unprivileged user with passwordless sudo, for testing `become`. */
  user: string;
  hosts: LabHostState[];
}

export const LAB_BRIDGE = 'rgr0';
export const LAB_BRIDGE_ADDRESS = '172.31.250.1';
export const LAB_PREFIX_LENGTH = 24;
export const LAB_SUBNET = `172.31.250.0/${LAB_PREFIX_LENGTH}`;
export const LAB_PROXY_PORT = 3142;
export const LAB_PROXY_URL = `http://${LAB_BRIDGE_ADDRESS}:${LAB_PROXY_PORT}`;
export const LAB_USER = 'rigger';
/** Prefix of every nspawn machine name, so lab hosts are recognisable in `ps` and logs. */
export const MACHINE_PREFIX = 'rigger-';

/** Three control-plane nodes, two workers and a spare to join or replace later. */
export const DEFAULT_LAB_HOSTS: LabHostSpec[] = [
  { name: 'cp-1', address: '172.31.250.11', variant: 'debian' },
  { name: 'cp-2', address: '172.31.250.12', variant: 'debian' },
  { name: 'cp-3', address: '172.31.250.13', variant: 'debian' },
  { name: 'worker-1', address: '172.31.250.21', variant: 'debian' },
  { name: 'worker-2', address: '172.31.250.22', variant: 'debian' },
  { name: 'spare-1', address: '172.31.250.31', variant: 'debian' },
];

export function machineName(host: Pick<LabHostSpec, 'name'>): string {
  return `${MACHINE_PREFIX}${host.name}`;
}

// A name ends up in a machine name, a hostname, a directory and a veth name: keep it boring.
const HOST_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * Checks a host list before anything is created. Addresses must stay inside the lab subnet and
 * avoid the bridge's own address, because the lab must never send traffic anywhere else.
 */
export function validateLabHosts(hosts: readonly LabHostSpec[], source = 'lab hosts'): LabHostSpec[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const addresses = new Set<string>();
  hosts.forEach((h, i) => {
    const where = `hosts[${i}] (${h.name})`;
    if (!HOST_NAME.test(h.name)) {
      problems.push(`${where}: name must match ${HOST_NAME.source}`);
    }
    if (names.has(h.name)) problems.push(`${where}: duplicate name`);
    names.add(h.name);
    const last = lastOctetInLabSubnet(h.address);
    if (last === undefined) {
      problems.push(`${where}: address ${h.address} is not inside ${LAB_SUBNET}`);
    } else if (last < 2 || last > 254) {
      problems.push(`${where}: address ${h.address} must be .2-.254 (.1 is the bridge)`);
    }
    if (addresses.has(h.address)) problems.push(`${where}: duplicate address ${h.address}`);
    addresses.add(h.address);
    if ((h.variant as string) !== 'debian') {
      problems.push(`${where}: variant ${h.variant as string} is not supported by the lab yet`);
    }
  });
  if (hosts.length === 0) problems.push('at least one host is needed');
  if (problems.length > 0) {
    throw new ConfigError(problems.map((message) => ({ file: source, line: 0, col: 0, path: '', message })));
  }
  return [...hosts];
}

function lastOctetInLabSubnet(address: string): number | undefined {
  const prefix = LAB_BRIDGE_ADDRESS.slice(0, LAB_BRIDGE_ADDRESS.lastIndexOf('.') + 1);
  if (!address.startsWith(prefix)) return undefined;
  const rest = address.slice(prefix.length);
  if (!/^\d{1,3}$/.test(rest)) return undefined;
  const n = Number(rest);
  return n <= 255 ? n : undefined;
}
