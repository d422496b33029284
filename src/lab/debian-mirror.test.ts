import { describe, expect, it } from 'vitest';
import { parseAptSourceUris } from './debian-mirror.ts';

describe('parseAptSourceUris', () => {
  it('reads URIs from deb822 .sources files, skipping comments', () => {
    const text = [
      'Types: deb',
      '# http://snapshot.debian.org/archive/debian/20250520T000000Z',
      'URIs: http://deb.debian.org/debian',
      'Suites: bookworm bookworm-updates',
    ].join('\n');
    expect(parseAptSourceUris(text, true)).toEqual(['http://deb.debian.org/debian']);
  });

  it('reads URIs from one-line .list entries, with or without options', () => {
    const text = [
      'deb http://ftp.example.org/debian bookworm main',
      'deb [signed-by=/usr/share/keyrings/x.gpg] https://mirror.example.net/debian bookworm main',
      '# deb http://commented.example/debian bookworm main',
    ].join('\n');
    expect(parseAptSourceUris(text, false)).toEqual([
      'http://ftp.example.org/debian',
      'https://mirror.example.net/debian',
    ]);
  });
});
