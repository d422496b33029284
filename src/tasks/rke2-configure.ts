import { RunError } from '../core/errors.ts';
import { fileChange, type DesiredFile } from './change.ts';
import { RKE2_CONFIG, renderRke2Config } from './rke2-config.ts';
import { CONFIG_PROBE, currentConfig, rke2Probes, SERVICE_PROBE } from './rke2-facts.ts';
import { joinServer } from './rke2-join.ts';
import type { Task, TaskContext } from './task.ts';

/** config.yaml as this node must have it: it holds the token, so mode 0600 and never shown. */
export function desiredRke2Config(ctx: TaskContext): DesiredFile {
  const token = ctx.secrets.get('cluster.token');
  if (token === undefined) throw new RunError('the cluster token was not resolved before the run');
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
 * `/etc/rancher/rke2/config.yaml`, rendered from the inventory. Restarting RKE2 to pick a change
 * up is the service task's business, so that it can wait for the node to be ready again.
 */
export const rke2Config: Task = {
  id: 'rke2-config',
  title: 'RKE2 configuration',
  probes: ({ host }) => rke2Probes(host).filter((p) => p.id === CONFIG_PROBE || p.id === SERVICE_PROBE),
  plan: (ctx) => {
    const change = fileChange(desiredRke2Config(ctx), currentConfig(ctx.facts));
    return change ? [change] : [];
  },
};
