import { PatchStrategy, type KubernetesObject, type KubernetesObjectApi } from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import { FIELD_MANAGER } from './apply.ts';
import { headerOf, messageOf, objectRef, statusOf } from './object-ref.ts';
import { served } from './served.ts';

/** One field of a drifted object: live -> declared, or the manager that now owns it. */
export interface FieldDrift {
  path: string;
  live?: unknown;
  declared?: unknown;
  manager?: string;
  /** The values are secret (a Secret's data): only the path is shown. */
  hidden?: boolean;
}

/** One way a live object differs from what rigger declares. */
export interface ObjectDrift {
  ref: string;
  /**
   * `missing`: not in the cluster; `unserved`: its kind is not served yet (the CRD comes with a
   * chart); `changed`: declared fields differ; `conflict`: another manager owns declared fields;
   * `orphan`: rigger's label is on it but the inventory no longer declares it.
   */
  kind: 'missing' | 'unserved' | 'changed' | 'conflict' | 'orphan';
  fields: FieldDrift[];
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

/** Secret values never leave this module: a Secret's drift names its fields only. */
function hideSecretValues(o: KubernetesObject, fields: FieldDrift[]): FieldDrift[] {
  if (o.kind !== 'Secret') return fields;
  return fields.map((f) => (/^(data|stringData)\b/.test(f.path) ? { path: f.path, hidden: true } : f));
}

/**
 * Compares one declared object with the cluster: a server-side apply dry run under rigger's field
 * manager (so defaulting and merging are the server's own) against the live object. Only what
 * rigger declares can differ. A conflict means another manager took a declared field: that is
 * drift, named with the manager.
 */
export async function objectDrift(
  api: KubernetesObjectApi,
  declared: KubernetesObject,
): Promise<ObjectDrift | undefined> {
  const ref = objectRef(declared);
  if (!(await served(api, declared.apiVersion ?? '', declared.kind ?? '')))
    return { ref, kind: 'unserved', fields: [] };
  for (let attempt = 1; ; attempt++) {
    let live: KubernetesObject;
    try {
      live = await api.read(headerOf(declared));
    } catch (e) {
      if (statusOf(e) === 404) return { ref, kind: 'missing', fields: [] };
      throw e;
    }
    const planned = await dryRunApply(api, declared);
    if ('conflict' in planned) return { ref, kind: 'conflict', fields: planned.conflict };
    // A dry run stores nothing, so its answer keeps the live resourceVersion; another one means
    // someone (a controller adding its annotation, say) wrote the object between the read and
    // the dry run, and comparing the two would call their write drift. Read again.
    const moved = planned.metadata?.resourceVersion !== live.metadata?.resourceVersion;
    if (moved && attempt < STALE_READ_ATTEMPTS) continue;
    const fields = hideSecretValues(declared, differences(clean(live), clean(planned)));
    return fields.length ? { ref, kind: 'changed', fields } : undefined;
  }
}

/** How many times a read the object outran is repeated before comparing anyway. */
const STALE_READ_ATTEMPTS = 3;

/** rigger's server-side apply as a dry run: the object as it would be, or who holds its fields. */
async function dryRunApply(
  api: KubernetesObjectApi,
  declared: KubernetesObject,
): Promise<KubernetesObject | { conflict: FieldDrift[] }> {
  try {
    return await api.patch(declared, undefined, 'All', FIELD_MANAGER, false, PatchStrategy.ServerSideApply);
  } catch (e) {
    if (statusOf(e) !== 409) throw e;
    // "Apply failed with 1 conflict: conflict with "kubectl" using v1: .spec.addresses"
    const msg = messageOf(e);
    const fields = [...msg.matchAll(/conflict with "([^"]+)"[^:]*:\s*(\S+)/g)].map((m) => ({
      path: (m[2] ?? '').replace(/^\./, ''),
      manager: m[1] ?? '',
    }));
    return { conflict: fields.length ? fields : [{ path: '', manager: msg }] };
  }
}

const show = (v: unknown): string => {
  const s = v === undefined ? '(none)' : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
};

/** One line per drifted field, as the plan and the drift report print them. */
export function describeFields(d: ObjectDrift): string[] {
  return d.fields.map((f) => {
    if (f.manager !== undefined) return `${f.path || '(fields)'}: owned by "${f.manager}"`;
    if (f.hidden) return `${f.path}: changed (secret value not shown)`;
    return `${f.path}: ${show(f.live)} -> ${show(f.declared)}`;
  });
}

/** The one-line summary of an object's drift, in the operator's words. */
export function describeDrift(d: ObjectDrift, prune = false): string {
  switch (d.kind) {
    case 'missing':
      return `create ${d.ref}`;
    case 'unserved':
      return `create ${d.ref} (its kind is not served yet: its CRD comes with the add-on's chart)`;
    case 'changed':
      return `configure ${d.ref}: ${d.fields.map((f) => f.path).join(', ')}`;
    case 'conflict':
      return `take back ${d.ref} from ${[...new Set(d.fields.map((f) => `"${f.manager ?? '?'}"`))].join(', ')}: ${d.fields.map((f) => f.path).join(', ')}`;
    case 'orphan':
      return prune
        ? `delete ${d.ref} (no longer in the inventory)`
        : `${d.ref} is no longer in the inventory (rigger provision --prune deletes it)`;
  }
}
