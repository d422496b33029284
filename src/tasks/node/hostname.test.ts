import { describe, expect, it } from 'vitest';
import { withHostsEntry } from './hostname.ts';

describe('hostname task', () => {
  it('puts the 127.0.1.1 line after localhost and replaces an old one', () => {
    expect(withHostsEntry('127.0.0.1\tlocalhost\n127.0.1.1\told\n::1 localhost\n', 'cp-1')).toBe(
      '127.0.0.1\tlocalhost\n127.0.1.1\tcp-1\n::1 localhost\n',
    );
  });

  it('leaves a correct file as it is', () => {
    const ok = '127.0.0.1\tlocalhost\n127.0.1.1\tcp-1\n';
    expect(withHostsEntry(ok, 'cp-1')).toBe(ok);
  });
});
