/**
 * The lab's bridge and addresses are fixed, so only one lab can be up on a machine. A marker in
 * the user cache names the stateDir of the lab that is up; another clone's `lab up` refuses while
 * that lab still has a running host, instead of fighting over rgr0.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunError } from '../core/errors.ts';
import { nspawnMatcher } from './machine.ts';
import { labCacheDir, labPaths, type LabPaths } from './paths.ts';
import { isOurs } from './processes.ts';
import { readStoredState } from './state-file.ts';

function markerFile(): string {
  return join(labCacheDir(), 'active-lab');
}

async function readMarker(): Promise<string | undefined> {
  const text = await readFile(markerFile(), 'utf8').catch(() => undefined);
  const dir = text?.trim();
  return dir === '' ? undefined : dir;
}

/** Records this lab as the one that is up, or throws when another lab still runs hosts. */
export async function claimActiveLab(paths: LabPaths): Promise<void> {
  const other = await readMarker();
  if (other !== undefined && other !== paths.stateDir) {
    const state = await readStoredState(labPaths(other));
    for (const h of state?.hosts ?? []) {
      if (await isOurs(h.pid, nspawnMatcher(h.upperDir))) {
        throw new RunError(
          `another lab is up (state in ${other}, ${h.name} is running as PID ${h.pid}); ` +
            `only one lab fits on a machine: take that one down first`,
        );
      }
    }
  }
  await mkdir(labCacheDir(), { recursive: true });
  await writeFile(markerFile(), `${paths.stateDir}\n`);
}

/** Forgets the marker if it names this lab. */
export async function releaseActiveLab(paths: LabPaths): Promise<void> {
  if ((await readMarker()) === paths.stateDir) await rm(markerFile(), { force: true });
}
