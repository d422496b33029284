import { describe, expect, it } from 'vitest';
import { brief, editProd, loadText, problemsOf, prodText } from '../testing.ts';

const CP1_LABELS = 'labels: { topology.kubernetes.io/zone: rack-a }';
const withLabels = (labels: string): string => prodText().replace(CP1_LABELS, `labels: { ${labels} }`);
const withTaint = (taint: string): string =>
  prodText().replace("taints: ['dedicated=storage:PreferNoSchedule']", `taints: [${taint}]`);

describe('Kubernetes names, labels and taints rule', () => {
  it('refuses a label key whose prefix is not a DNS subdomain, at the key', () => {
    const [p, ...rest] = problemsOf(withLabels('rack..example.com/zone: a'));
    expect(rest).toEqual([]);
    expect(`${p?.line}:${p?.col} ${p?.path}`).toBe('38:15 hosts[0].labels["rack..example.com/zone"]');
    expect(p?.message).toMatch(/^invalid label key: prefix part a lowercase RFC 1123 subdomain must consist/);
  });

  it('refuses a label key prefix longer than 253 characters', () => {
    const key = `${'a'.repeat(250)}.com/zone`;
    expect(brief(problemsOf(withLabels(`${key}: a`)))).toEqual([
      `38 hosts[0].labels["${key}"]: invalid label key: prefix part must be no more than 253 characters`,
    ]);
  });

  it('refuses a label value the API server refuses', () => {
    expect(brief(problemsOf(withLabels('rigger.dev/pool: -general')))[0]).toMatch(
      /^38 hosts\[0\]\.labels\["rigger\.dev\/pool"\]: invalid label value: a valid label must be an empty string/,
    );
  });

  it('refuses a node-role label, which the kubelet would refuse to set and RKE2 would restart forever', () => {
    expect(brief(problemsOf(withLabels('node-role.kubernetes.io/worker: "true"')))).toEqual([
      expect.stringMatching(
        /^38 hosts\[0\]\.labels\["node-role\.kubernetes\.io\/worker"\]: the kubelet refuses to set a label in the kubernetes\.io or k8s\.io namespace/,
      ),
    ]);
  });

  it('accepts the labels a kubelet may set on itself', () => {
    const text = withLabels(
      'topology.kubernetes.io/zone: rack-a, node.kubernetes.io/pool: general, rigger.dev/x: ""',
    );
    expect(loadText(text).inventory.hosts[0].labels).toEqual({
      'topology.kubernetes.io/zone': 'rack-a',
      'node.kubernetes.io/pool': 'general',
      'rigger.dev/x': '',
    });
  });

  it('reports a value the schema refuses once, not again by the rule', () => {
    expect(brief(problemsOf(withLabels(`rigger.dev/pool: ${'a'.repeat(64)}`)))).toEqual([
      '38 hosts[0].labels["rigger.dev/pool"]: must NOT have more than 63 characters',
    ]);
  });

  it('refuses a taint key that is not a qualified name', () => {
    expect(brief(problemsOf(withTaint("'example.com/gpu/a=x:NoSchedule'")))[0]).toMatch(
      /^71 hosts\[5\]\.taints\[0\]: invalid taint: key a valid label key must consist/,
    );
    expect(brief(problemsOf(withTaint("'-gpu=x:NoSchedule'")))[0]).toMatch(
      /^71 hosts\[5\]\.taints\[0\]: invalid taint: key name part must consist/,
    );
  });

  it('refuses a taint value that is not a label value', () => {
    expect(brief(problemsOf(withTaint("'gpu=x.:NoSchedule'")))[0]).toMatch(
      /^71 hosts\[5\]\.taints\[0\]: invalid taint: value a valid label must be/,
    );
  });

  it('refuses two taints with the same key and effect, as the API server does', () => {
    expect(brief(problemsOf(withTaint("'gpu=a:NoSchedule', 'gpu=b:NoSchedule', 'gpu=c:NoExecute'")))).toEqual(
      [
        '71 hosts[5].taints[1]: taints must be unique by key and effect pair: gpu:NoSchedule again (first at line 71)',
      ],
    );
  });

  it('refuses a StorageClass name that is not a DNS subdomain', () => {
    const text = editProd((d) => d.setIn(['addons', 'storage', 'storageClass'], 'fast..ssd'));
    expect(brief(problemsOf(text))).toEqual([
      expect.stringMatching(
        /^\d+ addons\.storage\.storageClass: is not a valid StorageClass name: a lowercase RFC 1123 subdomain/,
      ),
    ]);
  });

  it('accepts the prod example', () => {
    expect(problemsOf(prodText())).toEqual([]);
  });
});
