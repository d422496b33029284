/**
 * How a host phase walks its hosts: all at once (bounded by `ssh.parallel`), one at a time, or in
 * batches of N hosts or N% of them. Serial and batched phases are rolling changes: none starts a
 * new batch after a host failed, since what follows builds on what broke (a server that did not
 * join must not be followed by the next one).
 */
import type PQueue from 'p-queue';
import { ConfigError } from '../core/errors.ts';

/** `parallel`, `serial`, or a batch size: a count of hosts (`2`) or a share of them (`25%`). */
export type Strategy = 'parallel' | 'serial' | { batch: number | `${number}%` };

/** What a strategy needs of a host's run. */
export interface Walked {
  name: string;
  /** Set when the host stopped; later work skips it. */
  stopped?: string;
  /** Whether the host failed in this phase. */
  failedIn(phase: string): boolean;
}

/** How many hosts one batch holds, at least one. */
export function batchSize(strategy: Strategy, hosts: number): number {
  if (strategy === 'parallel') return Math.max(hosts, 1);
  if (strategy === 'serial') return 1;
  const { batch } = strategy;
  if (typeof batch === 'number') return Math.max(1, Math.floor(batch));
  return Math.max(1, Math.floor((hosts * Number(batch.slice(0, -1))) / 100));
}

/** A strategy as a playbook or flag writes it: `parallel`, `serial`, `3` or `25%`. */
export function parseStrategy(text: string, where: string): Strategy {
  if (text === 'parallel' || text === 'serial') return text;
  const m = /^([1-9]\d*)(%?)$/.exec(text);
  if (!m || (m[2] && Number(m[1]) > 100))
    throw ConfigError.plain(where, `a strategy is parallel, serial, N hosts or N% (1-100%), got "${text}"`);
  return { batch: m[2] ? (`${Number(m[1])}%` as const) : Number(m[1]) };
}

/**
 * Runs `work` on every host by the strategy, each host's work through the shared queue (which
 * bounds the connections in use). Returns the first host that failed in a rolling phase; the hosts
 * after it are stopped, saying why, and `waiting` tells each host what it waits for first.
 */
export async function walk<H extends Walked>(
  hosts: readonly H[],
  phase: string,
  strategy: Strategy,
  queue: PQueue,
  work: (h: H) => Promise<void>,
  waiting: (h: H, on: readonly string[]) => void = () => undefined,
): Promise<string | undefined> {
  const size = batchSize(strategy, hosts.length);
  if (size >= hosts.length) {
    await Promise.all(hosts.map((h) => queue.add(() => work(h))));
    return undefined;
  }
  const batches: H[][] = [];
  for (let i = 0; i < hosts.length; i += size) batches.push(hosts.slice(i, i + size));
  batches.forEach((b, i) => {
    const before = batches[i - 1]?.map((h) => h.name) ?? [];
    if (i > 0) for (const h of b) waiting(h, before);
  });
  let failed: string | undefined;
  const kind = strategy === 'serial' ? 'serial' : 'batched';
  for (const batch of batches) {
    if (failed) for (const h of batch) h.stopped ??= `${failed} failed earlier in the ${kind} phase ${phase}`;
    await Promise.all(batch.map((h) => queue.add(() => work(h))));
    failed ??= batch.find((h) => h.failedIn(phase))?.name;
  }
  return failed;
}
