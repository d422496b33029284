/**
 * `/etc/rancher/rke2/registries.yaml` on every node, from `cluster.registry`: where containerd
 * pulls images (the site's mirrors) and how it authenticates to them. RKE2 reads the file only
 * when it generates containerd's configuration at start (rke2-docs install/private_registry.md:
 * "configure this file before starting RKE2 on the node, or restart RKE2"), so this task runs
 * before the service task and, on a running node whose config.yaml does not change anyway,
 * restarts RKE2 itself and waits until the node is ready again.
 */
import { stringify } from 'yaml';
import { RunError } from '../../core/errors.ts';
import { filesProbe, parseFiles } from '../../hosts/file-facts.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import { formatPath } from '../../inventory/field-path.ts';
import type { Secrets } from '../../inventory/secrets.ts';
import type { Inventory } from '../../inventory/types.generated.ts';
import { fileChange, type Change } from '../change.ts';
import { rke2ConfigChange } from './rke2-configure.ts';
import { CONFIG_PROBE, parseService, rke2Probes, SERVICE_PROBE } from './rke2-facts.ts';
import { rke2Layout } from './rke2-layout.ts';
import { unitBaseline, waitForNode } from './rke2-readiness.ts';
import type { Task, TaskContext } from '../task.ts';

export const RKE2_REGISTRIES = '/etc/rancher/rke2/registries.yaml';
const FILE_PROBE = 'files:rke2-registries';
const MTIME_PROBE = 'rke2:registries-mtime';
const MARKER = '# Managed by rigger from the inventory (cluster.registry): edits here are drift.';

/** The inventory path of a registry's password, as the secrets are keyed (secrets.ts). */
export const registryPasswordPath = (registry: string): string =>
  formatPath(['cluster', 'registry', 'configs', registry, 'auth', 'password']);

/**
 * The file's content, in RKE2's format (rke2-docs install/private_registry.md: `mirrors.<name>
 * .endpoint`, `.rewrite`; `configs.<host>.auth.username/password`, `.tls.insecure_skip_verify`),
 * or undefined without `cluster.registry`. Holds the passwords: never shown, mode 0600.
 */
export function renderRegistries(inventory: Inventory, secrets: Secrets): string | undefined {
  const registry = inventory.cluster.registry;
  if (!registry) return undefined;
  const mirrors = Object.fromEntries(
    Object.entries(registry.mirrors).flatMap(([name, m]) =>
      m ? [[name, { endpoint: m.endpoints, ...(m.rewrite ? { rewrite: m.rewrite } : {}) }]] : [],
    ),
  );
  const configs = Object.fromEntries(
    Object.entries(registry.configs).flatMap(([host, c]) => {
      if (!c) return [];
      const password = c.auth ? secrets.get(registryPasswordPath(host)) : undefined;
      if (c.auth && password === undefined)
        throw new RunError(`the password of registry ${host} was not resolved before the run`);
      return [
        [
          host,
          {
            ...(c.auth ? { auth: { username: c.auth.username, password } } : {}),
            ...(c.tls ? { tls: { insecure_skip_verify: c.tls.insecureSkipVerify } } : {}),
          },
        ],
      ];
    }),
  );
  return `${MARKER}\n${stringify({ mirrors, configs }, { lineWidth: 0 })}`;
}

/**
 * Whether the service task restarts (or starts) RKE2 in this run anyway: it is not running, or
 * config.yaml changes or changed since it started. Then one restart reads both files.
 */
function serviceRestartsAnyway(ctx: TaskContext): boolean {
  const svc = parseService(ctx.facts);
  return svc.active !== 'active' || svc.configMtime > svc.activeSince || rke2ConfigChange(ctx) !== undefined;
}

function restart(ctx: TaskContext, why: string): Change {
  const { unit } = rke2Layout(ctx.host);
  return {
    summary: `restart ${unit} (${why}: containerd reads it at start) and wait until the node is ready`,
    apply: async (t) => {
      const since = await unitBaseline(t, unit);
      await t.run(`systemctl restart --no-block ${unit}`);
      await waitForNode(t, ctx, { timeoutMs: ctx.inventory.cluster.rke2.readyTimeoutSeconds * 1000, since });
    },
  };
}

/** Changes that make registries.yaml what the inventory says, and RKE2 read it. */
function registriesPlan(ctx: TaskContext): Change[] {
  const current = parseFiles(ctx.facts.get(FILE_PROBE)).get(RKE2_REGISTRIES);
  const content = renderRegistries(ctx.inventory, ctx.secrets);
  const restartHere = !serviceRestartsAnyway(ctx);
  if (content === undefined) {
    // Only a file rigger wrote goes: a site's own registries.yaml is not rigger's to remove.
    if (!current?.content.toString('utf8').startsWith(MARKER)) return [];
    const rm: Change = {
      summary: `remove ${RKE2_REGISTRIES} (cluster.registry is gone)`,
      apply: async (t) => {
        await t.run(`rm -f ${shQuote(RKE2_REGISTRIES)}`);
      },
    };
    return restartHere ? [rm, restart(ctx, 'registries.yaml is removed')] : [rm];
  }
  const write = fileChange({ path: RKE2_REGISTRIES, content, mode: 0o600, sensitive: true }, current);
  if (write)
    return restartHere && current?.content.toString('utf8') !== content
      ? [write, restart(ctx, 'registries.yaml changes')]
      : [write];
  // Written by an earlier run that stopped before its restart: RKE2 still runs the old mirrors.
  const mtime = Number(ctx.facts.get(MTIME_PROBE).trim()) || 0;
  if (restartHere && mtime > parseService(ctx.facts).activeSince)
    return [restart(ctx, 'registries.yaml changed since it started')];
  return [];
}

export const rke2Registries: Task = {
  id: 'rke2-registries',
  title: 'RKE2 registries (site mirrors and credentials)',
  probes: ({ host }) => [
    filesProbe(FILE_PROBE, [RKE2_REGISTRIES]),
    { id: MTIME_PROBE, script: `stat -c %Y ${shQuote(RKE2_REGISTRIES)}` },
    // The service's state and config.yaml decide who restarts RKE2 (rke2ConfigChange reads them).
    ...rke2Probes(host).filter((p) => p.id === SERVICE_PROBE || p.id === CONFIG_PROBE),
  ],
  plan: registriesPlan,
};
