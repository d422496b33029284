import type { ConfigProblem } from '../core/errors.ts';
import { didYouMean } from '../core/suggest.ts';
import { formatPath, fromJsonPointer } from './field-path.ts';
import type { ErrorObject } from './schema.ts';
import type { SourceMap } from './source-map.ts';

/**
 * Turns ajv's errors into located, readable problems: unknown keys name the closest known key,
 * missing keys point at the object that lacks them, and the noise of `anyOf`/`oneOf` branches is
 * folded into one message per field.
 */
export function schemaProblems(errors: readonly ErrorObject[], source: SourceMap): ConfigProblem[] {
  // An `if`/`then` failure is said better by the `then` branch's own error (a required key).
  const meaningful = errors.filter((e) => e.keyword !== 'if');
  const problems = foldCombinators(meaningful).map((e) => toProblem(e, source));
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.col}:${p.path}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * For an `anyOf`/`oneOf` failure, the branch errors at the same field only repeat "it matched no
 * branch"; branch errors deeper in the value (an unknown key inside a bastion) are the useful ones,
 * and then the combinator's own summary is noise.
 */
function foldCombinators(errors: readonly ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (const c of errors) {
    const at = combinatorPath(c);
    if (at === undefined) continue;
    const inside = errors.filter((e) => e !== c && e.schemaPath.startsWith(`${at}/`));
    for (const e of inside) if (e.instancePath === c.instancePath) drop.add(e);
    if (inside.some((e) => e.instancePath.length > c.instancePath.length)) drop.add(c);
  }
  return errors.filter((e) => !drop.has(e));
}

/** The schema path of an anyOf/oneOf failure, also when an `errorMessage` has replaced it. */
function combinatorPath(e: ErrorObject): string | undefined {
  if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return e.schemaPath;
  if (e.keyword !== 'errorMessage') return undefined;
  const replaced = (e.params as { errors?: ErrorObject[] }).errors ?? [];
  return replaced.find((r) => r.keyword === 'anyOf' || r.keyword === 'oneOf')?.schemaPath;
}

function toProblem(e: ErrorObject, source: SourceMap): ConfigProblem {
  const path = fromJsonPointer(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((e.parentSchema?.properties ?? {}) as Record<string, unknown>);
      return source.problem([...path, key], `unknown key "${key}"${didYouMean(key, known)}`, { key: true });
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      // Located at the key of the object that lacks it: the missing key has no place in the file.
      const { line, col } = source.position(path, { key: true });
      return { file: source.file, line, col, path: formatPath([...path, key]), message: 'is required' };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      const got =
        typeof e.data === 'string'
          ? didYouMean(
              e.data,
              allowed.map((a) => JSON.parse(a) as string),
            )
          : '';
      return source.problem(path, `must be one of ${allowed.join(', ')}${got}`);
    }
    case 'type':
      return source.problem(path, `must be ${withArticle((e.params as { type: string }).type)}`);
    case 'propertyNames':
      return source.problem(path, e.message ?? 'has an invalid key');
    default:
      return source.problem(path, e.message ?? `fails ${e.keyword}`);
  }
}

function withArticle(type: string): string {
  const t = type.replace(/,/g, ' or ');
  return /^(array|object|integer)/.test(t) ? `an ${t}` : `a ${t}`;
}
