/**
 * remove-node (and replace-node's removal) as an Operation for the manager: it opens the old
 * node's host (it may be dead) and the other servers, and under their locks checks every
 * precondition, refusing with its reason before anything changes; then one phase removes the
 * node in the safe order, under the cluster's Lease.
 */
import type { KubeConfig, V1Node } from '@kubernetes/client-node';
import { ConfigError, RunError } from '../core/errors.ts';
import type { HostRun } from '../engine/host-run.ts';
import type { Operation } from '../engine/operation.ts';
import { HOST_PROBES } from '../hosts/host-facts.ts';
import type { Transport } from '../hosts/transport.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import { healthyServerKubeconfig, type ClusterLink } from '../kube/cluster-link.ts';
import type { EtcdServer } from '../tasks/rke2/rke2-etcd-health.ts';
import { rke2Layout, rke2Role } from '../tasks/rke2/rke2-layout.ts';
import { ETCD_NODE_NAME_ANNOTATION } from '../tasks/rke2/rke2-readiness.ts';
import { nodeApi } from './node-deletion.ts';
import { checkRemoval } from './removal-preconditions.ts';
import { removalSteps, type Removal } from './removal-steps.ts';
import { engineStep } from './step.ts';

/** What the command line asks, checked before anything is connected. */
export interface RemovalRequest {
  command: 'remove-node' | 'replace-node';
  file: string;
  oldName: string;
  newHost?: Host;
  inventory: Inventory;
  drainTimeoutMs: number;
  force: boolean;
  /** Shown to the operator (the preconditions' notes). */
  note: (line: string) => void;
}

/** The cluster as a healthy other server shows it, and the node to remove. */
export interface Scene {
  peer: { name: string; address: string; transport: Transport; layout: ReturnType<typeof rke2Layout> };
  kc: KubeConfig;
  node: V1Node | undefined;
  old: Host;
  role: 'server' | 'agent';
  /** The other servers of the inventory (neither the old nor the new host). */
  others: Host[];
}

const ROLE_LABEL = 'node-role.kubernetes.io/control-plane';

/** The node to remove as rigger knows it: from the inventory, else from its Node object. */
function oldHost(inventory: Inventory, name: string, node: V1Node | undefined): Host | undefined {
  const inInventory = inventory.hosts.find((h) => h.name === name);
  if (inInventory) return inInventory;
  if (!node) return undefined;
  const address = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const server = node.metadata?.labels?.[ROLE_LABEL] === 'true';
  const flatcar = /flatcar/i.test(node.status?.nodeInfo?.osImage ?? '');
  return {
    name,
    address,
    roles: server ? ['control-plane'] : ['worker'],
    os: flatcar ? 'flatcar' : 'ubuntu',
    labels: {},
    taints: [],
  };
}

const transportOf = (runs: ReadonlyMap<string, HostRun>, h: Host): Transport | undefined =>
  runs.get(h.name)?.transport;

async function inspect(
  req: RemovalRequest,
  runs: ReadonlyMap<string, HostRun>,
  others: Host[],
): Promise<Scene> {
  const healthy = await healthyServerKubeconfig(
    others.map((h) => ({
      name: h.name,
      address: h.address,
      transport: () => {
        const t = transportOf(runs, h);
        return t
          ? Promise.resolve(t)
          : Promise.reject(new RunError(`${h.name} does not answer over SSH at ${h.address}`));
      },
    })),
  );
  const peerHost = others.find((h) => h.name === healthy.server.name) as Host;
  const kc = healthy.kubeConfig;
  const node = await nodeApi(kc).read(req.oldName);
  const old = oldHost(req.inventory, req.oldName, node);
  if (!old)
    throw ConfigError.plain(
      req.file,
      `no host or Node named ${req.oldName}: neither the inventory nor the cluster knows it`,
    );
  const peer = {
    name: peerHost.name,
    address: peerHost.address,
    transport: await healthy.server.transport(),
    layout: rke2Layout(peerHost),
  };
  return { peer, kc, node, old, role: rke2Role(old), others };
}

