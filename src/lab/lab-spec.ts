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
  /**
   * What the host looks like. `debian`: the base image as it is. `flatcar`: the same base made to
   * look like Flatcar Container Linux where rigger can tell: os-release says `ID=flatcar`, no apt
   * or dpkg, `/usr` read-only (so `/usr/local` too), `/opt` writable. Lab-only differences from a
   * real Flatcar: python3 is there (the RKE2 stand-in is a python3 program) and it is not
   * configured by Ignition.
   */
  variant: LabHostVariant;
}

export type LabHostVariant = 'debian' | 'flatcar';
export const LAB_HOST_VARIANTS: readonly LabHostVariant[] = ['debian', 'flatcar'];

export interface LabOptions {
  /** Where the lab keeps its state, keys, upper dirs and logs (the CLI passes `<project>/.rigger/lab`). */
  stateDir: string;
  /** The hosts to run; {@link DEFAULT_LAB_HOSTS} when absent. */
  hosts?: LabHostSpec[];
  /** Progress lines; a line about one host starts with its name. */
  log?: (line: string) => void;
  /**
   * The script that builds the RKE2 stand-in's artifacts into the lab's `rke2-artifacts` dir;
   * `test/rke2-stand-in/build.sh` when absent (and skipped when that does not exist).
   */
  rke2BuildScript?: string;
}

/** One host as last seen by `labUp`, `labStatus`, `startLabHost` or `stopLabHost`. */
export interface LabHostState {
  name: string;
  address: string;
  variant: LabHostVariant;
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
  /**
   * The fixed address in front of the RKE2 servers (inventory `cluster.registrationAddress`), a
   * second address on the bridge, e.g. `172.31.250.10`.
   */
  registrationAddress: string;
  /** Ports the registration-address load balancer forwards: RKE2's supervisor and the API. */
  registrationPorts: number[];
  /** PID of the lab's registration-address load balancer; 0 when it is not running. */
  registrationProxyPid: number;
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
/**
 * The registration address: an L4 load balancer on the machine, as a real cluster would have one
 * in front of its servers. Not a host's address; inventory/lab.yaml names it.
 */
export const LAB_REGISTRATION_ADDRESS = '172.31.250.10';
/** RKE2's supervisor (9345), where agents and joining servers register, and the Kubernetes API. */
export const LAB_REGISTRATION_PORTS: readonly number[] = [9345, 6443];
/** Prefix of every nspawn machine name, so lab hosts are recognisable in `ps` and logs. */
export const MACHINE_PREFIX = 'rigger-';

/**
 * Three control-plane nodes, two workers (worker-2 Flatcar-like) and a spare to join or replace
 * later.
 */
export const DEFAULT_LAB_HOSTS: LabHostSpec[] = [
  { name: 'cp-1', address: '172.31.250.11', variant: 'debian' },
  { name: 'cp-2', address: '172.31.250.12', variant: 'debian' },
  { name: 'cp-3', address: '172.31.250.13', variant: 'debian' },
  { name: 'worker-1', address: '172.31.250.21', variant: 'debian' },
  { name: 'worker-2', address: '172.31.250.22', variant: 'flatcar' },
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
    } else if (h.address === LAB_REGISTRATION_ADDRESS) {
      problems.push(`${where}: address ${h.address} is the registration address (the load balancer)`);
    }
    if (addresses.has(h.address)) problems.push(`${where}: duplicate address ${h.address}`);
    addresses.add(h.address);
    if (!LAB_HOST_VARIANTS.includes(h.variant)) {
      problems.push(`${where}: variant ${h.variant as string} is not one of ${LAB_HOST_VARIANTS.join(', ')}`);
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
