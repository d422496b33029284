/**
 * The KubeConfig every rigger API client is made from: @kubernetes/client-node's own, with one
 * difference. In client-node 1.x, `applySecurityAuthentication` (called before every request of
 * every generated client and of KubernetesObjectApi) gives the request a new `https.Agent`, so no
 * connection is ever reused and every request pays a TCP connect and a full TLS handshake
 * (kubernetes-client/javascript#2893). client-node 2.x caches one agent per cluster and user, but
 * needs undici 8 and so Node 22.19; rigger supports Node 20. This does what 2.x does: the first
 * agent's TLS options (CA, client certificate, server name, verification) become one keep-alive
 * agent that later requests for the same cluster and user share.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { KubeConfig as ClientKubeConfig } from '@kubernetes/client-node';

type RequestContext = Parameters<ClientKubeConfig['applySecurityAuthentication']>[0];

export class PooledKubeConfig extends ClientKubeConfig {
  readonly #agents = new Map<string, HttpAgent | HttpsAgent>();

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    const fresh = context.getAgent();
    const pooled = fresh && this.#pooled(fresh);
    if (pooled) context.setAgent(pooled);
  }

  /**
   * The shared agent for the current cluster and user; undefined for an agent this cannot copy
   * (a proxy agent: left as client-node made it).
   */
  #pooled(fresh: HttpAgent | HttpsAgent): HttpAgent | HttpsAgent | undefined {
    const plain = fresh.constructor === HttpAgent;
    if (!plain && fresh.constructor !== HttpsAgent) return undefined;
    const key = JSON.stringify([this.getCurrentCluster()?.name ?? '', this.getCurrentUser()?.name ?? '']);
    let agent = this.#agents.get(key);
    if (!agent) {
      // An Agent keeps the options it was made with; keep-alive sockets are unref'd while idle,
      // so they never hold the process open.
      const options = { ...(fresh as HttpsAgent).options, keepAlive: true };
      agent = plain ? new HttpAgent(options) : new HttpsAgent(options);
      this.#agents.set(key, agent);
    }
    fresh.destroy();
    return agent;
  }
}
