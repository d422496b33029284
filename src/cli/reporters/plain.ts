import type { RunEvent } from '../../playbooks/events.ts';
import type { Reporter } from './reporter.ts';
import { writeLine } from '../io.ts';
import { runHeadline, summaryTable } from './summary-table.ts';

/**
 * Line-oriented output for CI logs and pipes: one line per task result, each starting with the
 * host name, with its changes (and, in a plan, file diffs) indented below.
 */
export function plainReporter(out: NodeJS.WritableStream, opts: { verbose?: boolean } = {}): Reporter {
  const listener: Reporter['listener'] = (e: RunEvent) => {
    switch (e.type) {
      case 'run-start':
        writeLine(out, runHeadline(e));
        break;
      case 'phase-start':
        writeLine(out, `phase ${e.phase}: ${e.hosts.join(', ') || 'no hosts'}`);
        break;
      case 'host':
        writeLine(out, `${e.host} ${e.level}: ${e.message}`);
        break;
      case 'task': {
        const r = e.result;
        // Unchanged and skipped tasks are counted in the summary; --verbose lists them too.
        if ((r.status === 'ok' || r.status === 'skipped') && !opts.verbose) break;
        const note = r.message ? `: ${r.message}` : '';
        writeLine(out, `${r.host} ${r.task}: ${r.status}${note}`);
        for (const c of r.changes) {
          writeLine(out, `${r.host}   - ${c.summary}`);
          if (c.diff) for (const line of c.diff.split('\n')) writeLine(out, `${r.host}     ${line}`);
        }
        break;
      }
      case 'run-end':
        for (const line of summaryTable(e.summary)) writeLine(out, line);
        break;
      default:
        break;
    }
  };
  return { listener, flush: () => Promise.resolve() };
}
