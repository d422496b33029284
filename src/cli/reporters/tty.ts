import {
  Listr,
  ListrLogger,
  ProcessOutput,
  type DefaultRenderer,
  type ListrTaskWrapper,
  type SimpleRenderer,
} from 'listr2';
import type { Reporter } from './reporter.ts';
import { writeLine } from '../io.ts';
import { resultLines, runHeadline, summaryTable } from './summary-table.ts';

type Wrapper = ListrTaskWrapper<unknown, typeof DefaultRenderer, typeof SimpleRenderer>;

/** One host's line in the running phase; events may come before listr2 starts drawing it. */
class HostRow {
  task?: Wrapper;
  title: string;
  changed = 0;
  failed?: string;
  done = false;
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
    if (this.done) return;
    this.done = true;
    this.setTitle(`${this.host}: ${this.failed ? `failed: ${this.failed}` : `${this.changed} changed`}`);
    this.#resolve();
  }
}

function loggerOn(out: NodeJS.WritableStream): ListrLogger {
  const stream = out as NodeJS.WriteStream;
  return new ListrLogger({ processOutput: new ProcessOutput(stream, stream) });
}

/** The phase's rows as listr2 tasks; titles are read when it starts, after the waits are known. */
function phaseList(rows: readonly HostRow[], concurrent: boolean, out: NodeJS.WritableStream) {
  return new Listr(
    rows.map((row) => ({
      title: row.title,
      task: async (_ctx: unknown, task: Wrapper) => {
        row.task = task;
        task.title = row.title;
        await row.finished;
        if (row.failed) throw new Error(row.failed);
      },
    })),
    {
      concurrent,
      exitOnError: false,
      // Drawn on the reporter's stream, not whatever process.stdout is.
      rendererOptions: { logger: loggerOn(out) },
      fallbackRendererOptions: { logger: loggerOn(out) },
    },
  );
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
        const phaseRows = [...rows.values()];
        // A serial phase is drawn as it runs: one host at a time, the others pending below,
        // each saying whom it waits for; a host that is done shows done at once.
        const concurrent = e.strategy !== 'serial';
        writeLine(
          out,
          `phase ${e.phase}${e.strategy && e.strategy !== 'parallel' ? ` (${e.strategy})` : ''}`,
        );
        rendering = rendering.then(() => phaseList(phaseRows, concurrent, out).run()).catch(() => undefined);
        break;
      }
      case 'host-waits':
        rows.get(e.host)?.setTitle(`${e.host}: waits for ${e.on.join(', ')}`);
        break;
      case 'host-done':
        rows.get(e.host)?.finish();
        break;
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
