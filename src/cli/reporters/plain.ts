import type { RunEvent } from '../../engine/events.ts';
import type { Reporter } from './reporter.ts';
import { writeLine } from '../io.ts';
import { resultLines, runHeadline, summaryTable } from './summary-table.ts';

/**
 * Line-oriented output for CI logs and pipes: one line per task result, each starting with the
 * host name, with its changes (and, in a plan, file diffs) indented below.
 */
export function plainReporter(out: NodeJS.WritableStream, opts: { verbose?: boolean } = {}): Reporter {
  let dryRun = false;
  const listener: Reporter['listener'] = (e: RunEvent) => {
    switch (e.type) {
      case 'run-start':
        dryRun = e.dryRun;
        writeLine(out, runHeadline(e));
        break;
      case 'phase-start':
        writeLine(out, `phase ${e.phase}: ${e.hosts.join(', ') || 'no hosts'}`);
        break;
      case 'host':
        writeLine(out, `${e.host} ${e.level}: ${e.message}`);
        break;
      case 'task': {
        for (const line of resultLines(e.result, opts.verbose ?? false, dryRun)) writeLine(out, line);
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
