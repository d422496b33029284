/**
 * Many runs racing for one host's run lock, on a real lab host over real SSH: whether the lock is
 * free, fresh or stale, exactly one run proceeds each time. Before the takeover went under the
 * host's mutex, two runs racing on a stale lock both "took over" in 116 of 200 trials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/core/redact.ts';
import { acquireLockScript, LOCK_PATH, parseLockState } from '../../src/hosts/run-lock.ts';
import { connectSsh } from '../../src/hosts/ssh-transport.ts';
import type { Transport } from '../../src/hosts/transport.ts';
import { ADDRESS, ensureLab, LAB_STATE_DIR } from '../support/lab.ts';
import { join } from 'node:path';

const CONTENDERS = 6;
const TRIALS = 15;
// spare-1 is in no inventory, so no other test's run takes its lock meanwhile.
const HOST = 'spare-1';

async function contenders(): Promise<Transport[]> {
  const redactor = new Redactor();
  return Promise.all(
    Array.from({ length: CONTENDERS }, () =>
      connectSsh(
        {
          name: HOST,
          address: ADDRESS[HOST] ?? '',
          port: 22,
          user: 'root',
          privateKeyPath: join(LAB_STATE_DIR, 'id_ed25519'),
          knownHostsPath: join(LAB_STATE_DIR, 'known_hosts'),
          hostKeyPolicy: 'strict',
          become: false,
          connectTimeoutMs: 10_000,
          commandTimeoutMs: 60_000,
        },
        { redactor },
      ),
    ),
  );
}

/** Every contender tries at once; returns the states they saw. */
async function race(ts: Transport[], trial: number): Promise<string[]> {
  const results = await Promise.all(
    ts.map((t, i) =>
      t.exec(
        acquireLockScript(
          { runId: `race-${trial}-${i}`, owner: 'test@lab', command: 'race', startedAt: '' },
          90,
          false,
        ),
      ),
    ),
  );
  return results.map((r) => parseLockState(r.stdout).state);
}

describe('the run lock under a race of many runs on a real host', () => {
  let ts: Transport[] = [];
  beforeAll(async () => {
    await ensureLab();
    ts = await contenders();
  });
  afterAll(async () => {
    await ts[0]?.exec(`rm -f ${LOCK_PATH}`);
    await Promise.all(ts.map((t) => t.close()));
  });

  it('lets exactly one of many runs take a free lock, every time', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      await ts[0]?.exec(`rm -f ${LOCK_PATH}`);
      const states = await race(ts, trial);
      expect(
        states.filter((s) => s === 'acquired'),
        states.join(' '),
      ).toHaveLength(1);
      expect(states.filter((s) => s === 'held')).toHaveLength(CONTENDERS - 1);
    }
  });

  it('lets exactly one of many runs take over a stale lock, every time', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const stale = JSON.stringify({ runId: 'dead-run', owner: 'x@y', command: 'provision', startedAt: '' });
      await ts[0]?.exec(`printf '%s\\n' '${stale}' > ${LOCK_PATH} && touch -d '-300 seconds' ${LOCK_PATH}`);
      const states = await race(ts, trial);
      expect(
        states.filter((s) => s === 'taken-over'),
        states.join(' '),
      ).toHaveLength(1);
      expect(states.filter((s) => s === 'held')).toHaveLength(CONTENDERS - 1);
    }
  });

  it('refuses a fresh lock to every racing run', async () => {
    const fresh = JSON.stringify({ runId: 'live-run', owner: 'x@y', command: 'provision', startedAt: '' });
    await ts[0]?.exec(`printf '%s\\n' '${fresh}' > ${LOCK_PATH}`);
    const states = await race(ts, 0);
    expect(states).toEqual(Array.from({ length: CONTENDERS }, () => 'held'));
  });
});
