import { PatchStrategy, type KubernetesObject, type KubernetesObjectApi } from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import { FIELD_MANAGER } from './apply.ts';
import { headerOf, messageOf, objectRef, statusOf } from './object-ref.ts';

/** One way a live object differs from what rigger declares. */
export interface ObjectDrift {
  ref: string;
  kind: 'missing' | 'changed' | 'conflict';
  /** Field paths with live -> declared values, or the manager that owns a declared field. */
  fields: { path: string; live?: unknown; declared?: unknown; manager?: string }[];
}

const IGNORED_METADATA = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp'];

function clean(o: KubernetesObject): Record<string, unknown> {
  const copy = structuredClone(o) as Record<string, unknown> & { metadata?: Record<string, unknown> };
  delete copy.status;
  for (const k of IGNORED_METADATA) delete copy.metadata?.[k];
  return copy;
}

/** Leaf paths where two values differ, in `a.b[2].c` form. */
export function differences(
  live: unknown,
  declared: unknown,
  path = '',
): { path: string; live?: unknown; declared?: unknown }[] {
  if (isDeepStrictEqual(live, declared)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(live) && isObj(declared)) {
    return [...new Set([...Object.keys(live), ...Object.keys(declared)])].flatMap((k) =>
      differences(
        live[k],
        declared[k],
        /^[A-Za-z_][\w-]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`,
      ),
    );
  }
  return [{ path, live, declared }];
}

/**
 * Compares one declared object with the cluster: a server-side apply dry run under rigger's field
 * manager (so defaulting and merging are the server's own) against the live object. A conflict
 * means another manager took a field rigger declares: that is drift, named with the manager.
 */
export async function objectDrift(
  api: KubernetesObjectApi,
  declared: KubernetesObject,
): Promise<ObjectDrift | undefined> {
  const ref = objectRef(declared);
  let live: KubernetesObject;
  try {
    live = await api.read(headerOf(declared));
  } catch (e) {
    if (statusOf(e) === 404) return { ref, kind: 'missing', fields: [] };
    throw e;
  }
  let planned: KubernetesObject;
  try {
    planned = await api.patch(
      declared,
      undefined,
      'All',
      FIELD_MANAGER,
      false,
      PatchStrategy.ServerSideApply,
    );
  } catch (e) {
    if (statusOf(e) !== 409) throw e;
    // "Apply failed with 1 conflict: conflict with "kubectl" using v1: .spec.addresses"
    const msg = messageOf(e);
    const fields = [...msg.matchAll(/conflict with "([^"]+)"[^:]*:\s*(\S+)/g)].map((m) => ({
      path: (m[2] ?? '').replace(/^\./, ''),
      manager: m[1] ?? '',
    }));
    return { ref, kind: 'conflict', fields: fields.length ? fields : [{ path: '', manager: msg }] };
  }
  const fields = differences(clean(live), clean(planned));
  return fields.length ? { ref, kind: 'changed', fields } : undefined;
}
