import { describe, expect, it } from 'vitest';
import { recreateReason } from './lab-host.ts';

const BASE = '/cache/base-aaaaaaaaaaaa';

describe('recreateReason', () => {
  it('keeps a disk made for the same variant over the same base', () => {
    expect(recreateReason({ variant: 'flatcar', baseDir: BASE }, { variant: 'flatcar', baseDir: BASE })).toBe(
      undefined,
    );
  });

  it('recreates a host whose variant changed', () => {
    expect(
      recreateReason({ variant: 'debian', baseDir: BASE }, { variant: 'flatcar', baseDir: BASE }),
    ).toMatch(/made as debian and the lab now wants flatcar/);
  });

  it('recreates a host whose disk is over another base image (the base recipe changed)', () => {
    expect(
      recreateReason(
        { variant: 'debian', baseDir: BASE },
        { variant: 'debian', baseDir: '/cache/base-bbbbbbbbbbbb' },
      ),
    ).toMatch(
      /over the base image \/cache\/base-aaaaaaaaaaaa and the lab now boots \/cache\/base-bbbbbbbbbbbb/,
    );
  });
});
