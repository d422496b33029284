/**
 * One secret full of JSON and shell metacharacters, pushed through every output rigger has: the
 * live (tty), plain and JSON reporters, the journal, JUnit, the top-level error handler, and a
 * plan. No piece of it may come out.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { FakeHost, ubuntuFacts } from '../hosts/fake-transport.ts';
import { loadText, prodText } from '../inventory/testing.ts';
import type { RunEvent, TaskResult } from '../engine/events.ts';
import { runPlaybook } from '../playbooks/runner.ts';
import type { Task } from '../tasks/task.ts';
import { handleError } from './handle-error.ts';
import { jsonReporter } from './reporters/json.ts';
import { plainReporter } from './reporters/plain.ts';
import { ttyReporter } from './reporters/tty.ts';
import { junitReport } from './run-drift.ts';

// Letters that appear nowhere else in rigger's output, between every kind of quote and escape.
const SECRET = `Qz"\\Xq'$(Vw)\`Jk\`{"Yh":"\\n"}%Gx&<Bp>`;
const DISTINCT = ['Qz', 'Xq', 'Vw', 'Jk', 'Yh', 'Gx', 'Bp'];

/** Fails when any piece of the secret that carries one of its letters is in `text`. */
function expectClean(what: string, text: string): void {
  expect(text.length, `${what} printed something`).toBeGreaterThan(0);
  for (const piece of DISTINCT) expect(text, `${what} leaked ${piece}`).not.toContain(piece);
}

/** A task whose change summary, diff and failure all carry the secret. */
const leaky: Task = {
  id: 'leaky',
  title: 'A task that handles a secret',
  probes: () => [],
  plan: () => [
    {
      summary: `set password to ${SECRET}`,
      diff: `-old\n+${SECRET}\n`,
      apply: () => Promise.reject(new RunError(`the host refused ${JSON.stringify(SECRET)}`)),
    },
  ],
};

function stream(): { s: PassThrough; text: () => string } {
  const s = new PassThrough();
  let out = '';
  s.on('data', (c: Buffer) => (out += c.toString()));
  return { s, text: () => out };
}

async function runWith(dryRun: boolean, redactor: Redactor) {
  const inventory = loadText(prodText()).inventory;
  const outs = { tty: stream(), plain: stream(), json: stream() };
  const reporters = [
    ttyReporter(outs.tty.s),
    plainReporter(outs.plain.s, { verbose: true }),
    jsonReporter(outs.json.s),
  ];
  const results: TaskResult[] = [];
  const cp1 = inventory.hosts[0].name;
  const host = new FakeHost(cp1, new Map([...ubuntuFacts()]));
  const summary = await runPlaybook({
    inventory,
    playbook: {
      name: 'leak',
      file: 'leak.yaml',
      phases: [{ target: 'hosts', name: 'prepare', hosts: {}, strategy: 'parallel', tasks: [leaky] }],
    },
    connect: () => Promise.resolve(host),
    redactor,
    listeners: [
      ...reporters.map((r) => r.listener),
      (e: RunEvent) => (e.type === 'task' ? results.push(e.result) : undefined),
    ],
    limit: [cp1],
    dryRun,
    journalDir: mkdtempSync(join(tmpdir(), 'rigger-journal-')),
  });
  await Promise.all(reporters.map((r) => r.flush()));
  return { outs, journal: readFileSync(summary.journal, 'utf8'), results };
}

describe('a secret with JSON and shell metacharacters', () => {
  it('never comes out of a run: tty, plain, json, journal or JUnit', async () => {
    const redactor = new Redactor();
    redactor.add(SECRET);
    const { outs, journal, results } = await runWith(false, redactor);
    expect(results[0]?.status).toBe('failed'); // the error carried the secret too
    expectClean('tty', outs.tty.text());
    expectClean('plain', outs.plain.text());
    expectClean('json', outs.json.text());
    expectClean('journal', journal);
    expectClean('junit', junitReport(results));
  });

  it('never comes out of a plan', async () => {
    const redactor = new Redactor();
    redactor.add(SECRET);
    const { outs, journal } = await runWith(true, redactor);
    expect(outs.plain.text()).toContain('set password to ***');
    expectClean('plan (plain)', outs.plain.text());
    expectClean('plan (json)', outs.json.text());
    expectClean('plan (journal)', journal);
  });

  it('never comes out of the top-level error handler', () => {
    const redactor = new Redactor();
    redactor.add(SECRET);
    const err = stream();
    const io = { stdout: stream().s, stderr: err.s, env: {}, cwd: '/', redactor };
    handleError(new RunError(`bad token ${SECRET}`), io);
    handleError(new Error(`boom ${JSON.stringify(SECRET)}`), io);
    expectClean('errors', err.text());
  });

  it('would come out without being registered (the test can fail)', async () => {
    const { outs } = await runWith(false, new Redactor());
    expect(outs.json.text()).toContain('Qz');
  });
});
