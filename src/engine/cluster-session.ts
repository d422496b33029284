/**
 * The cluster side of an operation: its API, reached once through the operation's ClusterLink,
 * and the cluster's run lock (the Lease), taken before the first step that changes the cluster and
 * held, renewed, until the operation ends. A renewal that fails stops the operation's cluster
 * steps before their next change: it can no longer prove it holds the lock.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterLink } from '../kube/cluster-link.ts';
import { acquireClusterLock, type ClusterLock, type ClusterLockOwner } from '../kube/cluster-lock.ts';
import { messageOf } from '../kube/object-ref.ts';
import type { RunEvent } from './events.ts';

export interface ClusterLocking {
  owner: ClusterLockOwner;
  staleSeconds: number;
  heartbeatSeconds: number;
  force: boolean;
}

export class ClusterSession {
  #kc?: Promise<KubeConfig>;
  #lock?: ClusterLock;
  #timer?: NodeJS.Timeout;
  /** Why the operation no longer holds the cluster's lock. */
  lost?: string;

  constructor(
    readonly link: ClusterLink,
    private readonly locking: ClusterLocking | undefined,
    private readonly emit: (e: RunEvent) => void,
  ) {}

  kubeConfig(): Promise<KubeConfig> {
    this.#kc ??= this.link.kubeConfig();
    return this.#kc;
  }

  /** Takes the Lease once (no-op when the operation takes no locks: dry runs and drift). */
  async lock(target: string): Promise<void> {
    const l = this.locking;
    if (!l || this.#lock) return;
    const warn = (message: string): void =>
      this.emit({ type: 'host', host: target, level: 'warning', message });
    this.#lock = await acquireClusterLock(await this.kubeConfig(), l.owner, {
      staleSeconds: l.staleSeconds,
      force: l.force,
      warn,
    });
    this.emit({ type: 'lock', scope: 'cluster', taken: ['kube-system/rigger-run-lock'] });
    const held = this.#lock;
    this.#timer = setInterval(() => {
      held.renew().catch((e: unknown) => {
        this.lost ??= `lost the cluster lock (${e instanceof Error ? messageOf(e) : String(e)}); stopped before its next change`;
      });
    }, l.heartbeatSeconds * 1000);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.#lock?.release().catch(() => undefined);
  }
}
