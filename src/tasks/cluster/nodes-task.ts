import type { V1Node } from '@kubernetes/client-node';
import { RunError } from '../../core/errors.ts';
import { nodeDrift } from '../../kube/node-drift.ts';
import type { ClusterTask } from './cluster-task.ts';

/**
 * The cluster's Nodes against the inventory. rigger changes no Node here: what it finds is a
 * warning in `provision` (the host phases already waited for each node they touched) and drift
 * in `rigger drift`.
 */
export const nodesTask: ClusterTask = {
  id: 'nodes',
  title: 'Cluster nodes (Ready, RKE2 version, etcd voters, inventory)',
  async plan(ctx) {
    const list = await ctx.api.list<V1Node>('v1', 'Node');
    return nodeDrift(list.items, ctx.inventory).map((d) => ({
      summary: d.summary,
      object: d.object,
      deferred: true,
      apply: () => Promise.reject(new RunError(`rigger does not change Nodes: ${d.summary}`)),
    }));
  },
};
