import { parse } from 'yaml';
import { RunError } from '../../core/errors.ts';
import { fileChange, type Change, type DesiredFile } from '../change.ts';
import { RKE2_CONFIG, renderRke2Config } from './rke2-config.ts';
import { CONFIG_PROBE, currentConfig, rke2Probes, SERVICE_PROBE } from './rke2-facts.ts';
import { joinServer } from './rke2-join.ts';
import { rke2Role } from './rke2-layout.ts';
import {
  caHashFromCluster,
  clusterCaHash,
  pinnedHashOf,
  secureToken,
  serverTokenProbe,
} from './rke2-token.ts';
import type { Task, TaskContext } from '../task.ts';

function inventoryToken(ctx: TaskContext): string {
  const token = ctx.secrets.get('cluster.token');
  if (token === undefined) throw new RunError('the cluster token was not resolved before the run');
  return token;
}

function tokenInConfig(ctx: TaskContext): unknown {
  try {
    const doc: unknown = parse(currentConfig(ctx.facts)?.content.toString('utf8') ?? '');
    return typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).token : undefined;
  } catch {
    return undefined;
  }
}

/** config.yaml with a given token: it holds the token, so mode 0600 and never shown. */
function configFile(ctx: TaskContext, token: string): DesiredFile {
  const server = joinServer(ctx);
  return {
    path: RKE2_CONFIG,
    content: renderRke2Config({
      inventory: ctx.inventory,
      host: ctx.host,
      token,
      ...(server ? { joinServer: server } : {}),
    }),
    mode: 0o600,
    sensitive: true,
  };
}

/**
 * The token this node's config must hold: the founder keeps the inventory's; a joiner gets the
 * secure token pinned to the cluster CA, its hash read from the servers' token files. When no
 * server's was read at the start of the run (the cluster is founded in this run, or the run does
 * not reach a server, as add-node), a config already pinned with these credentials stands;
 * otherwise the hash is read from the cluster when the change applies.
 */
function desiredToken(ctx: TaskContext): string | undefined {
  const token = inventoryToken(ctx);
  if (!joinServer(ctx)) return token;
  const hash = clusterCaHash(ctx, token) ?? pinnedHashOf(tokenInConfig(ctx), token);
  return hash ? secureToken(hash, token) : undefined;
}

/**
 * The change that makes config.yaml what this node needs, or undefined when it is. Shared with the
 * service task, which restarts RKE2 when the config changes.
 */
export function rke2ConfigChange(ctx: TaskContext): Change | undefined {
  const current = currentConfig(ctx.facts);
  const token = desiredToken(ctx);
  if (token !== undefined) return fileChange(configFile(ctx, token), current);
  return {
    summary: `${current ? 'update' : 'create'} ${RKE2_CONFIG} (mode 0600), the join token pinned to the CA the cluster serves (no server's token file was read at the start of the run)`,
    diff: '(content not shown: the file holds secrets)',
    apply: async (t) => {
      const pinned = secureToken(await caHashFromCluster(ctx), inventoryToken(ctx));
      await fileChange(configFile(ctx, pinned), current)?.apply(t);
    },
  };
}

/**
 * `/etc/rancher/rke2/config.yaml`, rendered from the inventory. Restarting RKE2 to pick a change
 * up is the service task's business, so that it can wait for the node to be ready again.
 */
export const rke2Config: Task = {
  id: 'rke2-config',
  title: 'RKE2 configuration',
  probes: ({ host }) => [
    ...rke2Probes(host).filter((p) => p.id === CONFIG_PROBE || p.id === SERVICE_PROBE),
    ...(rke2Role(host) === 'server' ? [serverTokenProbe()] : []),
  ],
  plan: (ctx) => {
    const change = rke2ConfigChange(ctx);
    return change ? [change] : [];
  },
};
