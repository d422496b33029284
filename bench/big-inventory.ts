/**
 * A large valid inventory derived from inventory/prod.yaml: prod's cluster, SSH settings and
 * add-ons unchanged, its six hosts first, then workers cloned from prod's worker-1 until there are
 * `count` hosts, each with its own name and address (10.20.1.1 onwards, outside every pool and
 * network prod claims). The validate benchmark uses it to see how validation grows with hosts.
 *
 *   npx tsx bench/big-inventory.ts [count] [out.yaml]   # default 1000 hosts, to stdout
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { projectPath } from '../src/core/project-root.ts';

export const PROD_INVENTORY = projectPath('inventory', 'prod.yaml');

const ZONES = ['rack-a', 'rack-b', 'rack-c'];

/** The inventory text with `count` hosts (at least prod's own six). */
export function bigInventory(count: number, prodText: string): string {
  const doc = parseDocument(prodText);
  const hosts = doc.get('hosts');
  if (!isSeq(hosts)) throw new Error('inventory/prod.yaml has no hosts list');
  const seq = hosts as YAMLSeq<YAMLMap>;
  const template = seq.items.find((h) => isMap(h) && h.get('name') === 'worker-1');
  if (!template) throw new Error('inventory/prod.yaml has no worker-1 to clone');
  // The file is written elsewhere: the pinned host keys must still be found.
  doc.setIn(['ssh', 'knownHostsPath'], projectPath('inventory', 'prod.known_hosts'));
  for (let k = 0; seq.items.length < count; k++) {
    const host = template.clone() as YAMLMap;
    host.set('name', `node-${String(k + 1).padStart(4, '0')}`);
    host.set('address', `10.20.${1 + Math.floor(k / 250)}.${1 + (k % 250)}`);
    // A /16 keeps every host on the subnet of prod's MetalLB pools (10.20.0.x).
    host.setIn(['network', 'prefixLength'], 16);
    host.setIn(['labels', 'topology.kubernetes.io/zone'], ZONES[k % ZONES.length]);
    seq.items.push(host);
  }
  return doc.toString({ lineWidth: 0 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readFileSync } = await import('node:fs');
  const count = Number(process.argv[2] ?? 1000);
  const text = bigInventory(count, readFileSync(PROD_INVENTORY, 'utf8'));
  const out = process.argv[3];
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
