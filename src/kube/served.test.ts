import type { KubernetesObjectApi } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { served } from './served.ts';

/** An API client that counts its list calls and serves the kinds in `kinds`. */
function counting(kinds: Set<string>) {
  const calls: string[] = [];
  const api = {
    list: (apiVersion: string, kind: string) => {
      calls.push(kind);
      if (kinds.has(kind)) return Promise.resolve({ items: [] });
      return Promise.reject(Object.assign(new Error('not found'), { code: 404 }));
    },
  } as unknown as KubernetesObjectApi;
  return { api, calls };
}

describe('whether a kind is served', () => {
  it('asks once per served kind for one client, and again for a kind not served yet', async () => {
    const kinds = new Set(['ConfigMap']);
    const { api, calls } = counting(kinds);
    for (let i = 0; i < 3; i++) expect(await served(api, 'v1', 'ConfigMap')).toBe(true);
    expect(await served(api, 'monitoring.coreos.com/v1', 'ServiceMonitor')).toBe(false);
    kinds.add('ServiceMonitor'); // its chart brought the CRD
    expect(await served(api, 'monitoring.coreos.com/v1', 'ServiceMonitor')).toBe(true);
    expect(calls).toEqual(['ConfigMap', 'ServiceMonitor', 'ServiceMonitor']);
    // Another client (another run) asks again.
    const other = counting(kinds);
    expect(await served(other.api, 'v1', 'ConfigMap')).toBe(true);
    expect(other.calls).toEqual(['ConfigMap']);
  });

  it('asks once for a kind asked about by several objects at once', async () => {
    const { api, calls } = counting(new Set(['Namespace']));
    const answers = await Promise.all([0, 1, 2, 3].map(() => served(api, 'v1', 'Namespace')));
    expect(answers).toEqual([true, true, true, true]);
    expect(calls).toEqual(['Namespace']);
  });
});
