import PQueue from 'p-queue';
import { describe, expect, it } from 'vitest';
import { batchSize, parseStrategy, walk, type Strategy, type Walked } from './strategy.ts';

class H implements Walked {
  stopped?: string;
  failed = false;
  constructor(readonly name: string) {}
  failedIn(): boolean {
    return this.failed;
  }
}

/** Walks hosts, recording which were working at the same time; `fail` names hosts that fail. */
async function trace(strategy: Strategy, n: number, fail: string[] = []) {
  const hosts = Array.from({ length: n }, (_, i) => new H(`h${i + 1}`));
  const started: string[][] = [];
  let running: string[] = [];
  const waits: string[] = [];
  const failed = await walk(
    hosts,
    'upgrade',
    strategy,
    new PQueue({ concurrency: 10 }),
    async (h) => {
      if (h.stopped) return;
      running.push(h.name);
      started.push([...running]);
      await new Promise((r) => setTimeout(r, 5));
      h.failed = fail.includes(h.name);
      running = running.filter((x) => x !== h.name);
    },
    (h, on) => waits.push(`${h.name}<${on.join(',')}`),
  );
  return { hosts, failed, maxTogether: Math.max(...started.map((s) => s.length)), waits };
}

describe('phase strategies', () => {
  it('sizes batches as a count or a share of the hosts, never below one', () => {
    expect(batchSize('parallel', 7)).toBe(7);
    expect(batchSize('serial', 7)).toBe(1);
    expect(batchSize({ batch: 3 }, 7)).toBe(3);
    expect(batchSize({ batch: '25%' }, 8)).toBe(2);
    expect(batchSize({ batch: '10%' }, 3)).toBe(1);
  });

  it('reads strategies as playbooks and flags write them, refusing others', () => {
    expect(parseStrategy('serial', 'x')).toBe('serial');
    expect(parseStrategy('2', 'x')).toEqual({ batch: 2 });
    expect(parseStrategy('30%', 'x')).toEqual({ batch: '30%' });
    expect(() => parseStrategy('0', '--strategy')).toThrow(/--strategy: a strategy is parallel, serial/);
    expect(() => parseStrategy('150%', '--strategy')).toThrow(/1-100%/);
  });

  it('works on at most a batch of hosts at once, and says whom each waiting host waits for', async () => {
    const t = await trace({ batch: 2 }, 5);
    expect(t.maxTogether).toBe(2);
    expect(t.failed).toBeUndefined();
    expect(t.waits).toEqual(['h3<h1,h2', 'h4<h1,h2', 'h5<h3,h4']);
    expect((await trace('parallel', 5)).maxTogether).toBe(5);
    expect((await trace('serial', 3)).maxTogether).toBe(1);
  });

  it('starts no batch after a host failed in a rolling phase, and says why', async () => {
    const t = await trace({ batch: 2 }, 6, ['h2']);
    expect(t.failed).toBe('h2');
    expect(t.hosts.map((h) => h.stopped)).toEqual([
      undefined,
      undefined,
      'h2 failed earlier in the batched phase upgrade',
      'h2 failed earlier in the batched phase upgrade',
      'h2 failed earlier in the batched phase upgrade',
      'h2 failed earlier in the batched phase upgrade',
    ]);
    const serial = await trace('serial', 3, ['h1']);
    expect(serial.hosts[2]?.stopped).toBe('h1 failed earlier in the serial phase upgrade');
  });
});
