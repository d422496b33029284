/**
 * The secure join token. A short token lets a joining node trust whatever answers at the
 * registration address; `K10<ca-hash>::<credentials>` makes it check the cluster CA's hash
 * before it sends its credentials (k3s docs cli/token.md, "Secure"). The founder writes that form
 * to `/var/lib/rancher/rke2/server/token` (servers that join keep a copy), so rigger reads the CA
 * hash from there, over SSH, and never moves the file's secret: a probe reports the hash and
 * only a sha256 of the credentials, which must be the inventory's `cluster.token`.
 */
import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { RunError } from '../../core/errors.ts';
import type { Facts, Probe } from '../../hosts/probe.ts';
import { RKE2_SERVER_TOKEN, rke2Role } from './rke2-layout.ts';
import type { TaskContext } from '../task.ts';

export const TOKEN_PROBE = 'rke2:server-token';

const SECURE = /^K10([0-9a-f]{64})::(.+)$/;

export function serverTokenProbe(): Probe {
  const f = RKE2_SERVER_TOKEN;
  return {
    id: TOKEN_PROBE,
    script: `if [ -f ${f} ]; then sed -n 's/^K10\\([0-9a-f]\\{64\\}\\)::.*$/ca-hash=\\1/p' ${f}; printf 'creds-sha256=%s\\n' "$(sed -n 's/^K10[0-9a-f]*:://p' ${f} | tr -d '\\n' | sha256sum | cut -d' ' -f1)"; fi`,
  };
}

interface ServerToken {
  caHash?: string;
  credsSha256?: string;
}

function parseServerToken(facts: Facts): ServerToken {
  const raw = facts.has(TOKEN_PROBE) ? facts.get(TOKEN_PROBE) : '';
  const caHash = /^ca-hash=([0-9a-f]{64})$/m.exec(raw)?.[1];
  const credsSha256 = /^creds-sha256=([0-9a-f]{64})$/m.exec(raw)?.[1];
  return { ...(caHash ? { caHash } : {}), ...(credsSha256 ? { credsSha256 } : {}) };
}

/** The credentials part of a token: a short token `s` is the server's `server:s`. */
function credentialsOf(token: string): string {
  return SECURE.exec(token)?.[2] ?? `server:${token}`;
}

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

export function secureToken(caHash: string, token: string): string {
  return `K10${caHash}::${credentialsOf(token)}`;
}

/**
 * The cluster CA's hash as the servers' token files hold it, from the facts of the run's start;
 * undefined when none was read (the cluster is founded in this run, or no server is in it). Refuses token files
 * of other credentials than `cluster.token`, and servers of two different CAs (two clusters).
 */
export function clusterCaHash(
  ctx: Pick<TaskContext, 'inventory' | 'fleet'>,
  token: string,
): string | undefined {
  const seen = new Map<string, string>();
  for (const h of ctx.inventory.hosts) {
    const facts = ctx.fleet.facts.get(h.name);
    if (rke2Role(h) !== 'server' || !facts) continue;
    const t = parseServerToken(facts);
    if (!t.caHash) continue;
    if (t.credsSha256 !== sha256(credentialsOf(token)))
      throw new RunError(
        `${h.name}: ${RKE2_SERVER_TOKEN} holds other credentials than cluster.token: the inventory's token is not this cluster's`,
      );
    seen.set(h.name, t.caHash);
  }
  const hashes = new Set(seen.values());
  if (hashes.size > 1)
    throw new RunError(
      `the servers have different cluster CAs (${[...seen].map(([n, hash]) => `${n}: ${hash.slice(0, 12)}…`).join(', ')}): they are not one cluster`,
    );
  return [...hashes][0];
}

/** The CA hash of an existing config's token, when it is a secure token of these credentials. */
export function pinnedHashOf(configToken: unknown, token: string): string | undefined {
  if (typeof configToken !== 'string') return undefined;
  const m = SECURE.exec(configToken);
  return m?.[1] && m[2] === credentialsOf(token) ? m[1] : undefined;
}

/**
 * The CA hash when no token file was read at the start of the run, taken when a joiner's config
 * is written: a server's kubeconfig embeds its server CA as stored on disk, which is what a
 * self-signed cluster's token hashes (k3s docs cli/token.md). A run that reaches a server reads
 * the token file instead, and corrects the config if the two ever differ.
 */
export async function caHashFromCluster(ctx: Pick<TaskContext, 'cluster'>): Promise<string> {
  const kc: KubeConfig = await ctx.cluster.kubeConfig();
  const ca = kc.getCurrentCluster()?.caData;
  if (!ca) throw new RunError('the cluster kubeconfig has no CA data to pin the join token to');
  return sha256(Buffer.from(ca, 'base64'));
}
