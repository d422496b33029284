import type { Reporter } from './reporter.ts';
import { writeLine } from '../io.ts';

/** One JSON object per event and line (NDJSON), for CI systems and scripts. */
export function jsonReporter(out: NodeJS.WritableStream): Reporter {
  const listener: Reporter['listener'] = (e) => {
    if (e.type === 'task-start') return;
    writeLine(out, JSON.stringify(e));
  };
  return { listener, flush: () => Promise.resolve() };
}
