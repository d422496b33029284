import { dirname, resolve } from 'node:path';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { readInputFile } from './input-file.ts';
import { resolvePath, pathFields } from './paths.ts';
import { RULES } from './rules/index.ts';
import { localFiles } from './rules/local-files.ts';
import type { RuleContext } from './rules/rule.ts';
import { compileSchema, INVENTORY_SCHEMA_PATH, readSchema } from './schema.ts';
import { schemaProblems } from './schema-errors.ts';
import { SourceMap } from './source-map.ts';
import type { Inventory } from './types.generated.ts';

/** A valid inventory and what it came from. */
export interface LoadedInventory {
  inventory: Inventory;
  /** Absolute path of the inventory file. */
  path: string;
  source: SourceMap;
  /** Problems that do not fail validation, located like errors. */
  warnings: ConfigProblem[];
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** Directory a relative inventory path is resolved against. */
  cwd?: string;
}

let validate: ReturnType<typeof compileSchema> | undefined;

/**
 * YAML -> schema (with defaults) -> semantic rules. Every problem is collected and thrown at once
 * as a ConfigError, sorted by line; nothing here touches a host.
 */
export async function loadInventory(file: string, opts: LoadOptions = {}): Promise<LoadedInventory> {
  const cwd = opts.cwd ?? process.cwd();
  const path = resolve(cwd, file);
  // Messages name the file as the user wrote it.
  const shown = file;
  const text = await readInputFile(path, shown, 'inventory');
  return parseInventory(text, shown, dirname(path), { ...opts, absolutePath: path });
}

/** The same pipeline over text already in memory (`file` is only used in messages). */
export function parseInventory(
  text: string,
  file: string,
  baseDir: string,
  opts: LoadOptions & { absolutePath?: string } = {},
): LoadedInventory {
  const { source, problems: syntax } = SourceMap.parse(file, text);
  if (syntax.length > 0) throw new ConfigError(sortProblems(syntax));
  const data = source.toJS();
  if (data === null || data === undefined) throw ConfigError.plain(file, 'the inventory is empty');

  validate ??= compileSchema(readSchema(INVENTORY_SCHEMA_PATH));
  const schemaOk = validate(data);
  const errors: ConfigProblem[] = schemaOk ? [] : schemaProblems(validate.errors ?? [], source);
  const warnings: ConfigProblem[] = [];

  const inventory = data as Inventory;
  const ctx: RuleContext = { inventory, source, env: opts.env ?? process.env };
  // Relative paths mean "next to the inventory": stored absolute from here on.
  if (schemaOk) for (const f of pathFields(inventory)) f.set(resolvePath(baseDir, f.value));
  const refused = errors.map((p) => p.path);
  for (const rule of RULES) {
    // Local files are checked only once their fields are sound (and made absolute).
    if (!schemaOk && rule === localFiles) continue;
    try {
      for (const finding of rule(ctx)) {
        const problem = source.problem(finding.path, finding.message, { key: finding.key ?? false });
        // A field the schema refused has its problem already; a rule's second word on it is noise.
        if (finding.severity === 'error' && refused.some((r) => within(problem.path, r))) continue;
        (finding.severity === 'error' ? errors : warnings).push(problem);
      }
    } catch (e) {
      // With schema errors the data may not have the shape rules expect; those errors are
      // reported already, and a rule that trips over the same hole adds nothing.
      if (schemaOk) throw e;
    }
  }
  if (errors.length > 0) throw new ConfigError(sortProblems(errors));
  return {
    inventory,
    path: opts.absolutePath ?? resolve(baseDir, file),
    source,
    warnings: sortProblems(warnings),
  };
}

/** Whether the formatted path `path` is `parent` or lies inside it. */
function within(path: string, parent: string): boolean {
  if (path === parent) return true;
  return parent !== '' && (path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`));
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path));
}
