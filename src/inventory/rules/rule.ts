import type { FieldPath } from '../field-path.ts';
import type { SourceMap } from '../source-map.ts';
import type { Inventory } from '../types.generated.ts';

/** One thing a semantic rule found. Errors fail validation; warnings are printed and pass. */
export interface Finding {
  severity: 'error' | 'warning';
  path: FieldPath;
  message: string;
  /** Located at the key rather than the value: the key itself is wrong (a label key). */
  key?: boolean;
}

export interface RuleContext {
  /** The inventory after schema validation and defaults, with paths made absolute. */
  inventory: Inventory;
  source: SourceMap;
  env: NodeJS.ProcessEnv;
}

/** A semantic rule: a pure function from the inventory to findings. */
export type Rule = (ctx: RuleContext) => Finding[];

export const error = (path: FieldPath, message: string, opts: { key?: boolean } = {}): Finding => ({
  severity: 'error',
  path,
  message,
  ...opts,
});
export const warning = (path: FieldPath, message: string): Finding => ({
  severity: 'warning',
  path,
  message,
});
