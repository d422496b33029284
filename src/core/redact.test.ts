import { describe, expect, it } from 'vitest';
import { Redactor } from './redact.ts';

const NASTY = `p"a\\ss'w$(rm -rf /)\`x\`{"k":1}`;

describe('the redactor', () => {
  it('masks a secret, whole and as JSON and shell quoting encode it', () => {
    const r = new Redactor();
    r.add(NASTY);
    const encoded = [NASTY, JSON.stringify(NASTY), `'${NASTY.replace(/'/g, `'\\''`)}'`];
    for (const text of encoded) {
      const out = r.redact(`before ${text} after`);
      expect(out).toContain('***');
      expect(out).not.toContain('a\\ss');
      expect(out).not.toContain('rm -rf');
    }
  });

  it('masks every part of an AWS credentials file, each on its own', () => {
    const r = new Redactor();
    r.add('[default]\naws_access_key_id = AKIAEXAMPLEKEY\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n');
    expect(r.redact('id AKIAEXAMPLEKEY key wJalrXUtnFEMI/K7MDENG')).toBe('id *** key ***');
    // The section header is not a secret: it stays readable.
    expect(r.redact('[default]')).toBe('[default]');
  });

  it('masks both halves of ACCESS:SECRET and the credentials of an RKE2 secure token', () => {
    const r = new Redactor();
    r.add('minioadmin:s3cr3t-key');
    r.add('K10abcdef0123::server:t0ps3cret');
    expect(r.redact('minioadmin s3cr3t-key t0ps3cret server:t0ps3cret')).toBe('*** *** *** ***');
    // Never so eager that a URL scheme or a common word is masked.
    r.add('https://example.invalid/path');
    expect(r.redact('https server')).toBe('https server');
  });

  it('redacts values before encoding, keys included', () => {
    const r = new Redactor();
    r.add(NASTY);
    const v = r.redactValue({ a: [`x ${NASTY}`], [NASTY]: 1, n: 2, e: new Error(`bad ${NASTY}`) });
    expect(JSON.stringify(v)).not.toContain('rm -rf');
    expect(v).toEqual({ a: ['x ***'], '***': 1, n: 2, e: 'bad ***' });
  });
});
