/** What `provision`, `plan` and `lab up --provision` do; loaded only when one of them runs. */
import { userInfo, hostname as machineName } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, formatProblem, RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { connectSsh } from '../hosts/ssh-transport.ts';
import { sshTargetFor } from '../hosts/ssh-target.ts';
import { loadInventory } from '../inventory/load.ts';
import { resolveSecrets } from '../inventory/secrets.ts';
import { loadPlaybook, PLAYBOOKS_DIR, type Playbook } from '../playbooks/playbook.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import { newRunId, runPlaybook, type RunOptions } from '../playbooks/runner.ts';
import { supervisorAnswers } from '../kube/supervisor.ts';
import { verifyArtifacts } from '../tasks/rke2/rke2-artifacts.ts';
import { TASKS } from '../tasks/registry.ts';
import { CLUSTER_TASKS } from '../tasks/cluster/cluster-registry.ts';
import { PooledKubeConfig } from '../kube/pooled-kube-config.ts';
import { KubeconfigClusterLink } from '../kube/cluster-link.ts';
import { writeLine, type CliIo } from './io.ts';
import { chooseOutput, createReporter, type Reporter } from './reporters/reporter.ts';
import type { RunListener, RunSummary } from '../engine/events.ts';

export interface RunFlags {
  dryRun?: boolean;
  limit?: string;
  only?: string;
  skip?: string;
  output?: string;
  parallel?: string;
  forceUnlock?: boolean;
  playbook?: string;
  verbose?: boolean;
  /** Reach the cluster through this kubeconfig instead of a server over SSH. */
  kubeconfig?: string;
  /** Delete what rigger installed on the cluster and the inventory no longer declares. */
  prune?: boolean;
}

const list = (s: string | undefined): string[] | undefined =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

export interface RunCommandOptions {
  /** More listeners beside the reporter (drift collects results this way). */
  listeners?: RunListener[];
  /** No reporter: the command prints its own report. */
  quiet?: boolean;
  /** The command's own refusals, under the run's locks before any change (add-node's etcd check). */
  preflight?: RunOptions['preflight'];
}

/**
 * Runs a playbook against an inventory: the common path of `provision`, `plan` and `drift`.
 * Throws a RunError when a host failed; returns the summary otherwise.
 */
export async function runPlaybookCommand(
  file: string,
  flags: RunFlags,
  io: CliIo,
  commandName: string,
  more: RunCommandOptions = {},
): Promise<RunSummary> {
  const loaded = await loadInventory(file, { env: io.env, cwd: io.cwd });
  for (const w of loaded.warnings) writeLine(io.stderr, `warning: ${formatProblem(w)}`);
  const { inventory } = loaded;
  const playbook = await loadPlaybook(
    resolve(io.cwd, flags.playbook ?? join(PLAYBOOKS_DIR, 'provision.yaml')),
    TASKS,
    CLUSTER_TASKS,
  );

  // Flags are checked against the inventory and playbook before any host is touched.
  const { limit, parallel, cluster } = checkFlags(flags, file, inventory, playbook, io);

  const redactor = io.redactor ?? new Redactor();
  // Every secret is read (and registered for redaction) before any host is touched.
  const secrets = resolveSecrets(loaded, io.env, redactor);
  // Air-gap artifacts are checked against the release's checksums here, before any upload.
  const { install } = inventory.cluster;
  const artifacts =
    install.mode === 'airgap' && install.artifactsDir
      ? await verifyArtifacts(install.artifactsDir, inventory)
      : [];
  const reporter: Reporter = more.quiet
    ? { listener: () => undefined, flush: () => Promise.resolve() }
    : await createReporter(chooseOutput(flags.output, io), io, flags.verbose);
  const runId = newRunId();
  const summary = await runPlaybook({
    inventory,
    secrets,
    playbook,
    connect: (host) => connectSsh(sshTargetFor(inventory, host), { redactor }),
    redactor,
    listeners: [reporter.listener, ...(more.listeners ?? [])],
    dryRun: flags.dryRun ?? false,
    ...(limit ? { limit } : {}),
    ...(flags.only ? { only: list(flags.only) } : {}),
    ...(flags.skip ? { skip: list(flags.skip) } : {}),
    ...(parallel ? { parallel } : {}),
    forceUnlock: flags.forceUnlock ?? false,
    lockOwner: { owner: `${userInfo().username}@${machineName()}`, command: commandName },
    runId,
    journalDir: join(io.cwd, '.rigger', 'runs'),
    artifacts,
    registrationAnswers: () => supervisorAnswers(inventory.cluster.registrationAddress),
    ...(cluster ? { cluster } : {}),
    prune: flags.prune ?? false,
    ...(more.preflight ? { preflight: more.preflight } : {}),
  });
  await reporter.flush();
  if (summary.failed)
    throw new RunError(
      `${commandName} failed on ${summary.hosts
        .filter((h) => h.failed)
        .map((h) => h.host)
        .join(', ')}; see ${summary.journal}`,
    );
  return summary;
}

/** The run's flags, checked against the inventory and the playbook: a ConfigError names the flag. */
function checkFlags(
  flags: RunFlags,
  file: string,
  inventory: Inventory,
  playbook: Playbook,
  io: CliIo,
): { limit: string[] | undefined; parallel: number | undefined; cluster: KubeconfigClusterLink | undefined } {
  const limit = list(flags.limit);
  const unknownHosts = (limit ?? []).filter((n) => !inventory.hosts.some((h) => h.name === n));
  if (unknownHosts.length)
    throw ConfigError.plain('--limit', `no host named ${unknownHosts.join(', ')} in ${file}`);
  for (const [flag, names] of [
    ['--only', list(flags.only)],
    ['--skip', list(flags.skip)],
  ] as const) {
    const unknown = (names ?? []).filter((n) => !playbook.phases.some((p) => p.name === n));
    if (unknown.length) {
      throw ConfigError.plain(
        flag,
        `no phase named ${unknown.join(', ')}; phases: ${playbook.phases.map((p) => p.name).join(', ')}`,
      );
    }
  }
  const parallel = flags.parallel === undefined ? undefined : Number(flags.parallel);
  if (parallel !== undefined && !(Number.isInteger(parallel) && parallel > 0)) {
    throw ConfigError.plain('--parallel', `must be a positive whole number, got "${flags.parallel}"`);
  }

  const kubeconfigFile = flags.kubeconfig === undefined ? undefined : resolve(io.cwd, flags.kubeconfig);
  let cluster: KubeconfigClusterLink | undefined;
  if (kubeconfigFile) {
    const kc = new PooledKubeConfig();
    try {
      kc.loadFromFile(kubeconfigFile);
    } catch (e) {
      throw ConfigError.plain('--kubeconfig', `cannot read ${kubeconfigFile}: ${(e as Error).message}`);
    }
    cluster = new KubeconfigClusterLink(kc);
  }

  return { limit, parallel, cluster };
}
