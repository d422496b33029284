/** Reading rendered workloads and claims, as the API server and the scheduler would. */
import type {
  KubernetesObject,
  V1Container,
  V1PersistentVolumeClaimSpec,
  V1PodSpec,
  V1PodTemplateSpec,
} from '@kubernetes/client-node';
import { refOf } from './platform.ts';

type Obj = KubernetesObject & { spec?: Record<string, unknown> };

export interface Workload {
  ref: string;
  object: KubernetesObject;
  pod: V1PodSpec;
  /** The pod template's labels, which Services select. */
  labels: Record<string, string>;
}

/** Every pod template of Deployments, DaemonSets, StatefulSets, Jobs and CronJobs. */
export function workloads(objects: readonly KubernetesObject[]): Workload[] {
  const out: Workload[] = [];
  for (const o of objects as Obj[]) {
    const spec = o.spec as
      { template?: V1PodTemplateSpec; jobTemplate?: { spec?: { template?: V1PodTemplateSpec } } } | undefined;
    const template = spec?.template ?? spec?.jobTemplate?.spec?.template;
    const pod = template?.spec;
    if (pod && ['Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'].includes(o.kind ?? ''))
      out.push({ ref: refOf(o), object: o, pod, labels: template.metadata?.labels ?? {} });
  }
  return out;
}

export const containersOf = (w: Workload): V1Container[] => [
  ...(w.pod.initContainers ?? []),
  ...w.pod.containers,
];

export interface Claim {
  /** The object that asks for the volume. */
  owner: string;
  namespace: string;
  spec: V1PersistentVolumeClaimSpec;
}

/**
 * Every claim the platform makes: PersistentVolumeClaims, StatefulSet volumeClaimTemplates and the
 * Prometheus operator's storage templates (Prometheus, Alertmanager, ThanosRuler).
 */
export function claims(objects: readonly KubernetesObject[]): Claim[] {
  const out: Claim[] = [];
  for (const o of objects as Obj[]) {
    const namespace = o.metadata?.namespace ?? '';
    const owner = refOf(o);
    if (o.kind === 'PersistentVolumeClaim')
      out.push({ owner, namespace, spec: o.spec as V1PersistentVolumeClaimSpec });
    if (o.kind === 'StatefulSet') {
      const templates = (o.spec?.volumeClaimTemplates ?? []) as { spec: V1PersistentVolumeClaimSpec }[];
      for (const t of templates) out.push({ owner, namespace, spec: t.spec });
    }
    if (['Prometheus', 'Alertmanager', 'ThanosRuler'].includes(o.kind ?? '')) {
      const storage = o.spec?.storage as
        { volumeClaimTemplate?: { spec: V1PersistentVolumeClaimSpec } } | undefined;
      if (storage?.volumeClaimTemplate)
        out.push({ owner, namespace, spec: storage.volumeClaimTemplate.spec });
    }
  }
  return out;
}
