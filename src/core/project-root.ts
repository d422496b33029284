import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds rigger's package.json, schemas/, playbooks/ and manifests/: found by
 * walking up from this file, so it is the same whether the code runs from src/ (tsx, tests) or
 * from the compiled dist/.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(`rigger's project root not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();

/** A path inside the project root. */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
