import type { KubernetesObjectApi, V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { loadText, prodText } from '../../inventory/testing.ts';
import { nodesTask } from './nodes-task.ts';

const inventory = loadText(prodText()).inventory;

describe('the nodes cluster task', () => {
  it('lists the Nodes and reports what differs as deferred: drift in rigger drift, a warning in provision', async () => {
    const items: V1Node[] = [
      { metadata: { name: 'stray' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    ];
    const api = { list: () => Promise.resolve({ items }) } as unknown as KubernetesObjectApi;
    const changes = await nodesTask.plan({
      inventory,
      secrets: new Map(),
      api,
      prune: false,
      timeoutMs: 1000,
    });
    expect(changes.every((c) => c.deferred)).toBe(true);
    expect(changes.map((c) => c.object?.ref)).toEqual([
      ...inventory.hosts.map((h) => `Node/${h.name}`),
      'Node/stray',
    ]);
    await expect(
      changes[0]?.apply({ inventory, secrets: new Map(), api, prune: true, timeoutMs: 1 }),
    ).rejects.toThrow(/rigger does not change Nodes/);
  });
});
