/**
 * A chart's values.schema.json made usable offline. Some charts (F5's nginx-ingress 2.6.4) `$ref`
 * Kubernetes definitions on the internet; helm loads every `$ref` when it compiles the schema, so
 * `helm install` fails on any cluster that cannot reach that URL, and RKE2's helm-controller has
 * no way to skip validation (test/rke2-stand-in/CONTRACT.md, "The nginx-ingress chart's remote
 * schema"). A mirroring site vendors such a chart: here each remote `$ref` is replaced by an
 * open schema that names what it relaxed, so the chart's own keys and types stay validated and
 * the Kubernetes-typed values are checked by the API server when the objects are applied.
 * The proper vendoring bundles the referenced definitions instead; they cannot be fetched here.
 */

/** A remote `$ref` that was relaxed, by JSON pointer into the schema. */
export interface RelaxedRef {
  at: string;
  ref: string;
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The schema with every remote `$ref` relaxed, and the list of what was relaxed. */
export function offlineSchema(schema: unknown): { schema: unknown; relaxed: RelaxedRef[] } {
  const relaxed: RelaxedRef[] = [];
  const walk = (node: unknown, at: string): unknown => {
    if (Array.isArray(node)) return node.map((x, i) => walk(x, `${at}/${i}`));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === 'string' && REMOTE.test(ref)) {
      relaxed.push({ at: at || '/', ref });
      const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => k !== '$ref'));
      return { ...walkEach(rest, at), $comment: `offline mirror: relaxed remote $ref ${ref}` };
    }
    return walkEach(obj, at);
  };
  const walkEach = (obj: Record<string, unknown>, at: string): Record<string, unknown> =>
    Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v, `${at}/${escape(k)}`)]));
  return { schema: walk(schema, ''), relaxed };
}

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
