/**
 * How rigger talks to RKE2's etcd. RKE2's etcd serves only gRPC on 2379; its HTTP/JSON gateway is
 * on https://127.0.0.1:2382 (loopback only, client certificates required) and `/health` and the
 * metrics on http://127.0.0.1:2381 (k3s `pkg/etcd/etcd.go`: `listenClientHTTPURLs`,
 * `listenMetricsURLs`, and `cluster`'s ServerTrust with ClientCertAuth; k3s moved HTTP off the
 * client port for etcd-io/etcd issue 15402). Every member's client URL is gRPC-only too, so no
 * server can curl another's health: each server's health is read on that server, over its own
 * SSH connection.
 */
import { RunError } from '../../core/errors.ts';
import type { Transport } from '../../hosts/transport.ts';
import { RKE2_ETCD_TLS } from './rke2-layout.ts';

/** curl with RKE2's etcd client certificates, for the loopback HTTP gateway. */
export const ETCD_CURL = [
  'curl -sS --max-time 5',
  `--cacert ${RKE2_ETCD_TLS}/server-ca.crt`,
  `--cert ${RKE2_ETCD_TLS}/server-client.crt`,
  `--key ${RKE2_ETCD_TLS}/server-client.key`,
].join(' ');

/** The local etcd's HTTP gateway (`/v3/...` JSON). */
export const ETCD_GATEWAY = 'https://127.0.0.1:2382';
/** The local etcd's `/health`, plain HTTP on loopback. */
export const ETCD_HEALTH_URL = 'http://127.0.0.1:2381/health';

const MEMBER_LIST = `${ETCD_CURL} -X POST -d '{}' ${ETCD_GATEWAY}/v3/cluster/member/list`;
const HEALTH = `curl -sS --max-time 5 ${ETCD_HEALTH_URL} 2>&1 | tr '\\n' ' '`;
const HEALTH_MARK = '@@rigger-etcd-health';

/** One etcd member as the gateway lists it (started members have a name). */
export interface EtcdMember {
  /** etcd's member id (decimal, as the JSON gateway gives a uint64). */
  id: string;
  name: string;
  peerURLs: string[];
  clientURL: string;
  /** A learner is not yet a voting member (k3s joins servers as learners, `manageLearners`). */
  isLearner: boolean;
}

/** A member, the inventory server it belongs to, and whether that server says its etcd is healthy. */
export interface MemberHealth extends EtcdMember {
  /** The inventory name of the server whose member it is, when one matches. */
  server?: string;
  /** A started, voting member whose own server answers `/health` with true. */
  healthy: boolean;
  /** What was seen when not healthy. */
  seen?: string;
}

/** An inventory server as the health check needs it: its connection when it answers. */
export interface EtcdServer {
  name: string;
  address: string;
  transport?: Transport;
}

/** What the gateway said when it answered with an error (`{"code":…,"message":…}`). */
function gatewayError(doc: { code?: number; message?: string; error?: string }): string | undefined {
  if (doc.code === undefined && doc.error === undefined) return undefined;
  return doc.message ?? doc.error ?? `code ${String(doc.code)}`;
}

function parseMembers(stdout: string): EtcdMember[] {
  let doc: {
    code?: number;
    message?: string;
    error?: string;
    members?: {
      ID?: string;
      name?: string;
      clientURLs?: string[];
      peerURLs?: string[];
      isLearner?: boolean;
    }[];
  };
  try {
    doc = JSON.parse(stdout) as typeof doc;
  } catch {
    throw new RunError(`etcd member list: not JSON: ${stdout.trim().slice(0, 200)}`);
  }
  // A learner's etcd refuses the (linearizable) member list: "rpc not supported for learner".
  const error = gatewayError(doc);
  if (error !== undefined) throw new RunError(`etcd member list: ${error}`);
  return (doc.members ?? []).map((m) => ({
    id: m.ID ?? '',
    name: m.name ?? '',
    peerURLs: m.peerURLs ?? [],
    clientURL: m.clientURLs?.[0] ?? '',
    isLearner: m.isLearner === true,
  }));
}

/** The etcd members, as the server's local etcd gateway lists them. One exec. */
export async function etcdMemberList(t: Transport): Promise<EtcdMember[]> {
  const r = await t.exec(MEMBER_LIST);
  if (r.code !== 0) throw new RunError(`etcd member list failed: ${(r.stderr || r.stdout).trim()}`);
  return parseMembers(r.stdout);
}

