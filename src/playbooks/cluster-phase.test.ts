import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../core/redact.ts';
import { KubeconfigClusterLink } from '../kube/cluster-link.ts';
import { loadText, prodText } from '../inventory/testing.ts';
import type { ClusterChange, ClusterTask } from '../tasks/cluster/cluster-task.ts';
import { TaskSkip } from '../tasks/task.ts';
import { runOperation } from '../engine/manager.ts';
import { clusterPhaseSpec } from './cluster-phase.ts';
import type { RunEvent, TaskResult } from '../engine/events.ts';

const kc = new KubeConfig();
kc.loadFromOptions({
  clusters: [{ name: 'c', server: 'https://127.0.0.1:1' }],
  users: [{ name: 'u' }],
  contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
  currentContext: 'x',
});

/** A task over an in-memory "cluster": a set of names it wants present. */
function task(
  id: string,
  state: Set<string>,
  want: string[],
  opts: { deferred?: string[]; fail?: boolean } = {},
): ClusterTask {
  return {
    id,
    title: id,
    plan: () => {
      const changes: ClusterChange[] = want
        .filter((w) => !state.has(w))
        .map((w) => ({
          summary: `create ${w}`,
          apply: () => {
            if (opts.fail) return Promise.reject(new Error(`cannot create ${w} with secret s3cr3t-value`));
            if (!w.startsWith('stuck')) state.add(w);
            return Promise.resolve();
          },
        }));
      for (const d of opts.deferred ?? [])
        changes.push({
          summary: `${d} is no longer in the inventory`,
          deferred: true,
          apply: () => Promise.reject(new Error('never')),
        });
      if (changes.length === 0 && want.length === 0 && !opts.deferred)
        return Promise.reject(new TaskSkip('disabled in the inventory'));
      return Promise.resolve(changes);
    },
  };
}

/** The phase as the manager runs it: no hosts, one cluster phase (no Lease: the test cluster is in memory). */
async function run(tasks: ClusterTask[], dryRun = false) {
  const events: RunEvent[] = [];
  const redactor = new Redactor();
  redactor.add('s3cr3t-value');
  const base = {
    inventory: loadText(prodText()).inventory,
    secrets: new Map(),
    prune: false,
    timeoutMs: 1000,
  };
  const summary = await runOperation(
    {
      name: 'addons',
      hosts: [],
      probes: () => [],
      cluster: () => new KubeconfigClusterLink(kc),
      phases: [clusterPhaseSpec({ target: 'cluster', name: 'addons', tasks }, base)],
    },
    {
      connect: () => Promise.reject(new Error('no hosts')),
      redactor,
      listeners: [(e) => events.push(e)],
      runId: 'test',
      dryRun,
      takeLocks: false,
      lockOwner: { owner: 'test', command: 'addons' },
      parallel: 1,
    },
  );
  const results = events.flatMap((e): TaskResult[] => (e.type === 'task' ? [e.result] : []));
  return {
    ok: !summary.failed,
    results,
    events,
    line: results.map((r) => `${r.task} ${r.status}${r.message ? `: ${r.message}` : ''}`),
  };
}

describe('a cluster phase', () => {
  it('applies what each task planned, re-checks, and changes nothing the second time', async () => {
    const state = new Set<string>();
    const tasks = [
      task('cilium', state, ['a']),
      task('metallb', state, ['b', 'c']),
      task('velero', state, []),
    ];
    expect((await run(tasks)).line).toEqual([
      'cilium changed',
      'metallb changed',
      'velero skipped: disabled in the inventory',
    ]);
    expect([...state]).toEqual(['a', 'b', 'c']);
    expect((await run(tasks)).line).toEqual([
      'cilium ok',
      'metallb ok',
      'velero skipped: disabled in the inventory',
    ]);
  });

  it('changes nothing in a dry run and reports what it would change', async () => {
    const state = new Set<string>();
    const r = await run([task('cilium', state, ['a'])], true);
    expect(r.results[0]?.changes.map((c) => c.summary)).toEqual(['create a']);
    expect(r.line).toEqual(['cilium changed']);
    expect(state.size).toBe(0);
  });

  it('stops at the first failed task, skips the rest and redacts secrets from the error', async () => {
    const state = new Set<string>();
    const r = await run([task('cilium', state, ['a'], { fail: true }), task('metallb', state, ['b'])]);
    expect(r.ok).toBe(false);
    expect(r.line).toEqual([
      'cilium failed: cannot create a with secret ***',
      'metallb skipped: cilium failed earlier in the phase addons',
    ]);
  });

  it('fails a task whose re-check still finds changes after apply', async () => {
    const r = await run([task('cilium', new Set(), ['stuck-1'])]);
    expect(r.line).toEqual(['cilium failed: still differs after apply: create stuck-1']);
  });

  it('reports deferred changes as warnings and never applies them', async () => {
    const r = await run([task('tempo', new Set(), [], { deferred: ['HelmChart/kube-system/tempo'] })]);
    expect(r.line).toEqual(['tempo ok']);
    expect(r.events.flatMap((e) => (e.type === 'host' ? [e.message] : []))).toEqual([
      'HelmChart/kube-system/tempo is no longer in the inventory',
    ]);
    const dry = await run(
      [task('tempo', new Set(), [], { deferred: ['HelmChart/kube-system/tempo'] })],
      true,
    );
    expect(dry.line).toEqual(['tempo changed']);
  });
});
