import { describe, expect, it } from 'vitest';
import { SourceMap } from './source-map.ts';

describe('parsing YAML with positions', () => {
  it('refuses YAML nested too deeply for the parser as one located problem, not one per level', () => {
    const { problems } = SourceMap.parse('deep.yaml', `a: 1\nb: ${'['.repeat(5000)}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'deep.yaml',
      line: 2,
      path: '',
      message: 'nested too deeply for the YAML parser: refused as a resource exhaustion',
    });
  });

  it('still reports every ordinary syntax problem', () => {
    const { problems } = SourceMap.parse('tabs.yaml', 'a:\n\tb: 1\nc:\n\td: 2\n');
    expect(problems.map((p) => p.line)).toEqual([2, 4]);
  });
});
