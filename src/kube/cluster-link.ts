/**
 * The cluster's API as rigger reaches it during a run: through the kubeconfig RKE2 wrote on a
 * server, pointed at that server's own address. Tasks use it to see what the API server says of a
 * node (registered, Ready, roles) after starting RKE2 on it.
 */
import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import { PooledKubeConfig } from './pooled-kube-config.ts';
import { RunError } from '../core/errors.ts';
import type { Transport } from '../hosts/transport.ts';
import { messageOf, statusOf } from './object-ref.ts';
import { apiUrl, pointKubeconfig } from './rke2-kubeconfig.ts';

export const RKE2_KUBECONFIG_PATH = '/etc/rancher/rke2/rke2.yaml';

export interface ClusterLink {
  /** The Node as the API server has it now; undefined when there is no such Node. */
  node(name: string): Promise<V1Node | undefined>;
  /** A kubeconfig that reaches the API server now (for the cluster phases). */
  kubeConfig(): Promise<KubeConfig>;
}

/** A server a link may read rke2.yaml from; connected only when it is asked. */
export interface ServerSource {
  name: string;
  address: string;
  transport: () => Promise<Transport>;
}

/** The first server whose own API answers, with its rke2.yaml (still pointing at 127.0.0.1). */
export async function healthyServerKubeconfig(
  servers: readonly ServerSource[],
): Promise<{ server: ServerSource; text: string; kubeConfig: KubeConfig }> {
  const seen: string[] = [];
  for (const s of servers) {
    try {
      const read = await (await s.transport()).exec(`cat ${RKE2_KUBECONFIG_PATH}`);
      if (read.code !== 0) {
        seen.push(`${s.name}: no ${RKE2_KUBECONFIG_PATH}`);
        continue;
      }
      const kubeConfig = new PooledKubeConfig();
      kubeConfig.loadFromString(pointKubeconfig(read.stdout, apiUrl(s.address)));
      await kubeConfig.makeApiClient(CoreV1Api).listNode({ limit: 1 });
      return { server: s, text: read.stdout, kubeConfig };
    } catch (e) {
      seen.push(`${s.name}: ${messageOf(e)}`);
    }
  }
  throw new RunError(
    `no healthy RKE2 server: ${seen.length ? seen.join('; ') : 'no server of the inventory was reached'}`,
  );
}

/** A link that finds a healthy server on first use and again after the one it used failed. */
export class Rke2ClusterLink implements ClusterLink {
  #kc: KubeConfig | undefined;

  constructor(private readonly servers: () => readonly ServerSource[]) {}

  async kubeConfig(): Promise<KubeConfig> {
    this.#kc ??= (await healthyServerKubeconfig(this.servers())).kubeConfig;
    return this.#kc;
  }

  async node(name: string): Promise<V1Node | undefined> {
    const api = (await this.kubeConfig()).makeApiClient(CoreV1Api);
    try {
      return await api.readNode({ name });
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      this.#kc = undefined;
      throw e;
    }
  }
}

/** A cluster reached through a kubeconfig the operator gave (`--kubeconfig`): no SSH needed. */
export class KubeconfigClusterLink implements ClusterLink {
  constructor(private readonly kc: KubeConfig) {}

  kubeConfig(): Promise<KubeConfig> {
    return Promise.resolve(this.kc);
  }

  async node(name: string): Promise<V1Node | undefined> {
    try {
      return await this.kc.makeApiClient(CoreV1Api).readNode({ name });
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }
}

/** For runs and tests that never reach a cluster: any use is a bug in the playbook. */
export const NO_CLUSTER: ClusterLink = {
  node: () => Promise.reject(new RunError('this run has no cluster to ask (no RKE2 server in it)')),
  kubeConfig: () => Promise.reject(new RunError('this run has no cluster to ask (no RKE2 server in it)')),
};
