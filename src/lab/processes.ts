/**
 * The lab's long-lived processes (nspawn machines, apt-cacher-ng) outlive the node process that
 * starts them, so they are tracked by PID and every signal is preceded by a check of
 * /proc/PID/cmdline: a PID recorded yesterday may belong to something else today.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunError } from '../core/errors.ts';

/** Decides from a process's argv whether it is the one we started. */
export type ProcessMatcher = (argv: readonly string[]) => boolean;

/** A process's argv from /proc, or undefined when it no longer exists (or is a zombie). */
export async function readArgv(pid: number): Promise<string[] | undefined> {
  if (!Number.isInteger(pid) || pid <= 1) return undefined;
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (raw === '') return undefined;
    return raw.replace(/\0$/, '').split('\0');
  } catch {
    return undefined;
  }
}

/** True when PID is alive and its command line still identifies it as ours. */
export async function isOurs(pid: number, matches: ProcessMatcher): Promise<boolean> {
  const argv = await readArgv(pid);
  return argv !== undefined && matches(argv);
}

/**
 * Finds processes whose full command line identifies them as ours (for example nspawn with this
 * lab's own upper dir), so a lab whose state.json was lost can still be adopted or cleaned up.
 * Matching is on our unique paths, never on a program name alone.
 */
export async function findOurs(matches: ProcessMatcher): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    if (await isOurs(pid, matches)) found.push(pid);
  }
  return found;
}

export interface DetachedOptions {
  /** Both stdout and stderr are appended here, so the log survives the starting process. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts a process in its own session with output to a log file and lets go of it: the lab keeps
 * running after the CLI or test runner exits. zx's `$` always waits, so this uses child_process.
 */
export async function spawnDetached(
  command: string,
  args: readonly string[],
  opts: DetachedOptions,
): Promise<number> {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const fd = openSync(opts.logFile, 'a');
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: opts.env ?? process.env,
    });
    const pid = await new Promise<number>((resolvePid, reject) => {
      child.once('error', (err) => {
        reject(new RunError(`could not start ${command}: ${err.message}`, { cause: err }));
      });
      child.once('spawn', () => {
        if (child.pid === undefined) reject(new RunError(`could not start ${command}: no PID`));
        else resolvePid(child.pid);
      });
    });
    child.unref();
    return pid;
  } finally {
    closeSync(fd);
  }
}

export interface StopOptions {
  /** How long to wait after SIGTERM before SIGKILL. */
  graceMs: number;
  /** What the process is, for messages. */
  what: string;
}

/**
 * SIGTERM, wait, SIGKILL, wait, each only after re-checking that PID is still ours.
 * Returns false when there was nothing of ours to stop.
 */
export async function stopProcess(pid: number, matches: ProcessMatcher, opts: StopOptions): Promise<boolean> {
  if (!(await isOurs(pid, matches))) return false;
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, matches, opts.graceMs)) return true;
  if (await isOurs(pid, matches)) signal(pid, 'SIGKILL');
  if (await waitForExit(pid, matches, 10_000)) return true;
  throw new RunError(`${opts.what} (PID ${pid}) did not exit after SIGTERM and SIGKILL`);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    // ESRCH: it exited between the check and the signal, which is what we wanted.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Waits until PID is gone or no longer ours (a reaped and reused PID counts as gone). */
export async function waitForExit(pid: number, matches: ProcessMatcher, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isOurs(pid, matches))) return true;
    await sleep(200);
  }
  return !(await isOurs(pid, matches));
}
