import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigProblem } from '../core/errors.ts';
import { formatPath, type FieldPath } from './field-path.ts';
import { aliasRefusal, MAX_ALIAS_COUNT } from './yaml-aliases.ts';

const EXHAUSTED = 'nested too deeply for the YAML parser: refused as a resource exhaustion';

/** A position in a source file, 1-based. */
export interface Position {
  line: number;
  col: number;
}

/**
 * A parsed YAML file that remembers where every value came from, so that any problem found later
 * (schema, semantic rule, a missing file) can be reported as `file:line:col path`.
 */
export class SourceMap {
  private constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Parses YAML; syntax problems (tabs, bad indentation, duplicate keys) come back located. */
  static parse(file: string, text: string): { source: SourceMap; problems: ConfigProblem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new SourceMap(file, doc, lines);
    // A parser that ran out of stack (nesting thousands deep) says so at every level it gave up
    // on, and the errors after it are its echoes: the first one is the problem.
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    const problems = (exhausted ? [exhausted] : doc.errors).map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      const message = e === exhausted ? EXHAUSTED : firstLine(e.message);
      return { file, line, col, path: '', message };
    });
    // Aliases are refused only when the document is converted: found here, so toJS() cannot throw.
    const refusal = problems.length === 0 ? aliasRefusal(doc) : undefined;
    if (refusal) {
      const { line, col } = lines.linePos(refusal.offset);
      problems.push({ file, line, col, path: formatPath(refusal.path), message: refusal.message });
    }
    return { source, problems };
  }

  /** The document as plain data. */
  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  }

  /**
   * Where the value at `path` starts; with `key`, where its key starts (for unknown keys). A path
   * that does not exist in the file (a default, a missing key) falls back to its nearest ancestor.
   */
  position(path: FieldPath, opts: { key?: boolean } = {}): Position {
    let node: unknown = this.doc.contents;
    let best = this.offsetOf(node) ?? 0;
    for (const [i, seg] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (last && opts.key) {
          best = this.offsetOf(pair.key) ?? best;
          break;
        }
        node = pair.value;
        best = this.offsetOf(pair.value) ?? this.offsetOf(pair.key) ?? best;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item: unknown = node.items[seg];
        if (item === undefined) break;
        node = isPair(item) ? item.value : item;
        best = this.offsetOf(node) ?? best;
      } else {
        break;
      }
    }
    return this.lines.linePos(best);
  }

  /** A located problem at `path`. */
  problem(path: FieldPath, message: string, opts: { key?: boolean } = {}): ConfigProblem {
    const { line, col } = this.position(path, opts);
    return { file: this.file, line, col, path: formatPath(path), message };
  }

  private offsetOf(node: unknown): number | undefined {
    if (node && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] | null }).range;
      return range?.[0];
    }
    return undefined;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
