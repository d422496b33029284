/** What `rigger remove-node` and `rigger replace-node` do; loaded only when one of them runs. */
import { join, resolve } from 'node:path';
import type { KubeConfig, V1Node } from '@kubernetes/client-node';
import { ConfigError, RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import type { Transport } from '../hosts/transport.ts';
import { loadInventory } from '../inventory/load.ts';
import { resolveSecrets } from '../inventory/secrets.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';
import { healthyServerKubeconfig, type ServerSource } from '../kube/cluster-link.ts';
import { nodeApi } from '../lifecycle/node-deletion.ts';
import { checkRemoval } from '../lifecycle/removal-preconditions.ts';
import { removalSteps } from '../lifecycle/removal-steps.ts';
import { runSteps } from '../lifecycle/step.ts';
import type { RunEvent, TaskResult } from '../playbooks/events.ts';
import { Journal } from '../playbooks/journal.ts';
import { loadPlaybook, PLAYBOOKS_DIR } from '../playbooks/playbook.ts';
import { newRunId } from '../playbooks/runner.ts';
import { CLUSTER_TASKS } from '../tasks/cluster-registry.ts';
import { TASKS } from '../tasks/registry.ts';
import type { EtcdServer } from '../tasks/rke2-etcd-health.ts';
import { ETCD_NODE_NAME_ANNOTATION } from '../tasks/rke2-readiness.ts';
import { rke2Layout, rke2Role } from '../tasks/rke2-layout.ts';
import { HostConnections } from './host-connections.ts';
import { writeLine, type CliIo } from './io.ts';
import { chooseOutput, createReporter } from './reporters/reporter.ts';
import { runPlaybookCommand, type RunFlags } from './run-playbook-command.ts';

export interface NodeFlags extends RunFlags {
  /** Seconds a drain may wait for PodDisruptionBudgets and evicted pods. */
  drainTimeout?: string;
  /** Delete pods that still cannot be evicted at the drain timeout. */
  force?: boolean;
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

/** The command line, checked before anything is connected. */
interface Request {
  command: 'remove-node' | 'replace-node';
  file: string;
  oldName: string;
  replacement?: string;
  newHost?: Host;
  inventory: Inventory;
  redactor: Redactor;
  drainTimeout: number;
  flags: NodeFlags;
  io: CliIo;
}

async function parseRequest(
  file: string,
  oldName: string,
  replacement: string | undefined,
  flags: NodeFlags,
  io: CliIo,
): Promise<Request> {
  const loaded = await loadInventory(file, { env: io.env, cwd: io.cwd });
  const { inventory } = loaded;
  const redactor = new Redactor();
  resolveSecrets(loaded, io.env, redactor);
  const drainTimeout = Number(flags.drainTimeout ?? 300);
  if (!(Number.isFinite(drainTimeout) && drainTimeout > 0))
    throw ConfigError.plain(
      '--drain-timeout',
      `must be a positive number of seconds, got "${flags.drainTimeout}"`,
    );
  const newHost = replacement === undefined ? undefined : inventory.hosts.find((h) => h.name === replacement);
  if (replacement !== undefined && !newHost)
    throw ConfigError.plain(
      file,
      `no host named ${replacement}: add it to the inventory with the roles ${oldName} has, then run replace-node`,
    );
  if (replacement === oldName) throw ConfigError.plain(file, 'the old and the new host are the same');
  return {
    command: replacement ? 'replace-node' : 'remove-node',
    file,
    oldName,
    ...(replacement && newHost ? { replacement, newHost } : {}),
    inventory,
    redactor,
    drainTimeout,
    flags,
    io,
  };
}

/** The cluster as a healthy other server shows it, and the node to remove. */
interface Scene {
  peer: { name: string; address: string; transport: Transport; layout: ReturnType<typeof rke2Layout> };
  kc: KubeConfig;
  node: V1Node | undefined;
  old: Host;
  role: 'server' | 'agent';
  /** The other servers of the inventory (neither the old nor the new host). */
  others: Host[];
}

async function inspect(req: Request, conns: HostConnections): Promise<Scene> {
  const { inventory, oldName, replacement } = req;
  const others = inventory.hosts.filter(
    (h) => h.name !== oldName && h.name !== replacement && rke2Role(h) === 'server',
  );
  // Connected in parallel: the etcd health check needs every one of them anyway.
  for (const h of others) void conns.get(h);
  const sources: ServerSource[] = others.map((h) => ({
    name: h.name,
    address: h.address,
    transport: () => conns.require(h),
  }));
  const healthy = await healthyServerKubeconfig(sources);
  const peerHost = others.find((h) => h.name === healthy.server.name) as Host;
  const kc = healthy.kubeConfig;
  const node = await nodeApi(kc).read(oldName);
  const old = oldHost(inventory, oldName, node);
  if (!old)
    throw ConfigError.plain(
      req.file,
      `no host or Node named ${oldName}: neither the inventory nor the cluster knows it`,
    );
  const peer = {
    name: peerHost.name,
    address: peerHost.address,
    transport: await healthy.server.transport(),
    layout: rke2Layout(peerHost),
  };
  return { peer, kc, node, old, role: rke2Role(old), others };
}

function etcdNameOf(node: V1Node | undefined): string | undefined {
  return node?.metadata?.annotations?.[ETCD_NODE_NAME_ANNOTATION];
}

/** Each precondition of the removal, refused with its reason before anything changes. */
async function checkPreconditions(req: Request, scene: Scene, conns: HostConnections): Promise<void> {
  const servers: EtcdServer[] =
    scene.role === 'server'
      ? await Promise.all(
          [...scene.others, scene.old].map(async (h) => {
            const transport = await conns.get(h);
            return { name: h.name, address: h.address, ...(transport ? { transport } : {}) };
          }),
        )
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
  if (line) writeLine(req.io.stderr, line);
}

/** Runs the removal steps with a journal and the run's reporter; whether every step succeeded. */
async function runRemoval(req: Request, scene: Scene, self: Transport | undefined): Promise<boolean> {
  const { oldName, flags, io, redactor, command } = req;
  const dryRun = flags.dryRun ?? false;
  const runId = newRunId();
  const journal = new Journal(join(io.cwd, '.rigger', 'runs'), runId, redactor);
  const reporter = await createReporter(chooseOutput(flags.output, io), io, flags.verbose);
  const results: TaskResult[] = [];
  const emit = (e: RunEvent): void => {
    if (e.type === 'task') results.push(e.result);
    journal.record(e);
    reporter.listener(e);
  };
  const started = Date.now();
  emit({ type: 'run-start', runId, playbook: command, dryRun, hosts: [oldName] });
  emit({ type: 'phase-start', phase: 'remove', hosts: [oldName] });
  const etcdName = etcdNameOf(scene.node);
  const ok = await runSteps(
    removalSteps({
      node: oldName,
      address: scene.old.address,
      role: scene.role,
      ...(etcdName ? { etcdName } : {}),
      layout: rke2Layout(scene.old),
      kc: scene.kc,
      peer: scene.peer,
      ...(self ? { self } : {}),
      drain: { timeoutMs: req.drainTimeout * 1000, force: flags.force ?? false },
      snapshotName: `rigger-${command}-${oldName}`,
      log: (line) => emit({ type: 'host', host: oldName, level: 'info', message: line }),
    }),
    { host: oldName, phase: 'remove', dryRun, redactor, emit },
  );
  emit({ type: 'phase-end', phase: 'remove' });
  const count = (status: TaskResult['status']): number => results.filter((r) => r.status === status).length;
  emit({
    type: 'run-end',
    summary: {
      runId,
      dryRun,
      hosts: [
        {
          host: oldName,
          ok: count('ok'),
          changed: count('changed'),
          failed: count('failed'),
          skipped: count('skipped'),
          execs: self?.execCount ?? 0,
        },
      ],
      failed: !ok,
      durationMs: Date.now() - started,
      journal: journal.path,
    },
  });
  await reporter.flush();
  if (!ok)
    throw new RunError(
      `${command} stopped while removing ${oldName}; run it again to resume; see ${journal.path}`,
    );
  return ok;
}

/**
 * Removes a node the quorum-safe way (rke2.md section 4); with `replacement`, then joins that
 * host in its place. Every precondition is checked, and refused with its reason, before anything
 * changes.
 */
export async function removeOrReplace(
  file: string,
  oldName: string,
  replacement: string | undefined,
  flags: NodeFlags,
  io: CliIo,
): Promise<void> {
  const req = await parseRequest(file, oldName, replacement, flags, io);
  const conns = new HostConnections(req.inventory, req.redactor);
  try {
    const scene = await inspect(req, conns);
    const self = conns.get(scene.old);
    await checkPreconditions(req, scene, conns);
    if (req.newHost && !(await conns.get(req.newHost)))
      throw new RunError(
        `${replacement} does not answer over SSH at ${req.newHost.address}: nothing was changed`,
      );
    await runRemoval(req, scene, await self);
    if (req.newHost && req.replacement) {
      const playbook = await loadPlaybook(join(PLAYBOOKS_DIR, 'provision.yaml'), TASKS, CLUSTER_TASKS);
      const hostPhases = playbook.phases.filter((p) => p.target === 'hosts').map((p) => p.name);
      await runPlaybookCommand(
        resolve(io.cwd, file),
        { ...flags, limit: req.replacement, only: hostPhases.join(',') },
        io,
        req.command,
      );
    }
    if (!flags.dryRun) printTodo(req, scene);
  } finally {
    await conns.closeAll();
  }
}

function printTodo(req: Request, scene: Scene): void {
  const { io, file, oldName, newHost, inventory } = req;
  writeLine(io.stdout, `\nStill to do by you:`);
  if (inventory.hosts.some((h) => h.name === oldName))
    writeLine(io.stdout, `- remove ${oldName} from ${file}`);
  if (scene.role === 'server')
    writeLine(
      io.stdout,
      `- the load balancer at ${inventory.cluster.registrationAddress} (9345, 6443): drop ${scene.old.address}` +
        (newHost ? `, add ${newHost.address}` : ''),
    );
}