const etcdNameOf = (node: V1Node | undefined): string | undefined =>
  node?.metadata?.annotations?.[ETCD_NODE_NAME_ANNOTATION];

/** Each precondition of the removal, refused with its reason before anything changes. */
async function checkPreconditions(
  req: RemovalRequest,
  scene: Scene,
  runs: ReadonlyMap<string, HostRun>,
): Promise<void> {
  const servers: EtcdServer[] =
    scene.role === 'server'
      ? [...scene.others, scene.old].map((h) => {
          const transport = transportOf(runs, h);
          return { name: h.name, address: h.address, ...(transport ? { transport } : {}) };
        })
      : [];
  const etcdName = etcdNameOf(scene.node);
  const line = await checkRemoval({
    file: req.file,
    oldName: req.oldName,
    old: scene.old,
    role: scene.role,
    ...(etcdName ? { etcdName } : {}),
    ...(req.newHost ? { newHost: req.newHost } : {}),
    peer: scene.peer,
    servers,
    kc: scene.kc,
    requiredServers: req.inventory.cluster.allowSingleServer ? 1 : 3,
  });
  if (line) req.note(line);
}

/** The removal as an Operation; `scene()` is what its preflight found (for the closing notes). */
export function removalOperation(req: RemovalRequest): { op: Operation; scene: () => Scene | undefined } {
  const { inventory, oldName, newHost } = req;
  const others = inventory.hosts.filter(
    (h) => h.name !== oldName && h.name !== newHost?.name && rke2Role(h) === 'server',
  );
  const listed = inventory.hosts.find((h) => h.name === oldName);
  let scene: Scene | undefined;
  let opened: ReadonlyMap<string, HostRun> = new Map();
  const link: ClusterLink = {
    node: (name) => (scene ? nodeApi(scene.kc).read(name) : Promise.resolve(undefined)),
    kubeConfig: () => (scene ? Promise.resolve(scene.kc) : Promise.reject(new RunError('no healthy server'))),
  };
  const op: Operation = {
    name: req.command,
    hosts: [...(listed ? [listed] : []), ...others, ...(newHost ? [newHost] : [])],
    // The old node may be dead, another server down (the preconditions say whether that is safe);
    // the new host must answer.
    optional: (h) => h.name !== newHost?.name,
    probes: () => [...HOST_PROBES],
    cluster: () => link,
    preflight: async (runs, open) => {
      const found = await inspect(req, runs, others);
      // A node the inventory no longer lists is reached at its Node's address, if it answers.
      if (!listed && found.old.address) await open(found.old);
      opened = runs;
      await checkPreconditions(req, found, runs);
      if (newHost && !transportOf(runs, newHost))
        throw new RunError(
          `${newHost.name} does not answer over SSH at ${newHost.address}: nothing was changed`,
        );
      scene = found;
    },
    phases: [
      {
        kind: 'target',
        name: 'remove',
        target: oldName,
        lease: true,
        steps: (_cluster, note) =>
          scene
            ? removalSteps(removalOf(req, scene, transportOf(opened, scene.old), note)).map(engineStep)
            : [],
      },
    ],
  };
  return { op, scene: () => scene };
}

function removalOf(
  req: RemovalRequest,
  scene: Scene,
  self: Transport | undefined,
  log: (line: string) => void,
): Removal {
  const etcdName = etcdNameOf(scene.node);
  return {
    node: req.oldName,
    address: scene.old.address,
    role: scene.role,
    ...(etcdName ? { etcdName } : {}),
    layout: rke2Layout(scene.old),
    kc: scene.kc,
    peer: scene.peer,
    ...(self ? { self } : {}),
    drain: { timeoutMs: req.drainTimeoutMs, force: req.force },
    snapshotName: `rigger-${req.command}-${req.oldName}`,
    log,
  };
}
