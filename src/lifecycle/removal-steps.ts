import type { KubeConfig, V1Node } from '@kubernetes/client-node';
import { CoreV1Api } from '@kubernetes/client-node';
import type { Transport } from '../hosts/transport.ts';
import { cordon, drainNode, skipReason } from '../kube/drain.ts';
import type { Rke2Layout } from '../tasks/rke2/rke2-layout.ts';
import { deleteNodeStep, etcdMemberStep, nodeApi, type NodeApi } from './node-deletion.ts';
import type { LifecycleStep } from './step.ts';

/** What the removal of one node works with. */
export interface Removal {
  node: string;
  /** Its address, to find its etcd member by peer URL. */
  address: string;
  role: 'server' | 'agent';
  /** Its etcd member's name from the Node's `etcd.rke2.cattle.io/node-name`, when it had one. */
  etcdName?: string;
  layout: Rke2Layout;
  kc: KubeConfig;
  /** Node reads and deletes; from `kc` unless a test gives its own. */
  nodes?: NodeApi;
  /** Another server, healthy: runs the snapshot and the etcd member checks. */
  peer: { name: string; transport: Transport; layout: Rke2Layout };
  /** The node's own host when it answers over SSH; undefined when it is dead. */
  self?: Transport;
  drain: { timeoutMs: number; force: boolean };
  /** How long a deleted Node may stay Terminating (default 180 s). */
  nodeGoneMs?: number;
  snapshotName: string;
  log: (line: string) => void;
}

const UNREACHABLE = 'the host does not answer over SSH: skipped (do it by hand if it ever comes back)';

/** The safe order of removing a node (rke2.md section 4), each step resumable. */
export function removalSteps(r: Removal): LifecycleStep[] {
  const nodes = r.nodes ?? nodeApi(r.kc);
  const deletion = {
    node: r.node,
    address: r.address,
    role: r.role,
    ...(r.etcdName ? { etcdName: r.etcdName } : {}),
    nodes,
    peer: r.peer,
    waits: { nodeGoneMs: r.nodeGoneMs ?? 180_000, pollMs: 2000 },
    log: r.log,
  };
  return [
    ...(r.role === 'server' ? [snapshotStep(r, nodes)] : []),
    cordonStep(r, nodes),
    drainStep(r, nodes),
    stopStep(r),
    deleteNodeStep(deletion),
    ...(r.role === 'server' ? [etcdMemberStep(deletion)] : []),
    uninstallStep(r),
  ];
}

/**
 * One snapshot per incarnation of the node (its Node's uid in the name): a rerun of an
 * interrupted removal finds it and goes on; a later removal of a new node of that name takes its
 * own. Once the Node is gone, the destructive steps have begun and the snapshot is behind us.
 */
function snapshotStep(r: Removal, nodes: NodeApi): LifecycleStep {
  const snapshotFor = (n: V1Node): string => `${r.snapshotName}-${(n.metadata?.uid ?? 'x').slice(0, 8)}`;
  return {
    id: 'etcd-snapshot',
    title: `etcd snapshot of the cluster on ${r.peer.name}`,
    check: async () => {
      const n = await nodes.read(r.node);
      if (!n) return undefined;
      const list = await r.peer.transport.exec(`${r.peer.layout.binary} etcd-snapshot list 2>&1`);
      return list.stdout.includes(snapshotFor(n))
        ? undefined
        : `save etcd snapshot ${snapshotFor(n)} on ${r.peer.name}`;
    },
    apply: async () => {
      const n = await nodes.read(r.node);
      if (n)
        await r.peer.transport.run(`${r.peer.layout.binary} etcd-snapshot save --name ${snapshotFor(n)}`);
    },
  };
}

function cordonStep(r: Removal, nodes: NodeApi): LifecycleStep {
  return {
    id: 'cordon',
    title: `cordon ${r.node}`,
    check: async () => {
      const n = await nodes.read(r.node);
      return n && n.spec?.unschedulable !== true && !n.metadata?.deletionTimestamp
        ? `cordon Node ${r.node}`
        : undefined;
    },
    apply: async () => {
      await cordon(r.kc, r.node);
    },
  };
}

function drainStep(r: Removal, nodes: NodeApi): LifecycleStep {
  return {
    id: 'drain',
    title: `drain ${r.node}`,
    check: async () => {
      if (!(await nodes.read(r.node))) return undefined;
      const core = r.kc.makeApiClient(CoreV1Api);
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
  };
}

function stopStep(r: Removal): LifecycleStep {
  return {
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
  };
}

function uninstallStep(r: Removal): LifecycleStep {
  return {
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
  };
}
