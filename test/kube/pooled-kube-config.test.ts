/**
 * rigger's KubeConfig (src/kube/pooled-kube-config.ts) against the real kube-apiserver, through a
 * TCP proxy that counts connections: client-node 1.x's own opens one connection (and one TLS
 * handshake) per request; rigger's reuses them, and idle kept-alive sockets never hold a process
 * open.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PooledKubeConfig } from '../../src/kube/pooled-kube-config.ts';
import { PROJECT_ROOT } from '../../src/core/project-root.ts';
import { startTcpProxy, type TcpProxy } from '../hosts/tcp-proxy.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

let kube: KubeApi;
let proxy: TcpProxy;

beforeAll(async () => {
  kube = await startKubeApi();
  proxy = await startTcpProxy(Number(new URL(kube.server).port));
});

afterAll(async () => {
  await proxy.close();
  await kube.stop();
});

/** A kubeconfig of the test server, reached through the proxy. */
function throughProxy<T extends KubeConfig>(kc: T): T {
  kc.loadFromFile(kube.kubeconfigPath);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the test kubeconfig has no cluster');
  kc.clusters = kc.clusters.map((c) =>
    c.name === cluster.name ? { ...c, server: `https://127.0.0.1:${proxy.port}` } : c,
  );
  return kc;
}

async function connectionsFor(requests: () => Promise<void>): Promise<number> {
  const before = proxy.connections;
  await requests();
  return proxy.connections - before;
}

describe("rigger's KubeConfig reuses connections to the API server", () => {
  it("client-node's own KubeConfig opens a connection per request (the behaviour worked around)", async () => {
    const api = throughProxy(new KubeConfig()).makeApiClient(CoreV1Api);
    const n = await connectionsFor(async () => {
      for (let i = 0; i < 5; i++) await api.listNamespace();
    });
    expect(n).toBe(5);
  });

  it('five requests in turn share one connection, through a generated client and KubernetesObjectApi', async () => {
    const kc = throughProxy(new PooledKubeConfig());
    const core = kc.makeApiClient(CoreV1Api);
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const n = await connectionsFor(async () => {
      for (let i = 0; i < 3; i++) await core.listNamespace();
      await objects.read({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
      await core.readNamespace({ name: 'kube-system' });
    });
    expect(n).toBe(1);
  });

  it('requests at once open a connection each, and the next ones reuse them', async () => {
    const core = throughProxy(new PooledKubeConfig()).makeApiClient(CoreV1Api);
    const first = await connectionsFor(async () => {
      await Promise.all([0, 1, 2].map(() => core.listNamespace()));
    });
    const again = await connectionsFor(async () => {
      await Promise.all([0, 1, 2].map(() => core.listNamespace()));
    });
    expect(first).toBe(3);
    expect(again).toBe(0);
  });

  it('a process that made requests exits on its own: idle kept-alive sockets do not hold it', async () => {
    const script = [
      "import { CoreV1Api } from '@kubernetes/client-node';",
      "import { PooledKubeConfig } from './src/kube/pooled-kube-config.ts';",
      'const kc = new PooledKubeConfig();',
      `kc.loadFromFile(${JSON.stringify(kube.kubeconfigPath)});`,
      'await kc.makeApiClient(CoreV1Api).listNamespace();',
      "console.log('listed');",
    ].join('\n');
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: PROJECT_ROOT,
        timeout: 60_000,
      },
    );
    await expect(run).resolves.toMatchObject({ stdout: 'listed\n' });
  });
});
