/** Helpers for tests of the inventory: the prod example, edited in place, loaded in memory. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Document } from 'yaml';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { parseInventory, type LoadedInventory } from './load.ts';

export const INVENTORY_DIR = fileURLToPath(new URL('../../inventory/', import.meta.url));
export const PROD_FILE = 'inventory/prod.yaml';

/** Environment in which every secret of the prod example is set. */
export const PROD_ENV = {
  RIGGER_PROD_TOKEN: 'K10-test-token',
  RIGGER_PROD_VELERO_S3: 'AKIA:secret',
  RIGGER_PROD_OBS_S3: 'AKIA:secret',
  RIGGER_PROD_GRAFANA_PASSWORD: 'grafana-password',
};

export function prodText(): string {
  return readFileSync(new URL('../../inventory/prod.yaml', import.meta.url), 'utf8');
}

/** The prod example with an edit made through the YAML document (comments and layout kept). */
export function editProd(edit: (doc: Document) => void): string {
  const doc = parseDocument(prodText());
  edit(doc);
  return doc.toString();
}

export function loadText(text: string, env: NodeJS.ProcessEnv = PROD_ENV): LoadedInventory {
  return parseInventory(text, PROD_FILE, INVENTORY_DIR, { env });
}

/** The problems loading `text` reports; none when it loads. */
export function problemsOf(text: string, env: NodeJS.ProcessEnv = PROD_ENV): ConfigProblem[] {
  try {
    loadText(text, env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
}

/** `line path: message` of each problem, the parts a reader checks. */
export function brief(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => `${p.line} ${p.path}: ${p.message}`);
}

/** 1-based line of the first line of `text` that contains `needle` (after `after`, if given). */
export function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, n) => n >= start && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i + 1;
}
