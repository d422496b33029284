import { describe, expect, it } from 'vitest';
import { brief, editProd, INVENTORY_DIR, loadText, problemsOf, prodText } from './testing.ts';

describe('loading an inventory', () => {
  it('loads the prod example with defaults filled in from the schema', () => {
    const { inventory, warnings } = loadText(prodText());
    expect(warnings).toEqual([]);
    expect(inventory.cluster.clusterCidr).toBe('10.42.0.0/16');
    expect(inventory.ssh.port).toBe(22);
    expect(inventory.ssh.hostKeyPolicy).toBe('strict');
    expect(inventory.addons.cilium.version).toBe('1.19.6');
    expect(inventory.addons.cilium.values).toMatchObject({ hubble: { relay: { enabled: true } } });
    expect(inventory.addons.rookCeph.values).toEqual({});
    expect(inventory.hosts[0].taints).toEqual([]);
  });

  it('makes relative paths absolute against the inventory file', () => {
    const { inventory } = loadText(prodText());
    expect(inventory.ssh.knownHostsPath).toBe(`${INVENTORY_DIR}prod.known_hosts`);
  });

  it('reports a tab used for indentation at its line', () => {
    const text = prodText().replace('  name: prod\n', '\tname: prod\n');
    const [p] = problemsOf(text);
    expect(p?.line).toBe(7);
    expect(p?.message).toMatch(/tab/i);
  });

  it('reports a duplicate key in a mapping', () => {
    const text = prodText().replace('  name: prod\n', '  name: prod\n  name: prod2\n');
    expect(brief(problemsOf(text)).join()).toMatch(/^8 : Map keys must be unique/);
  });

  it('names the closest known key for an unknown key, at the key', () => {
    const text = prodText().replace('  clusterCidr:', '  clusterCIDR:');
    expect(brief(problemsOf(text))).toEqual([
      '16 cluster.clusterCIDR: unknown key "clusterCIDR"; did you mean "clusterCidr"?',
    ]);
  });

  it('does not guess when no known key is close', () => {
    const text = prodText().replace('  clusterCidr:', '  flux:');
    expect(brief(problemsOf(text))).toEqual(['16 cluster.flux: unknown key "flux"']);
  });

  it('reports a missing required key at the object that lacks it', () => {
    const text = editProd((d) => d.deleteIn(['hosts', 1, 'os']));
    expect(brief(problemsOf(text))).toEqual(['39 hosts[1].os: is required']);
  });

  it('refuses a literal token and says how to reference it', () => {
    const text = prodText().replace('token: { env: RIGGER_PROD_TOKEN }', 'token: K10abc::server:secret');
    const problems = problemsOf(text);
    expect(brief(problems)).toEqual([
      '18 cluster.token: a literal secret is refused: write { env: NAME } or { file: PATH }',
    ]);
    expect(JSON.stringify(problems)).not.toContain('K10abc');
  });

  it('reports every problem at once, sorted by line, across schema and semantic rules', () => {
    let text = prodText().replace('  clusterCidr:', '  clusterCIDR:');
    text = text.replace('  - name: cp-2\n', '  - name: cp-1\n');
    text = text.replace(
      '    os: flatcar\n    network: { interface: eno1, prefixLength: 24, gateway: 10.20.0.1, dns: [10.20.0.2] }\n    labels: { topology.kubernetes.io/zone: rack-c }\n    taints',
      '    os: windows\n    network: { interface: eno1, prefixLength: 24, gateway: 10.20.0.1, dns: [10.20.0.2] }\n    labels: { topology.kubernetes.io/zone: rack-c }\n    taints',
    );
    const lines = brief(problemsOf(text));
    expect(lines).toEqual([
      '16 cluster.clusterCIDR: unknown key "clusterCIDR"; did you mean "clusterCidr"?',
      '39 hosts[1].name: duplicate host name "cp-1" (first at line 33)',
      '68 hosts[5].os: must be one of "ubuntu", "flatcar"',
    ]);
  });

  it('reports a wrong type with the expected one', () => {
    const text = editProd((d) => d.setIn(['ssh', 'port'], 'twenty-two'));
    expect(brief(problemsOf(text))).toEqual(['31 ssh.port: must be an integer']);
  });

  it('refuses an empty file', () => {
    expect(brief(problemsOf(''))).toEqual(['0 : the inventory is empty']);
  });

  it('shows label keys with dots in bracket form', () => {
    const text = prodText().replace(
      'labels: { topology.kubernetes.io/zone: rack-a }',
      'labels: { topology.kubernetes.io/zone: 7 }',
    );
    expect(brief(problemsOf(text))[0]).toBe(
      '38 hosts[0].labels["topology.kubernetes.io/zone"]: must be a string',
    );
  });
});
