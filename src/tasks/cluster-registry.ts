import { ADDONS } from '../addons/registry.ts';
import { addonTask } from './addon-task.ts';
import type { ClusterTask } from './cluster-task.ts';

/** Every cluster task by the name playbooks use: one per add-on. */
export const CLUSTER_TASKS: ReadonlyMap<string, ClusterTask> = new Map(
  ADDONS.map((a) => [a.id, addonTask(a)] as const),
);
