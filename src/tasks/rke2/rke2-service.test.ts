import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { FakeHost, filesFact } from '../../hosts/fake-transport.ts';
import { Facts } from '../../hosts/probe.ts';
import { rke2Config } from './rke2-configure.ts';
import { CONFIG_PROBE, NODE_PROBE, parseNode, SERVICE_PROBE } from './rke2-facts.ts';
import { rke2Service } from './rke2-service.ts';
import { TOKEN_PROBE } from './rke2-token.ts';
import { contextFor } from '../testing.ts';

const CONFIG = '/etc/rancher/rke2/config.yaml';
const TOKEN = 'inventory-secret-token';

function node(name: string, conditions: Record<string, string>, server = true): V1Node {
  return {
    metadata: {
      name,
      labels: server
        ? { 'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/etcd': 'true' }
        : {},
    },
    status: {
      conditions: Object.entries(conditions).map(([type, status]) => ({
        type,
        status,
        ...(status === 'True' ? {} : { reason: 'KubeletNotReady', message: 'cni plugin not initialized' }),
      })),
      nodeInfo: { kubeletVersion: 'v1.35.7+rke2r1' } as NonNullable<V1Node['status']>['nodeInfo'],
    },
  };
}

const served = (n: V1Node): string => `${JSON.stringify(n)}\nhttp=200`;

/** A running node whose config is what rigger renders, with its Node as the probe read it. */
async function running(host: string, nodeFact: string) {
  const base = {
    [SERVICE_PROBE]: 'enabled=enabled\nactive=active\nsince=200\nconfig-mtime=100\netcd-data=yes',
    [CONFIG_PROBE]: filesFact({ [CONFIG]: undefined }),
    [TOKEN_PROBE]: '',
    [NODE_PROBE]: nodeFact,
  };
  const ctxOf = (facts: Record<string, string>) =>
    contextFor(host, facts, undefined, {
      fleet: {
        facts: new Map([[host, new Facts(host, new Map(Object.entries(facts)))]]),
        registrationAnswers: false,
      },
      secrets: new Map([['cluster.token', TOKEN]]),
    });
  const fake = new FakeHost(host, new Map([[CONFIG_PROBE, base[CONFIG_PROBE]]]));
  for (const c of rke2Config.plan(ctxOf(base))) await c.apply(fake);
  return ctxOf({ ...base, [CONFIG_PROBE]: fake.facts.get(CONFIG_PROBE) ?? '' });
}

describe('rke2-service on a running node', () => {
  it('has nothing to do when the Node is Ready and its etcd member votes', async () => {
    const ctx = await running('cp-1', served(node('cp-1', { Ready: 'True', EtcdIsVoter: 'True' })));
    expect(rke2Service.plan(ctx)).toEqual([]);
  });

  it('waits again for a NotReady node instead of calling it unchanged', async () => {
    const ctx = await running('cp-1', served(node('cp-1', { Ready: 'False', EtcdIsVoter: 'True' })));
    expect(rke2Service.plan(ctx).map((c) => c.summary)).toEqual([
      'wait until cp-1 is ready: rke2-server runs, but its Node: Ready=False (cni plugin not initialized)',
    ]);
  });

  it('waits for a server whose etcd member is not a voter', async () => {
    const ctx = await running('cp-1', served(node('cp-1', { Ready: 'True', EtcdIsVoter: 'False' })));
    expect(rke2Service.plan(ctx).map((c) => c.summary)).toEqual([
      'wait until cp-1 is ready: rke2-server runs, but its Node: EtcdIsVoter=False (KubeletNotReady: cni plugin not initialized)',
    ]);
  });

  it('does not call a node ready when the API server cannot tell', async () => {
    const refused = 'curl: (7) Failed to connect to 127.0.0.1 port 6443: Connection refused\nhttp=000';
    const ctx = await running('cp-1', refused);
    expect(rke2Service.plan(ctx).map((c) => c.summary)).toEqual([
      'wait until cp-1 is ready: rke2-server runs, but its Node: the API server did not answer (curl: (7) Failed to connect to 127.0.0.1 port 6443: Connection refused)',
    ]);
    expect(parseNode(new Facts('cp-1', new Map([[NODE_PROBE, '{"kind":"Status"}\nhttp=404']])))).toEqual({
      state: 'unreadable',
      seen: 'not registered in the API server',
    });
  });

  it("reads an agent's Node through its kubelet's own credentials, at its kubelet's address", () => {
    const { inventory, host } = contextFor('worker-1', {});
    const probe = rke2Service.probes({ inventory, host }).find((p) => p.id === NODE_PROBE);
    // The probe run by a real shell, the data dir moved to a temp dir and curl replaced by one
    // that prints its arguments and a 200.
    const dir = mkdtempSync(join(tmpdir(), 'rigger-node-probe-'));
    mkdirSync(join(dir, 'data/agent'), { recursive: true });
    writeFileSync(
      join(dir, 'data/agent/kubelet.kubeconfig'),
      'clusters:\n- cluster:\n    server: https://127.0.0.1:6443\n',
    );
    writeFileSync(join(dir, 'curl'), '#!/bin/sh\necho "$@"\nprintf "\\nhttp=200\\n"\n');
    chmodSync(join(dir, 'curl'), 0o755);
    const script = (probe?.script ?? '').replaceAll('/var/lib/rancher/rke2', join(dir, 'data'));
    const out = execFileSync('sh', ['-c', script], {
      encoding: 'utf8',
      env: { PATH: `${dir}:/usr/bin:/bin` },
    });
    expect(out).toContain(
      `--cert ${dir}/data/agent/client-kubelet.crt --key ${dir}/data/agent/client-kubelet.key`,
    );
    expect(out).toContain('https://127.0.0.1:6443/api/v1/nodes/worker-1');
    expect(out.trim().endsWith('http=200')).toBe(true);
  });
});
