/** What `rigger remove-node` and `rigger replace-node` do; loaded only when one of them runs. */
import { userInfo, hostname as machineName } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { runOperation } from '../engine/manager.ts';
import { connectSsh } from '../hosts/ssh-transport.ts';
import { sshTargetFor } from '../hosts/ssh-target.ts';
import { loadInventory } from '../inventory/load.ts';
import { resolveSecrets } from '../inventory/secrets.ts';
import { removalOperation, type RemovalRequest, type Scene } from '../lifecycle/removal-operation.ts';
import { loadPlaybook, PLAYBOOKS_DIR } from '../playbooks/playbook.ts';
import { newRunId } from '../playbooks/runner.ts';
import { CLUSTER_TASKS } from '../tasks/cluster/cluster-registry.ts';
import { TASKS } from '../tasks/registry.ts';
import { writeLine, type CliIo } from './io.ts';
import { chooseOutput, createReporter } from './reporters/reporter.ts';
import { runPlaybookCommand, type RunFlags } from './run-playbook-command.ts';

export interface NodeFlags extends RunFlags {
  /** Seconds a drain may wait for PodDisruptionBudgets and evicted pods. */
  drainTimeout?: string;
  /** Delete pods that still cannot be evicted at the drain timeout. */
  force?: boolean;
}

/** The command line, checked before anything is connected. */
async function parseRequest(
  file: string,
  oldName: string,
  replacement: string | undefined,
  flags: NodeFlags,
  io: CliIo,
): Promise<{ req: RemovalRequest; redactor: Redactor }> {
  const loaded = await loadInventory(file, { env: io.env, cwd: io.cwd });
  const { inventory } = loaded;
  const redactor = io.redactor ?? new Redactor();
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
  const req: RemovalRequest = {
    command: replacement ? 'replace-node' : 'remove-node',
    file,
    oldName,
    ...(newHost ? { newHost } : {}),
    inventory,
    drainTimeoutMs: drainTimeout * 1000,
    force: flags.force ?? false,
    note: (line) => writeLine(io.stderr, line),
  };
  return { req, redactor };
}

/**
 * Removes a node the quorum-safe way (rke2.md section 4) through the manager; with `replacement`,
 * then joins that host in its place (a second run of the provision playbook's host phases on it).
 * Every precondition is checked, and refused with its reason, before anything changes.
 */
export async function removeOrReplace(
  file: string,
  oldName: string,
  replacement: string | undefined,
  flags: NodeFlags,
  io: CliIo,
): Promise<void> {
  const { req, redactor } = await parseRequest(file, oldName, replacement, flags, io);
  const reporter = await createReporter(chooseOutput(flags.output, io), io, flags.verbose);
  const { op, scene } = removalOperation(req);
  const summary = await runOperation(op, {
    connect: (host) => connectSsh(sshTargetFor(req.inventory, host), { redactor }),
    redactor,
    listeners: [reporter.listener],
    runId: newRunId(),
    dryRun: flags.dryRun ?? false,
    takeLocks: !(flags.dryRun ?? false),
    journalDir: join(io.cwd, '.rigger', 'runs'),
    lockOwner: { owner: `${userInfo().username}@${machineName()}`, command: req.command },
    forceUnlock: flags.forceUnlock ?? false,
    parallel: req.inventory.ssh.parallel,
  }).finally(() => reporter.flush());
  if (summary.failed)
    throw new RunError(
      `${req.command} stopped while removing ${oldName}; run it again to resume; see ${summary.journal}`,
    );
  if (req.newHost) {
    const playbook = await loadPlaybook(join(PLAYBOOKS_DIR, 'provision.yaml'), TASKS, CLUSTER_TASKS);
    const hostPhases = playbook.phases.filter((p) => p.target === 'hosts').map((p) => p.name);
    await runPlaybookCommand(
      resolve(io.cwd, file),
      { ...flags, limit: req.newHost.name, only: hostPhases.join(',') },
      io,
      req.command,
    );
  }
  const found = scene();
  if (!flags.dryRun && found) printTodo(req, found, io);
}

function printTodo(req: RemovalRequest, scene: Scene, io: CliIo): void {
  const { file, oldName, newHost, inventory } = req;
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
