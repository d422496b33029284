import { PatchStrategy, type KubernetesObject, type KubernetesObjectApi } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { messageOf, objectRef } from './object-ref.ts';

/** rigger's field manager: server-side apply records which fields rigger declares. */
export const FIELD_MANAGER = 'rigger';

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
