import { describe, expect, it } from 'vitest';
import { SourceMap } from './source-map.ts';
import { brief, problemsOf, prodText } from './testing.ts';

/** Ten times ten times ten... : a small file that expands to a huge document. */
const BOMB = [
  'x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  'y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'w: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  '',
].join('\n');

describe('YAML aliases', () => {
  it('refuses an alias bomb as a located problem, at the alias where expansion passes the limit', () => {
    const { problems } = SourceMap.parse('bomb.yaml', BOMB);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.path}`)).toEqual(['bomb.yaml:3:40 z[8]']);
    expect(problems[0]?.message).toMatch(
      /^alias \*b expands the document past 100 alias expansions: refused as a resource exhaustion attack/,
    );
  });

  it('refuses an alias bomb inside an inventory before the schema or any rule runs', () => {
    const text = prodText().replace('hosts:\n', `bomb:\n${BOMB.replace(/^/gm, '  ')}hosts:\n`);
    const [p, ...rest] = brief(problemsOf(text));
    expect(rest).toEqual([]);
    expect(p).toMatch(/^\d+ bomb\.z\[8\]: alias \*b expands the document past 100 alias expansions/);
  });

  it('stops where the yaml package stops: one expansion fewer is accepted', () => {
    const lines = BOMB.split('\n').slice(0, 2);
    const text = [...lines, 'z: [*b, *b, *b, *b, *b, *b, *b, *b]', ''].join('\n');
    expect(SourceMap.parse('edge.yaml', text).problems).toEqual([]);
  });

  it('refuses an alias with no anchor before it, located', () => {
    const { problems } = SourceMap.parse('a.yaml', 'a: 1\nb: *nowhere\n');
    expect(problems).toEqual([
      {
        file: 'a.yaml',
        line: 2,
        col: 4,
        path: 'b',
        message: 'alias *nowhere has no anchor &nowhere before it',
      },
    ]);
  });

  it('accepts ordinary anchors and aliases', () => {
    const { source, problems } = SourceMap.parse('ok.yaml', 'a: &k { x: 1 }\nb: *k\nc: [*k, *k]\n');
    expect(problems).toEqual([]);
    expect(source.toJS()).toEqual({ a: { x: 1 }, b: { x: 1 }, c: [{ x: 1 }, { x: 1 }] });
  });
});
