import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyObjects } from '../../src/kube/apply.ts';
import { objectDrift } from '../../src/kube/drift.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

const ns: KubernetesObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'rigger-test' } };
const pool = (addresses: string[]): KubernetesObject =>
  ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'pool-public', namespace: 'rigger-test' },
    data: { addresses: addresses.join(',') },
  }) as KubernetesObject;
const crd: KubernetesObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.test.rigger.dev' },
  spec: {
    group: 'test.rigger.dev',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
          },
        },
      },
    ],
  },
} as KubernetesObject;
const widget = {
  apiVersion: 'test.rigger.dev/v1',
  kind: 'Widget',
  metadata: { name: 'w', namespace: 'rigger-test' },
  spec: { size: 3 },
} as KubernetesObject;

describe('apply and drift against a real kube-apiserver', () => {
  let kube: KubeApi;
  let api: KubernetesObjectApi;

  beforeAll(async () => {
    kube = await startKubeApi();
    api = KubernetesObjectApi.makeApiClient(kube.kubeConfig());
  });
  afterAll(async () => {
    await kube.stop();
  });

  it('creates objects in order (namespace, CRD, then a custom object of it) and a second apply changes nothing', async () => {
    // Given in the "wrong" order on purpose: the custom object first.
    const first = await applyObjects(api, [widget, pool(['10.0.0.1-10.0.0.9']), crd, ns]);
    expect(first.map((r) => `${r.ref} ${r.action}`)).toEqual([
      'Namespace/rigger-test created',
      'CustomResourceDefinition/widgets.test.rigger.dev created',
      'Widget/rigger-test/w created',
      'ConfigMap/rigger-test/pool-public created',
    ]);
    const second = await applyObjects(api, [widget, pool(['10.0.0.1-10.0.0.9']), crd, ns]);
    // Kubernetes 1.20 (the lab's server) records no managed fields when an apply creates a
    // Namespace; the next apply adopts the object ("before-first-apply") and bumps its version
    // once. Current releases record rigger/Apply at creation. Everything else is unchanged.
    expect(second.filter((r) => r.action !== 'unchanged').map((r) => r.ref)).toEqual([
      'Namespace/rigger-test',
    ]);
    const third = await applyObjects(api, [widget, pool(['10.0.0.1-10.0.0.9']), crd, ns]);
    expect(third.filter((r) => r.action !== 'unchanged')).toEqual([]);
  });

  it('finds no drift right after apply', async () => {
    for (const o of [ns, crd, widget, pool(['10.0.0.1-10.0.0.9'])])
      expect(await objectDrift(api, o)).toBeUndefined();
  });

  it('names the field and the other manager when someone else edits a declared field', async () => {
    const edited = pool(['10.0.0.1-10.0.0.200']);
    await api.patch(edited, undefined, undefined, 'kubectl-edit', true, PatchStrategy.ServerSideApply);
    const drift = await objectDrift(api, pool(['10.0.0.1-10.0.0.9']));
    expect(drift).toEqual({
      ref: 'ConfigMap/rigger-test/pool-public',
      kind: 'conflict',
      fields: [{ path: 'data.addresses', manager: 'kubectl-edit' }],
    });
    // Taking the field back is an explicit, forced apply.
    expect((await applyObjects(api, [pool(['10.0.0.1-10.0.0.9'])], { force: true }))[0]?.action).toBe(
      'configured',
    );
    expect(await objectDrift(api, pool(['10.0.0.1-10.0.0.9']))).toBeUndefined();
  });

  it('reports a managed object that is gone', async () => {
    await api.delete(widget);
    expect(await objectDrift(api, widget)).toEqual({
      ref: 'Widget/rigger-test/w',
      kind: 'missing',
      fields: [],
    });
  });

  it('reports a changed declared field that no other manager owns', async () => {
    await applyObjects(api, [pool(['10.0.0.1-10.0.0.9'])]);
    const drift = await objectDrift(api, pool(['10.0.0.1-10.0.0.5']));
    expect(drift).toEqual({
      ref: 'ConfigMap/rigger-test/pool-public',
      kind: 'changed',
      fields: [{ path: 'data.addresses', live: '10.0.0.1-10.0.0.9', declared: '10.0.0.1-10.0.0.5' }],
    });
  });
});
