import { ADDONS } from '../../addons/registry.ts';
import { addonTask } from './addon-task.ts';
import type { ClusterTask } from './cluster-task.ts';
import { nodesTask } from './nodes-task.ts';

/** Every cluster task by the name playbooks use: one per add-on, and the Nodes' check. */
export const CLUSTER_TASKS: ReadonlyMap<string, ClusterTask> = new Map([
  ...ADDONS.map((a) => [a.id, addonTask(a)] as const),
  [nodesTask.id, nodesTask] as const,
]);
