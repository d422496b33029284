/**
 * Safe removal of trees that may still have something mounted inside: an interrupted debootstrap
 * leaves /proc and /sys mounted in its target, and an `rm -rf` that walked into those would be a
 * disaster. Everything mounted below a tree is unmounted first, and removal never crosses into
 * another file system.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { $ } from 'zx';
import { RunError } from '../core/errors.ts';

/** Mount points at or below dir in this mount namespace, deepest first. */
export async function mountsUnder(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const info = await readFile('/proc/self/mountinfo', 'utf8');
  const points = info
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => p !== undefined)
    .map(unescapeMountPath)
    .filter((p) => p === root || p.startsWith(root + sep));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

// mountinfo escapes space, tab, newline and backslash as octal.
function unescapeMountPath(p: string): string {
  return p.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export async function unmountUnder(dir: string): Promise<void> {
  for (const point of await mountsUnder(dir)) {
    // Lazy: a busy mount is detached now and released once its last user is gone.
    await $({ quiet: true, nothrow: true })`umount -l ${point}`;
  }
  const left = await mountsUnder(dir);
  if (left.length > 0) {
    throw new RunError(`could not unmount ${left.join(', ')}; remove them by hand before retrying`);
  }
}

/** Removes a tree after unmounting anything inside it; refuses paths that are obviously wrong. */
export async function removeTree(dir: string): Promise<void> {
  const target = resolve(dir);
  if (target.split(sep).filter(Boolean).length < 3) {
    throw new RunError(`refusing to remove ${target}: too close to /`);
  }
  await unmountUnder(target);
  await $({ quiet: true })`rm -rf --one-file-system -- ${target}`;
}
