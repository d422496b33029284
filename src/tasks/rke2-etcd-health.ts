import { RunError } from '../core/errors.ts';
import type { Transport } from '../hosts/transport.ts';
import { RKE2_ETCD_TLS } from './rke2-layout.ts';

/** curl with RKE2's etcd client certificates: how rigger talks to a server's etcd. */
export const ETCD_CURL = [
  'curl -sS --max-time 5',
  `--cacert ${RKE2_ETCD_TLS}/server-ca.crt`,
  `--cert ${RKE2_ETCD_TLS}/server-client.crt`,
  `--key ${RKE2_ETCD_TLS}/server-client.key`,
].join(' ');

/** One etcd member as a server's etcd lists it, and whether it answered its health check. */
export interface MemberHealth {
  /** etcd's member id (decimal, as its JSON API gives it). */
  id: string;
  name: string;
  peerURLs: string[];
  clientURL: string;
  healthy: boolean;
  /** What the check saw when not healthy. */
  seen?: string;
}

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * Every etcd member's health, asked from one server with RKE2's etcd client certificates: the
 * member list from its local etcd, then each member's own `/health` endpoint. One exec.
 */
export async function etcdMemberHealth(t: Transport): Promise<MemberHealth[]> {
  const list = await t.exec(`${ETCD_CURL} -X POST -d '{}' https://127.0.0.1:2379/v3/cluster/member/list`);
  if (list.code !== 0) throw new RunError(`etcd member list failed: ${(list.stderr || list.stdout).trim()}`);
  const doc = JSON.parse(list.stdout) as {
    members?: { ID?: string; name?: string; clientURLs?: string[]; peerURLs?: string[] }[];
  };
  const members = (doc.members ?? []).map((m) => ({
    id: m.ID ?? '',
    name: m.name || `(unstarted member ${m.peerURLs?.[0] ?? '?'})`,
    peerURLs: m.peerURLs ?? [],
    clientURL: m.clientURLs?.[0] ?? '',
  }));
  if (members.length === 0) return [];
  const script = members
    .map((m, i) =>
      m.clientURL
        ? `echo "${i} $(${ETCD_CURL} ${quote(`${m.clientURL}/health`)} 2>&1 | tr '\\n' ' ')"`
        : `echo "${i} no client URL: the member has not started"`,
    )
    .join('\n');
  const r = await t.exec(script);
  const seen = new Map(
    r.stdout
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          [Number(line.slice(0, line.indexOf(' '))), line.slice(line.indexOf(' ') + 1).trim()] as const,
      ),
  );
  return members.map((m, i) => {
    const out = seen.get(i) ?? 'no answer';
    const healthy = /"health"\s*:\s*"true"/.test(out);
    return { ...m, healthy, ...(healthy ? {} : { seen: out }) };
  });
}

/** Removes an etcd member by id, through a server's local etcd. */
export async function removeEtcdMember(t: Transport, id: string): Promise<void> {
  if (!/^\d+$/.test(id)) throw new RunError(`not an etcd member id: ${id}`);
  const r = await t.exec(
    `${ETCD_CURL} -X POST -d '{"ID":"${id}"}' https://127.0.0.1:2379/v3/cluster/member/remove`,
  );
  if (r.code !== 0 || /"error"/.test(r.stdout))
    throw new RunError(`removing etcd member ${id} failed: ${(r.stderr || r.stdout).trim()}`);
}

/** How many members may be lost while a majority stays: etcd's quorum arithmetic. */
export function quorumOf(members: number): number {
  return Math.floor(members / 2) + 1;
}
