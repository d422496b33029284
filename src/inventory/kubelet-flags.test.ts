import { describe, expect, it } from 'vitest';
import { isKubeletLabel, kubeletRefusesLabel, parseTaint } from './kubelet-flags.ts';

describe('what the kubelet accepts in --node-labels', () => {
  it('lets a kubelet set the well-known labels and the kubelet and node namespaces', () => {
    for (const key of [
      'kubernetes.io/hostname',
      'kubernetes.io/arch',
      'topology.kubernetes.io/zone',
      'topology.kubernetes.io/region',
      'node.kubernetes.io/instance-type',
      'node.kubernetes.io/anything',
      'kubelet.kubernetes.io/anything',
      'team.node.kubernetes.io/anything',
      'failure-domain.beta.kubernetes.io/zone',
    ])
      expect(isKubeletLabel(key), key).toBe(true);
  });

  it('refuses other kubernetes.io and k8s.io keys, role labels included', () => {
    for (const key of [
      'node-role.kubernetes.io/worker',
      'app.kubernetes.io/name',
      'kubernetes.io/role',
      'node-restriction.kubernetes.io/pool',
      'example.k8s.io/x',
      'k8s.io/x',
    ])
      expect(kubeletRefusesLabel(key), key).toMatch(/^the kubelet refuses/);
  });

  it('says how role labels come about instead', () => {
    expect(kubeletRefusesLabel('node-role.kubernetes.io/worker')).toMatch(
      /RKE2 labels servers node-role.kubernetes.io\/control-plane and \/etcd itself/,
    );
  });

  it('leaves keys of other namespaces alone', () => {
    for (const key of [
      'rigger.dev/pool',
      'example.com/kubernetes.io',
      'kubernetes.io.example.com/x',
      'plain',
    ])
      expect(kubeletRefusesLabel(key), key).toBeUndefined();
  });
});

describe('taints as the kubelet parses --register-with-taints', () => {
  it('parses key=value:Effect and key:Effect', () => {
    expect(parseTaint('dedicated=storage:PreferNoSchedule')).toEqual({
      taint: { key: 'dedicated', value: 'storage', effect: 'PreferNoSchedule' },
    });
    expect(parseTaint('example.com/gpu:NoExecute')).toEqual({
      taint: { key: 'example.com/gpu', value: '', effect: 'NoExecute' },
    });
  });

  it('refuses a key, value or effect the API server refuses', () => {
    const errors = (spec: string): string[] => {
      const r = parseTaint(spec);
      return 'errors' in r ? r.errors : [];
    };
    expect(errors('a/b/c:NoSchedule')[0]).toMatch(/^key a valid label key/);
    expect(errors('-x:NoSchedule')[0]).toMatch(/^key name part must consist/);
    expect(errors('x=-y:NoSchedule')[0]).toMatch(/^value a valid label must be/);
    expect(errors(`x=${'v'.repeat(64)}:NoSchedule`)).toEqual(['value must be no more than 63 characters']);
    expect(errors('x=y:NoAdmit')).toEqual([
      'effect "NoAdmit" is not supported: NoSchedule, PreferNoSchedule, NoExecute',
    ]);
    expect(errors('x=y')).toEqual(['effect is required: NoSchedule, PreferNoSchedule, NoExecute']);
    expect(errors('x=y=z:NoSchedule')[0]).toMatch(/more than one '='/);
    expect(errors('x:y:NoSchedule')[0]).toMatch(/more than one ':'/);
  });
});
