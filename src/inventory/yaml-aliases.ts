import { isAlias, isCollection, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import type { FieldPath } from './field-path.ts';

/**
 * How many alias expansions a document may cost: the `yaml` package's own default, named here so
 * that converting the document and locating what it refused use the same limit.
 */
export const MAX_ALIAS_COUNT = 100;

/** An alias the parser refuses to expand, where it is and why. */
export interface AliasRefusal {
  offset: number;
  /** The field that holds the alias. */
  path: FieldPath;
  message: string;
}

interface AnchorUse {
  count: number;
  aliasCount: number;
}

/**
 * Converting the document refuses an alias that is not defined before it, and a document whose
 * aliases would expand past MAX_ALIAS_COUNT (a "billion laughs" file): both are a ReferenceError
 * with no place in the file. This finds the alias it stopped at, to report it as a located error.
 */
export function aliasRefusal(doc: Document.Parsed): AliasRefusal | undefined {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return locate(doc) ?? { offset: doc.contents?.range[0] ?? 0, path: [], message: e.message };
  }
}

/**
 * Walks the aliases in document order, counting as `yaml` does (nodes/Alias.js `resolve`): each
 * use of an anchor counts once, times the largest expansion of an alias inside the anchored node
 * (or 1 for a node without aliases).
 */
function locate(doc: Document.Parsed): AliasRefusal | undefined {
  const anchors = new Map<string, Node>();
  const uses = new Map<Node, AnchorUse>();
  const expansion = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const use = target && uses.get(target);
      return use ? use.count * use.aliasCount : 0;
    }
    if (isCollection(node)) return Math.max(0, ...node.items.map(expansion));
    if (isPair(node)) return Math.max(expansion(node.key), expansion(node.value));
    return 1;
  };
  let found: AliasRefusal | undefined;
  visit(doc, {
    Node: (_key, node, ancestors) => {
      if (!isAlias(node)) {
        // The anchored occurrence counts as the first use, as in yaml's nodes/toJS.js.
        if (node.anchor) {
          anchors.set(node.anchor, node);
          uses.set(node, { count: 1, aliasCount: 0 });
        }
        return undefined;
      }
      const at = { offset: node.range?.[0] ?? 0, path: fieldPath([...ancestors, node]) };
      const target = anchors.get(node.source);
      if (!target) {
        found = { ...at, message: `alias *${node.source} has no anchor &${node.source} before it` };
        return visit.BREAK;
      }
      const use = uses.get(target) ?? { count: 1, aliasCount: 0 };
      uses.set(target, use);
      use.count += 1;
      if (use.aliasCount === 0) use.aliasCount = expansion(target);
      if (use.count * use.aliasCount <= MAX_ALIAS_COUNT) return undefined;
      found = {
        ...at,
        message:
          `alias *${node.source} expands the document past ${MAX_ALIAS_COUNT} alias expansions: ` +
          'refused as a resource exhaustion attack (YAML "billion laughs"); write the values out or use fewer nested aliases',
      };
      return visit.BREAK;
    },
  });
  return found;
}

/** `hosts[2].labels` from the chain of nodes `visit` passes down to a node. */
function fieldPath(chain: readonly unknown[]): FieldPath {
  const path: (string | number)[] = [];
  chain.forEach((node, i) => {
    const parent = chain[i - 1];
    if (isSeq(parent)) path.push(parent.items.indexOf(node));
    else if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
  });
  return path;
}
