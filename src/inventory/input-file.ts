import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.ts';

/** Why a file could not be read, in the words an operator needs (not an errno dump). */
export function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return String(e);
}

/**
 * Reads an input file (inventory, playbook); a file that cannot be read is bad input, named as
 * `shown` (the file as the user wrote it, or the flag that named it), never an internal error.
 */
export async function readInputFile(path: string, shown: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw ConfigError.plain(shown, `cannot read the ${what}: ${whyUnreadable(e)}`, { cause: e });
  }
}

/**
 * A commander parser for a flag that names an input file (`--playbook <file>`): a file that cannot
 * be read is a usage error naming the flag, found while the command line is parsed, before
 * anything is read or any host reached. The value is passed on as given.
 */
export function fileFlag(flag: string, what: string, cwd: string): (value: string) => string {
  return (value) => {
    checkInputFile(resolve(cwd, value), flag, what);
    return value;
  };
}

function checkInputFile(path: string, shown: string, what: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      // Opening a directory for reading succeeds; reading it later would not.
      if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw ConfigError.plain(shown, `cannot read the ${what} ${path}: ${whyUnreadable(e)}`, { cause: e });
  }
}
