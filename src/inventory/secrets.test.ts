import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { resolveSecrets } from './secrets.ts';
import { editProd, loadText, PROD_ENV, prodText } from './testing.ts';

describe('resolving secrets', () => {
  it('reads every referenced secret and registers it for redaction', () => {
    const redactor = new Redactor();
    const secrets = resolveSecrets(loadText(prodText()), PROD_ENV, redactor);
    expect(secrets.get('cluster.token')).toBe('K10-test-token');
    expect(secrets.get('addons.velero.s3.credentials')).toBe('AKIA:secret');
    expect(redactor.redact('token=K10-test-token')).toBe('token=***');
  });

  it('reads a file secret trimmed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rigger-secret-')), 'token');
    writeFileSync(file, '  from-a-file\n');
    const text = editProd((d) => d.setIn(['cluster', 'token'], d.createNode({ file })));
    expect(resolveSecrets(loadText(text), PROD_ENV, new Redactor()).get('cluster.token')).toBe('from-a-file');
  });

  it('refuses to start without a secret, naming the line that references it', () => {
    const { RIGGER_PROD_TOKEN: _t, ...env } = PROD_ENV;
    const loaded = loadText(prodText(), env);
    try {
      resolveSecrets(loaded, env, new Redactor());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => `${p.line} ${p.path}: ${p.message}`)).toEqual([
        '18 cluster.token.env: environment variable RIGGER_PROD_TOKEN is not set',
      ]);
    }
  });
});
