import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectPath } from '../../core/project-root.ts';
import { FakeHost, filesFact } from '../../hosts/fake-transport.ts';
import { editProd, loadText } from '../../inventory/testing.ts';
import { CILIUM_CONFIG_MANIFEST, rke2Manifests } from './rke2-manifests.ts';
import { TaskSkip } from '../task.ts';
import { contextFor } from '../testing.ts';

const PROBE = 'files:rke2-manifests';
const none = { [PROBE]: filesFact({ [CILIUM_CONFIG_MANIFEST]: undefined }) };

describe('rke2-manifests', () => {
  it("writes the rke2-cilium HelmChartConfig with rigger's and the operator's values, then has nothing to do", async () => {
    const ctx = contextFor('cp-1', none);
    const changes = rke2Manifests.plan(ctx);
    expect(changes.map((c) => c.summary)).toEqual([`create ${CILIUM_CONFIG_MANIFEST} (mode 0600)`]);

    const host = new FakeHost('cp-1', new Map(Object.entries(none)));
    for (const c of changes) await c.apply(host);
    expect(host.writes.map((w) => [w.path, w.mode])).toEqual([[CILIUM_CONFIG_MANIFEST, 0o600]]);
    const doc = parse(host.writes[0]?.content ?? '') as {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace: string };
      spec: { valuesContent: string };
    };
    expect(doc).toMatchObject({
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChartConfig',
      metadata: { name: 'rke2-cilium', namespace: 'kube-system' },
    });
    // The doc's kube-proxy-free values, and prod.yaml's own (hubble) on top.
    expect(parse(doc.spec.valuesContent)).toMatchObject({
      kubeProxyReplacement: true,
      k8sServiceHost: 'localhost',
      k8sServicePort: 6443,
      hubble: { relay: { enabled: true } },
    });

    // A rerun: the file is what it should be, nothing to do.
    expect(rke2Manifests.plan(contextFor('cp-1', { [PROBE]: host.facts.get(PROBE) ?? '' }))).toEqual([]);
  });

  it('updates the file when the operator changes addons.cilium.values', async () => {
    const inv = loadText(
      editProd((d) => d.setIn(['addons', 'cilium', 'values'], d.createNode({ bpf: { masquerade: true } }))),
    ).inventory;
    const host = new FakeHost('cp-1', new Map(Object.entries(none)));
    for (const c of rke2Manifests.plan(contextFor('cp-1', none))) await c.apply(host);
    const changed = rke2Manifests.plan({
      ...contextFor('cp-1', { [PROBE]: host.facts.get(PROBE) ?? '' }),
      inventory: inv,
    });
    expect(changed.map((c) => c.summary)).toEqual([`update ${CILIUM_CONFIG_MANIFEST}`]);
    expect(changed[0]?.diff).toContain('+      masquerade: true');
  });

  it('removes the file when Cilium is turned off, and skips agents', () => {
    const inv = loadText(editProd((d) => d.setIn(['addons', 'cilium', 'enabled'], false))).inventory;
    const present = { [PROBE]: filesFact({ [CILIUM_CONFIG_MANIFEST]: 'x' }) };
    expect(
      rke2Manifests.plan({ ...contextFor('cp-1', present), inventory: inv }).map((c) => c.summary),
    ).toEqual([`remove ${CILIUM_CONFIG_MANIFEST} (Cilium is off)`]);
    expect(rke2Manifests.plan({ ...contextFor('cp-1', none), inventory: inv })).toEqual([]);
    expect(() => rke2Manifests.plan(contextFor('worker-1', none))).toThrow(TaskSkip);
  });

  it('runs on each server after the config and before RKE2 starts', () => {
    const playbook = parse(readFileSync(projectPath('playbooks', 'provision.yaml'), 'utf8')) as {
      phases: { name: string; tasks: string[] }[];
    };
    const servers = playbook.phases.find((p) => p.name === 'rke2-servers')?.tasks ?? [];
    expect(servers.indexOf('rke2-manifests')).toBeGreaterThan(servers.indexOf('rke2-config'));
    expect(servers.indexOf('rke2-manifests')).toBeLessThan(servers.indexOf('rke2-service'));
  });
});
