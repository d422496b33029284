import { shQuote } from './shell-quote.ts';

/** Where the run lock lives on every host a run changes. */
export const LOCK_PATH = '/var/lib/rigger/run.lock';

/** Who holds a lock: written into the lock file as one JSON line. */
export interface LockOwner {
  runId: string;
  /** `user@machine` of the operator. */
  owner: string;
  command: string;
  startedAt: string;
}

export type LockState =
  | { state: 'acquired' }
  | { state: 'taken-over'; previous: LockOwner | undefined; ageSeconds: number }
  | { state: 'held'; holder: LockOwner | undefined; ageSeconds: number }
  | { state: 'free' };

/**
 * A sh snippet that takes the lock atomically (noclobber create), or takes over a lock whose
 * heartbeat (the file's mtime) is older than `staleSeconds`, or with `force`. Prints one line:
 * `acquired`, `taken-over AGE JSON`, or `held AGE JSON`. Meant to run as a probe, so taking the
 * lock costs no round trip of its own.
 */
export function acquireLockScript(owner: LockOwner, staleSeconds: number, force: boolean): string {
  const data = shQuote(JSON.stringify(owner));
  const lock = shQuote(LOCK_PATH);
  return [
    `mkdir -p /var/lib/rigger`,
    `if ( set -C; printf '%s\\n' ${data} > ${lock} ) 2>/dev/null; then echo acquired; else`,
    `  age=$(( $(date +%s) - $(stat -c %Y ${lock} 2>/dev/null || date +%s) ))`,
    `  if [ "$age" -gt ${staleSeconds} ] || [ ${force ? 1 : 0} = 1 ]; then`,
    `    prev=$(head -n 1 ${lock}); printf '%s\\n' ${data} > ${lock}.new && mv -f ${lock}.new ${lock}`,
    `    echo "taken-over $age $prev"`,
    `  else echo "held $age $(head -n 1 ${lock})"; fi`,
    `fi`,
  ].join('\n');
}

/** Reads the lock without taking it (for plans and drift checks). */
export function readLockScript(): string {
  const lock = shQuote(LOCK_PATH);
  return `if [ -f ${lock} ]; then echo "held $(( $(date +%s) - $(stat -c %Y ${lock}) )) $(head -n 1 ${lock})"; else echo free; fi`;
}

/** Keeps a held lock fresh. */
export function heartbeatScript(runId: string): string {
  return `grep -qF ${shQuote(runId)} ${shQuote(LOCK_PATH)} && touch ${shQuote(LOCK_PATH)}`;
}

/** Removes the lock only if this run still holds it. */
export function releaseLockScript(runId: string): string {
  return `if grep -qF ${shQuote(runId)} ${shQuote(LOCK_PATH)} 2>/dev/null; then rm -f ${shQuote(LOCK_PATH)}; fi`;
}

export function parseLockState(raw: string): LockState {
  const line = raw.trim().split('\n').pop() ?? '';
  if (line === 'acquired') return { state: 'acquired' };
  if (line === 'free' || line === '') return { state: 'free' };
  const m = /^(held|taken-over) (\d+) ?(.*)$/.exec(line);
  if (!m) return { state: 'free' };
  let who: LockOwner | undefined;
  try {
    who = JSON.parse(m[3] ?? '') as LockOwner;
  } catch {
    who = undefined;
  }
  const ageSeconds = Number(m[2]);
  return m[1] === 'held'
    ? { state: 'held', holder: who, ageSeconds }
    : { state: 'taken-over', previous: who, ageSeconds };
}
