import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The lab cluster's join token, which inventory/lab.yaml references as `{ file: ... }`: made once
 * per lab and kept across `lab up` runs (a new token would split the cluster). Mode 0600.
 */
export async function ensureClusterToken(stateDir: string): Promise<string> {
  const path = join(stateDir, 'token');
  try {
    const existing = (await readFile(path, 'utf8')).trim();
    if (existing) return path;
  } catch {
    // not there yet
  }
  await writeFile(path, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'w' });
  return path;
}
