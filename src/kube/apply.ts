import { PatchStrategy, type KubernetesObject, type KubernetesObjectApi } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { headerOf, messageOf, objectRef, statusOf, type ObjectHeader } from './object-ref.ts';

/** rigger's field manager: server-side apply records which fields rigger declares. */
export const FIELD_MANAGER = 'rigger';

export interface ApplyResult {
  ref: string;
  action: 'created' | 'configured' | 'unchanged';
}

/** Namespaces and CRDs first, so the objects that live in or are of them can be applied. */
function rank(o: KubernetesObject): number {
  if (o.kind === 'Namespace') return 0;
  if (o.kind === 'CustomResourceDefinition') return 1;
  return 2;
}

async function read(api: KubernetesObjectApi, o: ObjectHeader): Promise<KubernetesObject | undefined> {
  try {
    return await api.read(o);
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

interface Condition {
  type: string;
  status: string;
  message?: string;
}

/** Waits until a CRD is `Established`, saying what it saw when it gives up. */
export async function waitForCrd(api: KubernetesObjectApi, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = 'not found';
  while (Date.now() < deadline) {
    const crd = await read(api, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name },
    });
    const cond = (crd as { status?: { conditions?: Condition[] } } | undefined)?.status?.conditions ?? [];
    if (cond.some((c) => c.type === 'Established' && c.status === 'True')) return;
    if (crd)
      seen =
        cond.map((c) => `${c.type}=${c.status}${c.message ? ` (${c.message})` : ''}`).join(', ') ||
        'no conditions yet';
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new RunError(
    `CustomResourceDefinition/${name} not Established after ${Math.round(timeoutMs / 1000)} s; last seen: ${seen}`,
  );
}

/**
 * Server-side applies objects under rigger's field manager, namespaces and CRDs first (waiting
 * for each CRD to be Established). An object whose resourceVersion did not move is unchanged.
 */
export async function applyObjects(
  api: KubernetesObjectApi,
  objects: readonly KubernetesObject[],
  opts: { force?: boolean } = {},
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  for (const o of [...objects].sort((a, b) => rank(a) - rank(b))) {
    const before = await read(api, headerOf(o));
    let after: KubernetesObject;
    try {
      after = await api.patch(
        o,
        undefined,
        undefined,
        FIELD_MANAGER,
        opts.force ?? false,
        PatchStrategy.ServerSideApply,
      );
    } catch (e) {
      throw new RunError(`applying ${objectRef(o)} failed: ${messageOf(e)}`, { cause: e });
    }
    const action = !before
      ? 'created'
      : before.metadata?.resourceVersion === after.metadata?.resourceVersion
        ? 'unchanged'
        : 'configured';
    results.push({ ref: objectRef(o), action });
    if (o.kind === 'CustomResourceDefinition' && o.metadata?.name) await waitForCrd(api, o.metadata.name);
  }
  return results;
}

/**
 * Server-side applies one object under rigger's field manager, taking back fields another manager
 * took (`force`): the inventory is the truth, and the plan said so beforehand.
 */
export async function applyObject(api: KubernetesObjectApi, o: KubernetesObject): Promise<KubernetesObject> {
  try {
    return await api.patch(o, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  } catch (e) {
    throw new RunError(`applying ${objectRef(o)} failed: ${messageOf(e)}`, { cause: e });
  }
}
