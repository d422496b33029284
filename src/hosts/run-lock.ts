import { shQuote } from './shell-quote.ts';

/** Where the run lock lives on every host a run changes. */
export const LOCK_PATH = '/var/lib/rigger/run.lock';

/**
 * The short-lived kernel lock (flock(2), util-linux `flock`, on Ubuntu and Flatcar alike) that
 * makes every read-compare-write of the run lock one atomic step. It is held only while a script
 * below runs, and the kernel drops it when that process dies, so it can never go stale itself.
 */
const MUTEX_PATH = `${LOCK_PATH}.mutex`;

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
 * Runs `body` with the mutex held (waiting up to 10 s for another run's few milliseconds).
 * Exit 75 (EX_TEMPFAIL) and a line saying so when it cannot be had.
 */
function underMutex(body: string[]): string {
  return [
    `mkdir -p /var/lib/rigger`,
    `(`,
    `  flock -w 10 9 || { echo "mutex-busy"; exit 75; }`,
    ...body.map((l) => `  ${l}`),
    `) 9>>${shQuote(MUTEX_PATH)}`,
  ].join('\n');
}

/**
 * A sh snippet that takes the lock, or takes over a lock whose heartbeat (the file's mtime) is
 * older than `staleSeconds` (or any lock, with `force`). The decision and the write happen under
 * the mutex, so of many runs racing for the same free or stale lock exactly one wins: the others
 * see the winner's fresh lock. Prints one line: `acquired`, `taken-over AGE JSON`, or
 * `held AGE JSON`. Meant to run as a probe, so taking the lock costs no round trip of its own.
 */
export function acquireLockScript(owner: LockOwner, staleSeconds: number, force: boolean): string {
  const data = shQuote(JSON.stringify(owner));
  const lock = shQuote(LOCK_PATH);
  return underMutex([
    `if [ ! -e ${lock} ]; then`,
    `  printf '%s\\n' ${data} > ${lock}.new && mv -f ${lock}.new ${lock} && echo acquired`,
    `else`,
    `  age=$(( $(date +%s) - $(stat -c %Y ${lock} 2>/dev/null || date +%s) ))`,
    `  if [ "$age" -gt ${staleSeconds} ] || [ ${force ? 1 : 0} = 1 ]; then`,
    `    prev=$(head -n 1 ${lock}); printf '%s\\n' ${data} > ${lock}.new && mv -f ${lock}.new ${lock}`,
    `    echo "taken-over $age $prev"`,
    `  else echo "held $age $(head -n 1 ${lock})"; fi`,
    `fi`,
  ]);
}

/** Reads the lock without taking it (for plans and drift checks). */
export function readLockScript(): string {
  const lock = shQuote(LOCK_PATH);
  return `if [ -f ${lock} ]; then echo "held $(( $(date +%s) - $(stat -c %Y ${lock}) )) $(head -n 1 ${lock})"; else echo free; fi`;
}

/**
 * Keeps a held lock fresh, under the mutex so it can never refresh a lock another run took over
 * a moment ago. Exits non-zero, printing `lost HOLDER`, when this run no longer holds it.
 */
export function heartbeatScript(runId: string): string {
  const lock = shQuote(LOCK_PATH);
  return underMutex([
    `if grep -qF ${shQuote(runId)} ${lock} 2>/dev/null; then touch ${lock}; else echo "lost $(head -n 1 ${lock} 2>/dev/null)"; exit 1; fi`,
  ]);
}

/** Removes the lock only if this run still holds it (under the mutex: never another run's). */
export function releaseLockScript(runId: string): string {
  const lock = shQuote(LOCK_PATH);
  return underMutex([`if grep -qF ${shQuote(runId)} ${lock} 2>/dev/null; then rm -f ${lock}; fi`]);
}

export function parseLockState(raw: string): LockState {
  const line = raw.trim().split('\n').pop() ?? '';
  if (line === 'acquired') return { state: 'acquired' };
  if (line === 'free' || line === '') return { state: 'free' };
  // Another run held the mutex for longer than a lock decision ever takes: treat it as held.
  if (line === 'mutex-busy') return { state: 'held', holder: undefined, ageSeconds: 0 };
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
