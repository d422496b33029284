#!/usr/bin/env node
// The rigger command. It runs the bundled build in dist/ (made by `npm run build`, which `npm ci`
// runs through `prepare`: scripts/build.ts) when that build is at least as new as every file under
// src/; otherwise it runs the TypeScript sources through tsx, so an edited tree never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'main.js');
const stamp = join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let entry;
if (existsSync(built) && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(join(root, 'src'))) {
  entry = built;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(root, 'src', 'cli', 'main.ts');
}
const { main } = await import(entry);
await main(process.argv.slice(2));