/** The host part of a URL, without IPv6 brackets. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/**
 * Whether a member is a node's, exactly: by the name RKE2 gave it (the Node's
 * `etcd.rke2.cattle.io/node-name` annotation, or `<node>-<8 hex>` from k3s `setName`) or by its
 * peer URL's address. Never by prefix: `cp-1-…` is not `cp`'s.
 */
export function isMemberOf(
  m: EtcdMember,
  node: { name: string; address: string; annotatedName?: string | undefined },
): boolean {
  if (node.annotatedName !== undefined && node.annotatedName !== '' && m.name === node.annotatedName)
    return true;
  const escaped = node.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`^${escaped}-[0-9a-f]{8}$`).test(m.name)) return true;
  const address = node.address.replace(/^\[|\]$/g, '');
  return address !== '' && m.peerURLs.some((u) => hostOf(u) === address);
}

function verdict(m: EtcdMember, health: string | undefined): { healthy: boolean; seen?: string } {
  if (!m.name) return { healthy: false, seen: 'added but not started' };
  if (health === undefined) return { healthy: false, seen: 'its server is not reachable over SSH' };
  if (!/"health"\s*:\s*"true"/.test(health)) return { healthy: false, seen: health || 'no answer' };
  if (m.isLearner) return { healthy: false, seen: 'a learner, not yet promoted to a voting member' };
  return { healthy: true };
}

/**
 * Every etcd member's health: the member list from `from`'s gateway, and each member's `/health`
 * read on its own server (one exec per server, in parallel; `from`'s in the same exec as the
 * list). A member no reachable inventory server owns is not healthy: nobody can vouch for it.
 */
export async function etcdMemberHealth(
  from: EtcdServer & { transport: Transport },
  servers: readonly EtcdServer[],
): Promise<MemberHealth[]> {
  const r = await from.transport.exec(
    `${MEMBER_LIST}; rc=$?; printf '\\n%s\\n' '${HEALTH_MARK}'; ${HEALTH}; exit $rc`,
  );
  const at = r.stdout.lastIndexOf(HEALTH_MARK);
  const list = at < 0 ? r.stdout : r.stdout.slice(0, at);
  if (r.code !== 0) throw new RunError(`etcd member list failed: ${(r.stderr || list).trim()}`);
  const members = parseMembers(list);
  const owners = members.map(
    (m) => servers.find((s) => isMemberOf(m, s)) ?? (isMemberOf(m, from) ? from : undefined),
  );
  const health = new Map<string, string>();
  if (at >= 0) health.set(from.name, r.stdout.slice(at + HEALTH_MARK.length).trim());
  const others = [...new Set(owners)].filter(
    (s): s is EtcdServer => s !== undefined && s.name !== from.name && s.transport !== undefined,
  );
  await Promise.all(
    others.map(async (s) => {
      const h = await s.transport?.exec(HEALTH).catch((e: unknown) => ({
        stdout: e instanceof Error ? e.message : String(e),
      }));
      health.set(s.name, (h?.stdout ?? '').trim());
    }),
  );
  return members.map((m, i) => {
    const owner = owners[i];
    const v = owner
      ? verdict(m, health.get(owner.name))
      : { healthy: false, seen: `no inventory server at ${m.peerURLs[0] ?? '?'}` };
    return { ...m, ...(owner ? { server: owner.name } : {}), ...v };
  });
}

/**
 * Removes an etcd member by id, through a server's local etcd gateway. A member already gone is
 * removed (as k3s `RemovePeer` takes etcd's "member not found"): RKE2 may have been first.
 */
export async function removeEtcdMember(t: Transport, id: string): Promise<void> {
  if (!/^\d+$/.test(id)) throw new RunError(`not an etcd member id: ${id}`);
  const r = await t.exec(`${ETCD_CURL} -X POST -d '{"ID":"${id}"}' ${ETCD_GATEWAY}/v3/cluster/member/remove`);
  let error: string | undefined = r.code !== 0 ? (r.stderr || r.stdout).trim() : undefined;
  if (error === undefined) {
    try {
      error = gatewayError(JSON.parse(r.stdout) as { code?: number; message?: string; error?: string });
    } catch {
      error = `not JSON: ${r.stdout.trim().slice(0, 200)}`;
    }
  }
  if (error !== undefined && !/member not found/.test(error))
    throw new RunError(`removing etcd member ${id} failed: ${error}`);
}

/** How many members may be lost while a majority stays: etcd's quorum arithmetic. */
export function quorumOf(members: number): number {
  return Math.floor(members / 2) + 1;
}
