/**
 * What the kubelet refuses in the flags RKE2 gives it. RKE2 (as k3s, pkg/daemons/agent/
 * agent_linux.go) passes `node-label` as `--node-labels` and `node-taint` as
 * `--register-with-taints`, each joined with ','; a kubelet that refuses one exits at start and
 * RKE2 restarts it forever, so the node never joins.
 */
import { isQualifiedName, isValidLabelValue } from './kubernetes-validation.ts';

/**
 * The labels a kubelet may set on its own Node (kubernetes/kubernetes pkg/kubelet/apis/
 * well_known_labels.go `kubeletLabels`, the set the kubelet's error message lists).
 */
export const KUBELET_LABELS: readonly string[] = [
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'kubernetes.io/arch',
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
];

/** Label namespaces (and their subdomains) a kubelet may set (`kubeletLabelNamespaces`). */
export const KUBELET_LABEL_NAMESPACES: readonly string[] = ['kubelet.kubernetes.io', 'node.kubernetes.io'];

function labelNamespace(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

const inDomain = (namespace: string, domain: string): boolean =>
  namespace === domain || namespace.endsWith(`.${domain}`);

/** `IsKubeletLabel` of pkg/kubelet/apis. */
export function isKubeletLabel(key: string): boolean {
  if (KUBELET_LABELS.includes(key)) return true;
  const ns = labelNamespace(key);
  return KUBELET_LABEL_NAMESPACES.some((allowed) => inDomain(ns, allowed));
}

/** `isKubernetesLabel` of cmd/kubelet/app/options/options.go: the namespaces the kubelet guards. */
export function isKubernetesLabel(key: string): boolean {
  const ns = labelNamespace(key);
  return inDomain(ns, 'kubernetes.io') || inDomain(ns, 'k8s.io');
}

/**
 * Why the kubelet refuses `key` in `--node-labels`, or undefined when it accepts it
 * (`ValidateKubeletFlags`: a kubernetes.io or k8s.io key that is not a kubelet label).
 */
export function kubeletRefusesLabel(key: string): string | undefined {
  if (!isKubernetesLabel(key) || isKubeletLabel(key)) return undefined;
  const role = key.startsWith('node-role.kubernetes.io/')
    ? '; RKE2 labels servers node-role.kubernetes.io/control-plane and /etcd itself, any other role label is set through the API (kubectl label) once the node has joined'
    : '';
  return (
    `the kubelet refuses to set a label in the kubernetes.io or k8s.io namespace on its own Node: ` +
    `allowed are the prefixes ${KUBELET_LABEL_NAMESPACES.join(', ')} and ${KUBELET_LABELS.join(', ')}${role}`
  );
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
const EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A taint as the API stores it. */
export interface Taint {
  key: string;
  value: string;
  effect: TaintEffect;
}

/**
 * Parses `key=value:Effect` or `key:Effect` as the kubelet parses `--register-with-taints`
 * (pkg/util/taints/taints.go `parseTaint`), then checks it as the API server checks a Node's taints
 * (pkg/apis/core/validation `validateNodeTaints`: key a qualified name, value a label value, an
 * effect required). Returns the taint or the reasons it is refused.
 */
export function parseTaint(spec: string): { taint: Taint } | { errors: string[] } {
  const parts = spec.split(':');
  if (parts.length > 2) return { errors: [`invalid taint spec: ${spec}: more than one ':'`] };
  const [keyValue = '', effect] = parts;
  const kv = keyValue.split('=');
  if (kv.length > 2) return { errors: [`invalid taint spec: ${spec}: more than one '='`] };
  const [key = '', value = ''] = kv;
  const errors = [
    ...isQualifiedName(key).map((m) => `key ${m}`),
    ...isValidLabelValue(value).map((m) => `value ${m}`),
  ];
  if (effect === undefined || effect === '') {
    errors.push(`effect is required: ${EFFECTS.join(', ')}`);
  } else if (!EFFECTS.includes(effect)) {
    errors.push(`effect "${effect}" is not supported: ${EFFECTS.join(', ')}`);
  }
  return errors.length ? { errors } : { taint: { key, value, effect: effect as TaintEffect } };
}
