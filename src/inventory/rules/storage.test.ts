import { describe, expect, it } from 'vitest';
import { brief, editProd, loadText, problemsOf } from '../testing.ts';

describe('storage hosts rule', () => {
  it('refuses Rook-Ceph with fewer than three storage hosts with devices', () => {
    const text = editProd((d) => d.deleteIn(['hosts', 5, 'storage']));
    const lines = brief(problemsOf(text));
    expect(lines).toEqual([
      '91 addons.rookCeph.enabled: Rook-Ceph needs at least 3 hosts with the storage role and storage.devices; found 2 (worker-1, worker-2)',
    ]);
  });

  it('accepts two storage hosts when Rook-Ceph is disabled, with a warning for the diskless one', () => {
    const text = editProd((d) => {
      d.deleteIn(['hosts', 5, 'storage']);
      d.setIn(['addons', 'rookCeph', 'enabled'], false);
      d.setIn(['addons', 'storage'], d.createNode({ storageClass: 'local-path' }));
    });
    expect(brief(loadText(text).warnings)).toEqual([
      '67 hosts[5].roles: worker-3 has the storage role but no storage.devices',
    ]);
  });

  it('warns about devices on a host without the storage role', () => {
    const text = editProd((d) => d.setIn(['hosts', 0, 'storage'], d.createNode({ devices: ['/dev/sdb'] })));
    expect(brief(loadText(text).warnings)).toEqual([
      '41 hosts[0].storage.devices: cp-1 lists devices but lacks the storage role; they are not used',
    ]);
  });
});

describe('platform storage rule', () => {
  const noRook = (d: Parameters<Parameters<typeof editProd>[0]>[0]) =>
    d.setIn(['addons', 'rookCeph', 'enabled'], false);

  it('refuses persistent add-ons without Rook-Ceph and without a StorageClass, at addons', () => {
    expect(brief(problemsOf(editProd(noRook)))).toEqual([
      '75 addons.storage.storageClass: prometheus, loki, tempo keep their data on persistent volumes, and Rook-Ceph is off: name an existing StorageClass in addons.storage.storageClass, or set addons.storage.persistence: false',
    ]);
  });

  it('accepts a named StorageClass, or persistence off', () => {
    const named = editProd((d) => {
      noRook(d);
      d.setIn(['addons', 'storage'], d.createNode({ storageClass: 'local-path' }));
    });
    expect(problemsOf(named)).toEqual([]);
    const off = editProd((d) => {
      noRook(d);
      d.setIn(['addons', 'storage'], d.createNode({ persistence: false }));
    });
    expect(problemsOf(off)).toEqual([]);
  });
});
