import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';
import type { Transport } from '../hosts/transport.ts';
import { cordon, drainNode, skipReason } from '../kube/drain.ts';
import { statusOf } from '../kube/object-ref.ts';
import { etcdMemberHealth, removeEtcdMember, type MemberHealth } from '../tasks/rke2-etcd-health.ts';
import type { Rke2Layout } from '../tasks/rke2-layout.ts';
import type { LifecycleStep } from './step.ts';

/** What the removal of one node works with. */
export interface Removal {
  node: string;
  /** Its address, to find its etcd member by peer URL. */
  address: string;
  role: 'server' | 'agent';
  layout: Rke2Layout;
  kc: KubeConfig;
  /** Another server, healthy: runs the snapshot and the etcd member checks. */
  peer: { name: string; transport: Transport; layout: Rke2Layout };
  /** The node's own host when it answers over SSH; undefined when it is dead. */
  self?: Transport;
  drain: { timeoutMs: number; force: boolean };
  snapshotName: string;
  log: (line: string) => void;
}

async function readNode(kc: KubeConfig, name: string): Promise<V1Node | undefined> {
  try {
    return await kc.makeApiClient(CoreV1Api).readNode({ name });
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/** The node's etcd member: by the name RKE2 gives it (`<node>-<hash>`) or by its peer address. */
export function memberOfNode(
  members: readonly MemberHealth[],
  node: string,
  address: string,
): MemberHealth | undefined {
  const host = address.includes(':') ? `[${address}]` : address;
  return members.find(
    (m) =>
      m.name === node || m.name.startsWith(`${node}-`) || m.peerURLs.some((u) => u.includes(`//${host}:`)),
  );
}

const UNREACHABLE = 'the host does not answer over SSH: skipped (do it by hand if it ever comes back)';

/** The safe order of removing a node (rke2.md section 4), each step resumable. */
export function removalSteps(r: Removal): LifecycleStep[] {
  const server = r.role === 'server';
  const core = r.kc.makeApiClient(CoreV1Api);
  const steps: LifecycleStep[] = [];
  // One snapshot per incarnation of the node (its Node's uid in the name): a rerun of an
  // interrupted removal finds it and goes on; a later removal of a new node of that name takes its
  // own. Once the Node is gone, the destructive steps have begun and the snapshot is behind us.
  const snapshotFor = (n: V1Node): string => `${r.snapshotName}-${(n.metadata?.uid ?? 'x').slice(0, 8)}`;
  if (server)
    steps.push({
      id: 'etcd-snapshot',
      title: `etcd snapshot of the cluster on ${r.peer.name}`,
      check: async () => {
        const n = await readNode(r.kc, r.node);
        if (!n) return undefined;
        const list = await r.peer.transport.exec(`${r.peer.layout.binary} etcd-snapshot list 2>&1`);
        return list.stdout.includes(snapshotFor(n))
          ? undefined
          : `save etcd snapshot ${snapshotFor(n)} on ${r.peer.name}`;
      },
      apply: async () => {
        const n = await readNode(r.kc, r.node);
        if (n)
          await r.peer.transport.run(`${r.peer.layout.binary} etcd-snapshot save --name ${snapshotFor(n)}`);
      },
    });
  steps.push(
    {
      id: 'cordon',
      title: `cordon ${r.node}`,
      check: async () => {
        const n = await readNode(r.kc, r.node);
        return n && n.spec?.unschedulable !== true ? `cordon Node ${r.node}` : undefined;
      },
      apply: async () => {
        await cordon(r.kc, r.node);
      },
    },
    {
      id: 'drain',
      title: `drain ${r.node}`,
      check: async () => {
        if (!(await readNode(r.kc, r.node))) return undefined;
        const pods = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${r.node}` });
        const evict = pods.items.filter((p) => !skipReason(p) && !p.metadata?.deletionTimestamp);
        return evict.length
          ? `evict ${evict.length} pod(s) from ${r.node}: ${evict.map((p) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`).join(', ')}`
          : undefined;
      },
      apply: async () => {
        const done = await drainNode(r.kc, r.node, { ...r.drain, log: r.log });
        if (done.deleted.length) r.log(`${r.node}: deleted (--force) ${done.deleted.join(', ')}`);
      },
    },
    {
      id: 'stop-rke2',
      title: `stop and disable ${r.layout.unit} on ${r.node}`,
      ...(r.self ? {} : { skip: UNREACHABLE }),
      check: async () => {
        const s = await r.self?.exec(
          `systemctl is-enabled ${r.layout.unit}; systemctl is-active ${r.layout.unit}`,
        );
        const [enabled, active] = (s?.stdout ?? '').trim().split('\n');
        return enabled === 'enabled' || active === 'active' || active === 'activating'
          ? `systemctl disable --now ${r.layout.unit} (${enabled ?? '?'}, ${active ?? '?'})`
          : undefined;
      },
      apply: async () => {
        await r.self?.run(`systemctl disable --now ${r.layout.unit}`);
      },
    },
    {
      id: 'delete-node',
      title: `delete Node ${r.node}`,
      check: async () => ((await readNode(r.kc, r.node)) ? `delete Node ${r.node}` : undefined),
      apply: async () => {
        await core.deleteNode({ name: r.node });
      },
    },
  );
  if (server)
    steps.push({
      id: 'etcd-member',
      title: `etcd member of ${r.node} gone`,
      check: async () => {
        const m = memberOfNode(await etcdMemberHealth(r.peer.transport), r.node, r.address);
        return m ? `remove etcd member ${m.name} (${m.id})` : undefined;
      },
      apply: async () => {
        // RKE2's etcd member controller removes the member of a deleted Node; give it a moment,
        // then remove it explicitly (older releases sometimes did not).
        for (let i = 0; i < 15; i++) {
          const m = memberOfNode(await etcdMemberHealth(r.peer.transport), r.node, r.address);
          if (!m) return;
          if (i === 14) {
            r.log(`${r.node}: RKE2 did not remove etcd member ${m.name}; removing it explicitly`);
            await removeEtcdMember(r.peer.transport, m.id);
            return;
          }
          await new Promise((res) => setTimeout(res, 1000));
        }
      },
    });
  steps.push({
    id: 'uninstall-rke2',
    title: `uninstall RKE2 on ${r.node}`,
    ...(r.self ? {} : { skip: UNREACHABLE }),
    check: async () => {
      const s = await r.self?.exec(`test -e ${r.layout.binary} && echo installed`);
      return s?.stdout.includes('installed')
        ? `run rke2-killall.sh and rke2-uninstall.sh on ${r.node}`
        : undefined;
    },
    apply: async () => {
      const bin = `${r.layout.prefix}/bin`;
      await r.self?.run(
        `${bin}/rke2-killall.sh >/dev/null 2>&1 || true; ${bin}/rke2-uninstall.sh >/dev/null 2>&1`,
      );
    },
  });
  return steps;
}
