/**
 * Which node starts a cluster and which join one, decided from the cluster's state, never from
 * host order alone (a re-provisioned first server that started a second cluster is the classic
 * failure of HA installers):
 *
 * 1. A server that holds etcd data and whose config has no `server:` founded the cluster: it keeps
 *    its config as it is (RKE2 ignores `server:` once etcd data exists, so nothing is gained by
 *    restarting it with one).
 * 2. Otherwise, when any cluster exists — another host of this run holds etcd data, or an RKE2
 *    supervisor answers at the registration address (this covers hosts outside `--limit`) — the
 *    node joins through the registration address.
 * 3. When no cluster exists anywhere, the first server of the inventory that this run reached
 *    bootstraps one and every other node joins it.
 *
 * Agents always join. The decision reads the facts every host reported at the start of the run,
 * so a dry run shows exactly what the run will do.
 */
import { parse } from 'yaml';
import type { Inventory } from '../../inventory/types.generated.ts';
import { registrationUrl } from './rke2-config.ts';
import { currentConfig, parseService, SERVICE_PROBE } from './rke2-facts.ts';
import { rke2Role } from './rke2-layout.ts';
import type { TaskContext } from '../task.ts';

function configHasServer(config: Buffer | undefined): boolean {
  if (!config) return false;
  try {
    const doc: unknown = parse(config.toString('utf8'));
    return typeof doc === 'object' && doc !== null && 'server' in doc;
  } catch {
    return false;
  }
}

/** `https://<registration address>:9345`, or undefined for the node that founds or founded the cluster. */
export function joinServer(
  ctx: Pick<TaskContext, 'inventory' | 'host' | 'facts' | 'fleet'>,
): string | undefined {
  const { inventory, host, facts, fleet } = ctx;
  const url = registrationUrl(inventory);
  if (rke2Role(host) === 'agent') return url;

  const own = parseService(facts);
  if (own.etcdData && !configHasServer(currentConfig(facts)?.content)) return undefined;

  const servers = serversOf(inventory);
  const othersHoldData = servers.some((name) => {
    if (name === host.name) return false;
    const f = fleet.facts.get(name);
    return f?.has(SERVICE_PROBE) === true && parseService(f).etcdData;
  });
  if (othersHoldData || fleet.registrationAnswers || own.etcdData) return url;

  const bootstrap = servers.find((name) => fleet.facts.has(name));
  return bootstrap === host.name ? undefined : url;
}

function serversOf(inventory: Inventory): string[] {
  return inventory.hosts.filter((h) => rke2Role(h) === 'server').map((h) => h.name);
}
