/**
 * sha256 of the air-gap artifacts on this machine, remembered in `~/.cache/rigger/sha256.json` by
 * path, size, mtime and inode: the same quick check as on the hosts (src/tasks/rke2/artifact-sums.ts),
 * so a run does not hash an 800 MB image archive again when the file has not changed since the
 * last run hashed it. Any change of size, mtime or inode hashes it again in full.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const MAX_ENTRIES = 256;

interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

function cacheFile(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'rigger', 'sha256.json');
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readCache(file: string): Promise<Map<string, Entry>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>));
  } catch {
    return new Map(); // none yet, or unreadable: every file is hashed
  }
}

/** The file's sha256: from the cache while its size, mtime and inode hold, else hashed and cached. */
export async function sha256Of(path: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const key = resolve(path);
  const s = await stat(key);
  const file = cacheFile(env);
  const cache = await readCache(file);
  const hit = cache.get(key);
  if (hit && hit.size === s.size && hit.mtimeMs === s.mtimeMs && hit.ino === s.ino) return hit.sha256;
  const sha256 = await hashFile(key);
  cache.delete(key);
  cache.set(key, { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino, sha256 });
  // The most recently hashed files only: the cache never grows without bound.
  for (const k of [...cache.keys()].slice(0, Math.max(0, cache.size - MAX_ENTRIES))) cache.delete(k);
  // Written atomically: a concurrent run reads the old cache or the new one, never half of one.
  await mkdir(dirname(file), { recursive: true }).catch(() => undefined);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(Object.fromEntries(cache)))
    .then(() => rename(tmp, file))
    .catch(() => undefined); // a cache that cannot be written only costs the next run a hash
  return sha256;
}
