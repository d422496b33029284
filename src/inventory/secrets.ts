import { readFileSync } from 'node:fs';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import type { Redactor } from '../core/redact.ts';
import type { LoadedInventory } from './load.ts';
import { secretRefs } from './paths.ts';
import { formatPath } from './field-path.ts';

/** Secret values by their field path (`cluster.token`, `addons.velero.s3.credentials`). */
export type Secrets = ReadonlyMap<string, string>;

/**
 * Reads every secret the inventory references, before any host is touched: a missing variable or
 * unreadable file is a ConfigError at the line that names it. Every value is registered with the
 * redactor first, so it can never reach output or the journal.
 */
export function resolveSecrets(loaded: LoadedInventory, env: NodeJS.ProcessEnv, redactor: Redactor): Secrets {
  const out = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const { path, ref } of secretRefs(loaded.inventory)) {
    let value: string | undefined;
    if (ref.env !== undefined) {
      value = env[ref.env];
      if (!value)
        problems.push(loaded.source.problem([...path, 'env'], `environment variable ${ref.env} is not set`));
    } else if (ref.file !== undefined) {
      try {
        value = readFileSync(ref.file, 'utf8').trim();
        if (!value) problems.push(loaded.source.problem([...path, 'file'], `${ref.file} is empty`));
      } catch {
        problems.push(loaded.source.problem([...path, 'file'], `cannot read ${ref.file}`));
      }
    }
    if (value) {
      redactor.add(value);
      out.set(formatPath(path), value);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return out;
}
