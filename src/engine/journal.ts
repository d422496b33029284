import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Redactor } from '../core/redact.ts';
import type { RunEvent } from './events.ts';

/**
 * Every run appends what it did to `.rigger/runs/<time>-<id>.jsonl`, one JSON object per event
 * (task, host, result, what changed, duration, error), so an operator can read after a failure
 * exactly what was done. Written synchronously: a crash must not lose the line before it.
 */
export class Journal {
  readonly path: string;

  constructor(
    dir: string,
    runId: string,
    private readonly redactor: Redactor,
    now = new Date(),
  ) {
    mkdirSync(dir, { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    this.path = join(dir, `${stamp}-${runId}.jsonl`);
  }

  record(event: RunEvent): void {
    if (event.type === 'task-start') return; // the task's result line says it all
    // Redacted before encoding: JSON escapes a secret's quotes and backslashes, so the encoded
    // line would no longer contain it as registered.
    const line = JSON.stringify(this.redactor.redactValue({ time: new Date().toISOString(), ...event }));
    appendFileSync(this.path, `${this.redactor.redact(line)}\n`, { mode: 0o600 });
  }
}
