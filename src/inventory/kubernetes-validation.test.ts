import { describe, expect, it } from 'vitest';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from './kubernetes-validation.ts';

// Cases from apimachinery's pkg/util/validation/validation_test.go, which the port must agree with.
const a = (n: number): string => 'a'.repeat(n);

describe('Kubernetes name validation, as apimachinery validates', () => {
  it('accepts and refuses DNS labels as IsDNS1123Label does', () => {
    for (const ok of ['a', 'ab', 'a1', 'a-1', 'a--1--2--b', '0', '01', '1a', '1-a', a(63)])
      expect(isDns1123Label(ok), ok).toEqual([]);
    for (const bad of ['', 'A', 'aBc', '-', 'a-', '-a', '_', 'a_b', 'a b', a(64)])
      expect(isDns1123Label(bad), bad).not.toEqual([]);
    expect(isDns1123Label('a.b')).toEqual(['must not contain dots']);
  });

  it('accepts and refuses DNS subdomains as IsDNS1123Subdomain does', () => {
    for (const ok of ['a', 'a.a', '1.a', 'a--1--2--b.0', 'a.b.c.d.e', a(253)])
      expect(isDns1123Subdomain(ok), ok).toEqual([]);
    for (const bad of ['', 'A', 'a..b', '-a', '.a', 'a.', 'a.-b', 'a-.b', 'a_b.c', a(254)])
      expect(isDns1123Subdomain(bad), bad).not.toEqual([]);
    expect(isDns1123Subdomain(a(254))).toContain('must be no more than 253 characters');
  });

  it('accepts qualified names (label and taint keys) as IsQualifiedName does', () => {
    for (const ok of [
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      '1234',
      'simple/simple',
      'now.with.dots/simple',
      '1-num.2-num/3-num',
      '1.2.3.4/5678',
      'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123',
      a(63),
      `${a(253)}/${'b'.repeat(63)}`,
    ])
      expect(isQualifiedName(ok), ok).toEqual([]);
  });

  it('refuses qualified names as IsQualifiedName does', () => {
    for (const bad of [
      'nospecialchars%^=@',
      'cantendwithadash-',
      '-cantstartwithadash-',
      'only/one/slash',
      'Example.com/abc',
      'example_com/abc',
      'a..b/abc',
      'example.com/',
      '/simple',
      a(64),
      `${a(254)}/abc`,
    ])
      expect(isQualifiedName(bad), bad).not.toEqual([]);
  });

  it('words a refused key as the API server does, naming the part that is wrong', () => {
    expect(isQualifiedName('Example.com/abc')).toEqual([
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isQualifiedName(`x/${a(64)}`)).toEqual(['name part must be no more than 63 characters']);
    expect(isQualifiedName('/simple')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/-b')[0]).toBe(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });

  it('accepts and refuses label values as IsValidLabelValue does', () => {
    for (const ok of ['', 'simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63)])
      expect(isValidLabelValue(ok), ok).toEqual([]);
    for (const bad of [
      a(64),
      '-starts-with-dash',
      'ends-with-dash-',
      '.starts.with.dot',
      'ends.with.dot.',
      'nospecialchars%^=@',
      'Tama-nui-te-rā.is.Māori.sun',
      'with/slash',
    ])
      expect(isValidLabelValue(bad), bad).not.toEqual([]);
  });

  it('counts bytes as Go does, so a value of 32 two-byte letters is too long', () => {
    expect(isValidLabelValue('ā'.repeat(32))).toContain('must be no more than 63 characters');
  });
});
