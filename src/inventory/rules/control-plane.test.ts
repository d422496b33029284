import { describe, expect, it } from 'vitest';
import { brief, editProd, loadText, problemsOf, prodText } from '../testing.ts';

const withServers = (n: number, allowSingle = false): string =>
  editProd((d) => {
    const names = ['cp-1', 'cp-2', 'cp-3'];
    for (const [i, name] of names.entries()) {
      if (i >= n) d.setIn(['hosts', i, 'roles'], d.createNode(['worker']));
      else d.setIn(['hosts', i, 'name'], name);
    }
    if (n > 3) d.setIn(['hosts', 3, 'roles'], d.createNode(['control-plane', 'storage']));
    if (n > 4) d.setIn(['hosts', 4, 'roles'], d.createNode(['control-plane', 'storage']));
    if (allowSingle) d.setIn(['cluster', 'allowSingleServer'], true);
  });

describe('control-plane quorum rule', () => {
  it('accepts three and five control-plane hosts', () => {
    expect(problemsOf(prodText())).toEqual([]);
    expect(problemsOf(withServers(5))).toEqual([]);
  });

  it('refuses two control-plane hosts: etcd needs an odd number', () => {
    expect(brief(problemsOf(withServers(2)))).toEqual([
      '33 hosts: 2 control-plane hosts (cp-1, cp-2): etcd needs an odd number, at least 3',
    ]);
  });

  it('warns about four control-plane hosts (the transitional state of a replace-node), without refusing', () => {
    expect(problemsOf(withServers(4))).toEqual([]);
    const warnings = loadText(withServers(4)).warnings.map((w) => w.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(/4 control-plane hosts .*replace-node.*odd number/),
    );
  });

  it('refuses a single server unless the inventory opts in', () => {
    expect(brief(problemsOf(withServers(1)))[0]).toMatch(
      /1 control-plane host \(cp-1\): at least 3 .*allowSingleServer/,
    );
    expect(problemsOf(withServers(1, true))).toEqual([]);
  });

  it('refuses an inventory without control-plane hosts even with the single-server opt-in', () => {
    expect(brief(problemsOf(withServers(0, true)))[0]).toMatch(/no host has the control-plane role/);
  });
});
