/**
 * objectDrift against the real kube-apiserver while another writer touches the object between
 * rigger's read and its dry run, as the helm-controller does when it annotates a HelmChart rigger
 * has just created (seen in CI: a false "metadata.annotations (none) -> {...}" drift, then a failed
 * re-check). The other writer is a second client, called from the read through a wrapped API.
 */
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyObject } from '../../src/kube/apply.ts';
import { objectDrift } from '../../src/kube/drift.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

let kube: KubeApi;
let api: KubernetesObjectApi;

beforeAll(async () => {
  kube = await startKubeApi();
  api = KubernetesObjectApi.makeApiClient(kube.kubeConfig());
});

afterAll(async () => {
  await kube.stop();
});

const configMap = (name: string): KubernetesObject & { data: Record<string, string> } => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data: { rigger: 'declared' },
});

/** The same API, except that its first `times` reads are each followed by another writer's change. */
function racingReads(times: number): KubernetesObjectApi {
  let left = times;
  return new Proxy(api, {
    get(target, prop, receiver) {
      if (prop !== 'read') return Reflect.get(target, prop, receiver) as unknown;
      return async (header: Parameters<KubernetesObjectApi['read']>[0]) => {
        const live = await target.read(header);
        if (left-- > 0) {
          const { apiVersion, kind } = header;
          const { name, namespace } = header.metadata;
          await target.patch(
            {
              apiVersion,
              kind,
              metadata: { name, namespace, annotations: { 'controller/seen': String(left) } },
            },
            undefined,
            undefined,
            'a-controller',
            undefined,
            PatchStrategy.MergePatch,
          );
        }
        return live;
      };
    },
  });
}

describe('objectDrift when the object changes between the read and the dry run', () => {
  it("does not report another writer's change made in between as drift", async () => {
    const declared = configMap('race-once');
    await applyObject(api, declared);
    expect(await objectDrift(api, declared)).toBeUndefined();
    expect(await objectDrift(racingReads(1), declared)).toBeUndefined();
  });

  it('still reports real drift of a declared field while the object keeps moving', async () => {
    const declared = configMap('race-drift');
    await applyObject(api, declared);
    // The inventory now declares another value; the other writer never stops writing.
    const drift = await objectDrift(racingReads(5), {
      ...declared,
      data: { rigger: 'new' },
    } as KubernetesObject);
    expect(drift?.kind).toBe('changed');
    expect(drift?.fields).toContainEqual({ path: 'data.rigger', live: 'declared', declared: 'new' });
  });
});
