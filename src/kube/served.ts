import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { RunError } from '../core/errors.ts';
import { statusOf } from './object-ref.ts';

/**
 * Kinds an API client has seen served. A served kind stays served for the client's life (one
 * cluster phase of one run: rigger installs CRDs through charts and never removes one while it
 * runs), so it is asked once per kind, not once per object and again on the re-check. A kind not
 * served yet is asked again each time: its chart may have just brought its CRD.
 */
const seenServed = new WeakMap<KubernetesObjectApi, Map<string, Promise<boolean>>>();

/**
 * Whether the API server serves this kind now (its CRD installed and Established, or built in).
 * Concurrent questions about one kind (a plan asks about all its objects at once) share one
 * answer; only a "served" answer is kept.
 */
export function served(api: KubernetesObjectApi, apiVersion: string, kind: string): Promise<boolean> {
  const key = `${apiVersion}/${kind}`;
  const seen = seenServed.get(api) ?? new Map<string, Promise<boolean>>();
  seenServed.set(api, seen);
  let answer = seen.get(key);
  if (!answer) {
    answer = askServed(api, apiVersion, kind);
    seen.set(key, answer);
    const forget = (): void => {
      seen.delete(key);
    };
    answer.then((yes) => {
      if (!yes) forget();
    }, forget);
  }
  return answer;
}

async function askServed(api: KubernetesObjectApi, apiVersion: string, kind: string): Promise<boolean> {
  try {
    // Discovery is what the client does first; a list of at most one object is the cheapest use.
    await api.list(apiVersion, kind, undefined, undefined, undefined, undefined, undefined, undefined, 1);
    return true;
  } catch (e) {
    if (statusOf(e) === 404) return false;
    // The group is served but not this kind (the client's own discovery says so).
    if (e instanceof Error && /Unrecognized API version and kind/.test(e.message)) return false;
    throw e;
  }
}

/** Waits until a kind is served, e.g. after the chart that brings its CRD was installed. */
export async function waitForServed(
  api: KubernetesObjectApi,
  apiVersion: string,
  kind: string,
  timeoutMs: number,
  why: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await served(api, apiVersion, kind))) {
    if (Date.now() > deadline)
      throw new RunError(
        `${kind} (${apiVersion}) is still not served after ${Math.round(timeoutMs / 1000)} s; ${why}`,
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}
