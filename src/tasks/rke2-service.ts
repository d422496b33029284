import { commandChange, type Change } from './change.ts';
import { rke2ConfigChange } from './rke2-configure.ts';
import { parseService, rke2Probes } from './rke2-facts.ts';
import { rke2Layout } from './rke2-layout.ts';
import { unitBaseline, waitForNode } from './rke2-readiness.ts';
import type { Task, TaskContext } from './task.ts';

function startChange(ctx: TaskContext, verb: 'start' | 'restart', why: string): Change {
  const { unit } = rke2Layout(ctx.host);
  return {
    summary: `${verb} ${unit}${why} and wait until the node is ready`,
    apply: async (t) => {
      // RKE2's units have TimeoutStartSec=0: a blocking start could wait forever on a join that
      // cannot succeed. Start without blocking and watch the node instead.
      const since = await unitBaseline(t, unit);
      await t.run(`systemctl ${verb} --no-block ${unit}`);
      await waitForNode(t, ctx, { timeoutMs: ctx.inventory.cluster.rke2.readyTimeoutSeconds * 1000, since });
    },
  };
}

/**
 * RKE2 enabled and running with the current config, and the node ready: started when it is not
 * running, restarted when its config changes (or changed since it started), then watched until
 * the unit is active, the Node Ready and, on servers, the etcd member started.
 */
export const rke2Service: Task = {
  id: 'rke2-service',
  title: 'RKE2 service',
  probes: ({ host }) => rke2Probes(host),
  plan: (ctx) => {
    const { unit } = rke2Layout(ctx.host);
    const svc = parseService(ctx.facts);
    const changes: Change[] = [];
    if (svc.enabled !== 'enabled') changes.push(commandChange(`enable ${unit}`, `systemctl enable ${unit}`));
    const configChanges = rke2ConfigChange(ctx) !== undefined;
    if (svc.active !== 'active') {
      changes.push(
        startChange(ctx, svc.active === 'activating' || svc.active === 'failed' ? 'restart' : 'start', ''),
      );
    } else if (configChanges) {
      changes.push(startChange(ctx, 'restart', ' (config.yaml changes)'));
    } else if (svc.configMtime > svc.activeSince) {
      changes.push(startChange(ctx, 'restart', ' (config.yaml changed since it started)'));
    }
    return changes;
  },
};
