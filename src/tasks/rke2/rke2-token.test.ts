import { createHash } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeHost, filesFact } from '../../hosts/fake-transport.ts';
import { Facts } from '../../hosts/probe.ts';
import type { ClusterLink } from '../../kube/cluster-link.ts';
import { rke2Config } from './rke2-configure.ts';
import { CONFIG_PROBE, SERVICE_PROBE } from './rke2-facts.ts';
import { TOKEN_PROBE } from './rke2-token.ts';
import { contextFor } from '../testing.ts';

const TOKEN = 'inventory-secret-token';
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBfounder\n-----END CERTIFICATE-----\n';
const HASH = sha(CA_PEM);
const CONFIG = '/etc/rancher/rke2/config.yaml';

/** A server's facts: its token file as the probe reports it (hash and a sha256 of the credentials). */
function server(token?: { hash: string; creds: string }): Record<string, string> {
  return {
    [SERVICE_PROBE]: `enabled=enabled\nactive=active\n${token ? 'etcd-data=yes' : ''}`,
    [CONFIG_PROBE]: filesFact({ [CONFIG]: token ? `token: ${TOKEN}\n` : undefined }, 0o600),
    [TOKEN_PROBE]: token ? `ca-hash=${token.hash}\ncreds-sha256=${sha(token.creds)}\n` : '',
  };
}
const fresh = (): Record<string, string> => ({
  [SERVICE_PROBE]: 'enabled=disabled\nactive=inactive\n',
  [CONFIG_PROBE]: filesFact({ [CONFIG]: undefined }),
  [TOKEN_PROBE]: '',
});

function ctxFor(
  host: string,
  own: Record<string, string>,
  founder: Record<string, string>,
  cluster?: ClusterLink,
  others: Record<string, Record<string, string>> = {},
) {
  const facts = new Map(
    Object.entries({ ...others, 'cp-1': founder, [host]: own }).map(([n, f]) => [
      n,
      new Facts(n, new Map(Object.entries(f))),
    ]),
  );
  return contextFor(host, own, undefined, {
    fleet: { facts, registrationAnswers: true },
    secrets: new Map([['cluster.token', TOKEN]]),
    ...(cluster ? { cluster } : {}),
  });
}

async function written(
  host: string,
  ctx: ReturnType<typeof ctxFor>,
): Promise<{ token: string; text: string }> {
  const fake = new FakeHost(host, new Map([[CONFIG_PROBE, ctx.facts.get(CONFIG_PROBE)]]));
  for (const c of rke2Config.plan(ctx)) await c.apply(fake);
  const text = fake.writes.find((w) => w.path === CONFIG)?.content ?? '';
  return { token: (parse(text) as { token: string }).token, text };
}

describe('the join token', () => {
  it("gives a joiner the secure token pinned to the CA hash in the founder's token file", async () => {
    const ctx = ctxFor('cp-2', fresh(), server({ hash: HASH, creds: `server:${TOKEN}` }));
    const plan = rke2Config.plan(ctx);
    // The plan shows that the file changes, never the token.
    expect(JSON.stringify(plan.map((c) => [c.summary, c.diff]))).not.toContain(TOKEN);
    expect((await written('cp-2', ctx)).token).toBe(`K10${HASH}::server:${TOKEN}`);
  });

  it('agents join with it too; the founder keeps the short token', async () => {
    const founder = server({ hash: HASH, creds: `server:${TOKEN}` });
    expect((await written('worker-1', ctxFor('worker-1', fresh(), founder))).token).toBe(
      `K10${HASH}::server:${TOKEN}`,
    );
    expect((await written('cp-1', ctxFor('cp-1', founder, founder))).token).toBe(TOKEN);
  });

  it('changes a joined node that still has the short token (the node is restarted by rke2-service)', () => {
    const own = { ...fresh(), [CONFIG_PROBE]: filesFact({ [CONFIG]: `token: ${TOKEN}\n` }, 0o600) };
    const plan = rke2Config.plan(ctxFor('cp-2', own, server({ hash: HASH, creds: `server:${TOKEN}` })));
    expect(plan.map((c) => c.summary)).toEqual([`update ${CONFIG}`]);
  });

  it("refuses a cluster whose token file holds other credentials than the inventory's", () => {
    const ctx = ctxFor('cp-2', fresh(), server({ hash: HASH, creds: 'server:someone-elses' }));
    expect(() => rke2Config.plan(ctx)).toThrow(
      /cp-1: .*server\/token holds other credentials than cluster.token/,
    );
  });

  it('refuses servers of two different CAs: they are two clusters', () => {
    const ctx = ctxFor('cp-2', fresh(), server({ hash: HASH, creds: `server:${TOKEN}` }), undefined, {
      'cp-3': server({ hash: sha('other'), creds: `server:${TOKEN}` }),
    });
    expect(() => rke2Config.plan(ctx)).toThrow(
      /different cluster CAs \(cp-1: .*, cp-3: .*\): they are not one cluster/,
    );
  });

  it('when the cluster is founded in this run, pins the CA the founder serves, and the re-check agrees', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        { name: 'c', server: 'https://10.20.0.11:6443', caData: Buffer.from(CA_PEM).toString('base64') },
      ],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const cluster: ClusterLink = {
      node: () => Promise.resolve(undefined),
      kubeConfig: () => Promise.resolve(kc),
    };
    // At the start of the run the founder had no token file yet.
    const ctx = ctxFor('cp-2', fresh(), fresh(), cluster);
    const plan = rke2Config.plan(ctx);
    expect(plan.map((c) => c.summary)).toEqual([
      `create ${CONFIG} (mode 0600), the join token pinned to the CA the cluster serves (no server's token file was read at the start of the run)`,
    ]);
    const { token, text } = await written('cp-2', ctx);
    expect(token).toBe(`K10${HASH}::server:${TOKEN}`);
    const after = ctxFor(
      'cp-2',
      { ...fresh(), [CONFIG_PROBE]: filesFact({ [CONFIG]: text }, 0o600) },
      fresh(),
      cluster,
    );
    expect(rke2Config.plan(after)).toEqual([]);
  });
});
