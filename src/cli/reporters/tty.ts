import { Listr, type ListrTaskWrapper } from 'listr2';
import type { Reporter } from './reporter.ts';
import { writeLine } from '../io.ts';
import { resultLines, runHeadline, summaryTable } from './summary-table.ts';

type Wrapper = ListrTaskWrapper<unknown, never, never>;

/** One host's line in the running phase; events may come before listr2 starts drawing it. */
class HostRow {
  task?: Wrapper;
  title: string;
  changed = 0;
  failed?: string;
  readonly finished: Promise<void>;
  #resolve!: () => void;

  constructor(readonly host: string) {
    this.title = host;
    this.finished = new Promise((resolve) => (this.#resolve = resolve));
  }

  setTitle(title: string): void {
    this.title = title;
    if (this.task) this.task.title = title;
  }

  finish(): void {
    this.setTitle(`${this.host}: ${this.failed ? `failed: ${this.failed}` : `${this.changed} changed`}`);
    this.#resolve();
  }
}

/**
 * Live progress on a terminal: listr2 draws one line per host in the running phase, showing the
 * task it is on; the engine drives the run, listr2 only renders it.
 */
export function ttyReporter(out: NodeJS.WritableStream): Reporter {
  let rows = new Map<string, HostRow>();
  // What changed or failed is listed once the live view is done, so it stays on screen.
  const details: string[] = [];
  let rendering: Promise<unknown> = Promise.resolve();
  let dryRun = false;
  const listener: Reporter['listener'] = (e) => {
    switch (e.type) {
      case 'run-start':
        dryRun = e.dryRun;
        writeLine(out, runHeadline(e));
        break;
      case 'phase-start': {
        rows = new Map(e.hosts.map((h) => [h, new HostRow(h)]));
        const list = new Listr(
          [...rows.values()].map((row) => ({
            title: row.title,
            task: async (_ctx: unknown, task: Wrapper) => {
              row.task = task;
              task.title = row.title;
              await row.finished;
              if (row.failed) throw new Error(row.failed);
            },
          })),
          { concurrent: true, exitOnError: false },
        );
        writeLine(out, `phase ${e.phase}`);
        rendering = rendering.then(() => list.run()).catch(() => undefined);
        break;
      }
      case 'task-start':
        rows.get(e.host)?.setTitle(`${e.host}: ${e.title}`);
        break;
      case 'task': {
        const row = rows.get(e.result.host);
        if (!row) break;
        details.push(...resultLines(e.result, false, dryRun));
        if (e.result.status === 'changed') row.changed++;
        if (e.result.status === 'failed') row.failed = `${e.result.task}: ${e.result.message ?? ''}`;
        if (row.task) for (const c of e.result.changes) row.task.output = c.summary;
        break;
      }
      case 'phase-end':
        for (const row of rows.values()) row.finish();
        break;
      case 'host':
        if (e.level !== 'info') writeLine(out, `${e.host} ${e.level}: ${e.message}`);
        break;
      case 'run-end':
        rendering = rendering.then(() => {
          for (const line of [...details, ...summaryTable(e.summary)]) writeLine(out, line);
        });
        break;
    }
  };
  return { listener, flush: () => rendering.then(() => undefined) };
}
