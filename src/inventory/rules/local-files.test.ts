import { describe, expect, it } from 'vitest';
import {
  brief,
  editProd,
  INVENTORY_DIR,
  lineOf,
  loadText,
  problemsOf,
  PROD_ENV,
  prodText,
} from '../testing.ts';

describe('local files rule', () => {
  it('reports a missing known_hosts file at the line that names it, resolved next to the inventory', () => {
    const text = prodText().replace(
      'knownHostsPath: ./prod.known_hosts',
      'knownHostsPath: ./nope.known_hosts',
    );
    expect(brief(problemsOf(text))).toEqual([
      `27 ssh.knownHostsPath: file not found: ${INVENTORY_DIR}nope.known_hosts`,
    ]);
  });

  it('lets a missing known_hosts pass under trust-on-first-use, which creates it', () => {
    const text = editProd((d) => {
      d.setIn(['ssh', 'knownHostsPath'], './nope.known_hosts');
      d.setIn(['ssh', 'hostKeyPolicy'], 'accept-new');
    });
    expect(problemsOf(text)).toEqual([]);
  });

  it('reports a missing private key, a missing secret file and a missing airgap directory', () => {
    const text = editProd((d) => {
      d.setIn(['ssh', 'privateKeyPath'], '~/no-such-key');
      d.setIn(['addons', 'velero', 's3', 'credentials'], d.createNode({ file: 'secrets/velero' }));
      d.setIn(['cluster', 'install'], d.createNode({ mode: 'airgap', artifactsDir: '../artifacts' }));
    });
    const lines = brief(problemsOf(text));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^21 cluster.install.artifactsDir: directory not found: .*\/artifacts$/);
    expect(lines[1]).toMatch(/^32 ssh.privateKeyPath: file not found: \/.*\/no-such-key$/);
    expect(lines[2]).toBe(
      `${lineOf(text, 'secrets/velero')} addons.velero.s3.credentials.file: file not found: ${INVENTORY_DIR}secrets/velero`,
    );
  });

  it('requires an artifacts directory in airgap mode', () => {
    const text = editProd((d) => d.setIn(['cluster', 'install', 'mode'], 'airgap'));
    expect(brief(problemsOf(text))).toEqual(['19 cluster.install.artifactsDir: is required']);
  });

  it('warns about an unset secret variable but still validates', () => {
    const { RIGGER_PROD_TOKEN: _unset, ...env } = PROD_ENV;
    expect(brief(loadText(prodText(), env).warnings)).toEqual([
      '18 cluster.token.env: environment variable RIGGER_PROD_TOKEN is not set; commands that need this secret will refuse to start',
    ]);
  });
});
