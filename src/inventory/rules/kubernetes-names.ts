import type { FieldPath } from '../field-path.ts';
import { kubeletRefusesLabel, parseTaint } from '../kubelet-flags.ts';
import { isDns1123Subdomain, isQualifiedName, isValidLabelValue } from '../kubernetes-validation.ts';
import type { Host, Inventory } from '../types.generated.ts';
import { error, type Finding, type Rule } from './rule.ts';

/** A value the inventory hands to Kubernetes as an object's name, and that object's kind. */
interface ObjectName {
  path: FieldPath;
  value: string;
  kind: string;
}

/**
 * Every inventory field that becomes an object's name. The API server checks each of these kinds'
 * `metadata.name` as a DNS subdomain (ValidateNodeName, ValidateStorageClass, ValidateIngressClass,
 * and MetalLB's IPAddressPool by its CRD's ObjectMeta).
 */
function objectNames(inv: Inventory): ObjectName[] {
  const names: ObjectName[] = inv.hosts.map((h, i) => ({
    path: ['hosts', i, 'name'],
    value: h.name,
    kind: 'Node',
  }));
  inv.addons.metallb.pools.forEach((pool, p) =>
    names.push({ path: ['addons', 'metallb', 'pools', p, 'name'], value: pool.name, kind: 'IPAddressPool' }),
  );
  for (const which of ['public', 'internal'] as const) {
    const inst = inv.addons.ingressNginx[which];
    if (inst)
      names.push({
        path: ['addons', 'ingressNginx', which, 'className'],
        value: inst.className,
        kind: 'IngressClass',
      });
  }
  const sc = inv.addons.storage.storageClass;
  if (sc !== undefined)
    names.push({ path: ['addons', 'storage', 'storageClass'], value: sc, kind: 'StorageClass' });
  return names;
}

/** A host's labels: as the API server checks a Node's labels, then as the kubelet checks its flags. */
function labelFindings(host: Host, i: number): Finding[] {
  const findings: Finding[] = [];
  // Shapes the schema refused (a label that is not a string) are its to report.
  for (const [key, value] of Object.entries(host.labels as Record<string, unknown>)) {
    const path = ['hosts', i, 'labels', key];
    const keyErrors = isQualifiedName(key);
    if (keyErrors.length)
      findings.push(error(path, `invalid label key: ${keyErrors.join('; ')}`, { key: true }));
    else {
      const refused = kubeletRefusesLabel(key);
      if (refused) findings.push(error(path, refused, { key: true }));
    }
    if (typeof value !== 'string') continue;
    const valueErrors = isValidLabelValue(value);
    if (valueErrors.length) findings.push(error(path, `invalid label value: ${valueErrors.join('; ')}`));
  }
  return findings;
}

/** A host's taints, parsed as the kubelet parses them; unique by key and effect, as the API requires. */
function taintFindings(host: Host, i: number, lineOf: (path: FieldPath) => number): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  (host.taints as unknown[]).forEach((spec, t) => {
    if (typeof spec !== 'string') return;
    const path = ['hosts', i, 'taints', t];
    const parsed = parseTaint(spec);
    if ('errors' in parsed) {
      findings.push(error(path, `invalid taint: ${parsed.errors.join('; ')}`));
      return;
    }
    const id = `${parsed.taint.key}:${parsed.taint.effect}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, t);
    else
      findings.push(
        error(
          path,
          `taints must be unique by key and effect pair: ${id} again (first at line ${lineOf(['hosts', i, 'taints', first])})`,
        ),
      );
  });
  return findings;
}

/**
 * Names, labels and taints are refused here as the API server and the kubelet would refuse them:
 * otherwise a bad label key surfaces as a kubelet that crash-loops on a half-provisioned node.
 */
export const kubernetesNames: Rule = ({ inventory, source }) => {
  const findings: Finding[] = [];
  for (const { path, value, kind } of objectNames(inventory)) {
    const errs = isDns1123Subdomain(value);
    if (errs.length) findings.push(error(path, `is not a valid ${kind} name: ${errs.join('; ')}`));
  }
  const lineOf = (path: FieldPath): number => source.position(path).line;
  inventory.hosts.forEach((host, i) => {
    findings.push(...labelFindings(host, i), ...taintFindings(host, i, lineOf));
  });
  return findings;
};
