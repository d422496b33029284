/** Builds a TaskContext from raw facts, for unit tests of tasks' checks. */
import { parseHostFacts } from '../hosts/host-facts.ts';
import { Facts } from '../hosts/probe.ts';
import { loadText, prodText } from '../inventory/testing.ts';
import type { Host } from '../inventory/types.generated.ts';
import { NO_CLUSTER } from '../kube/cluster-link.ts';
import type { Fleet, TaskContext } from './task.ts';

const inventory = loadText(prodText()).inventory;

export function contextFor(
  hostName: string,
  facts: Record<string, string>,
  edit: (h: Host) => Host = (h) => h,
  more: Partial<Pick<TaskContext, 'fleet' | 'cluster' | 'artifacts' | 'secrets'>> = {},
): TaskContext {
  const found = inventory.hosts.find((h) => h.name === hostName);
  if (!found) throw new Error(`no host ${hostName}`);
  const all = new Facts(
    hostName,
    new Map(
      Object.entries({
        'os-release': found.os === 'flatcar' ? 'ID=flatcar' : 'ID=ubuntu',
        kernel: '6.8.0-test',
        container: 'none',
        'package-manager': found.os === 'flatcar' ? 'none' : 'dpkg',
        ...facts,
      }),
    ),
  );
  const fleet: Fleet = { facts: new Map([[hostName, all]]), registrationAnswers: false };
  return {
    inventory,
    secrets: new Map(),
    host: edit(found),
    facts: all,
    hostFacts: parseHostFacts(all),
    fleet,
    cluster: NO_CLUSTER,
    artifacts: [],
    ...more,
  };
}
