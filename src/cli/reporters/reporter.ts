import type { RunListener } from '../../playbooks/events.ts';
import type { CliIo } from '../io.ts';
import { jsonReporter } from './json.ts';
import { plainReporter } from './plain.ts';

/** Renders a run's events; `flush` resolves once everything is on screen. */
export interface Reporter {
  listener: RunListener;
  flush(): Promise<void>;
}

export type OutputMode = 'tty' | 'plain' | 'json';

/** listr2's live view on a terminal, plain lines in CI and pipes, NDJSON when asked. */
export function chooseOutput(requested: string | undefined, io: CliIo): OutputMode {
  if (requested === 'tty' || requested === 'plain' || requested === 'json') return requested;
  return io.stdout.isTTY && !io.env.CI ? 'tty' : 'plain';
}

export async function createReporter(mode: OutputMode, io: CliIo, verbose = false): Promise<Reporter> {
  if (mode === 'json') return jsonReporter(io.stdout);
  // listr2 is loaded only for a terminal.
  if (mode === 'tty') return (await import('./tty.ts')).ttyReporter(io.stdout);
  return plainReporter(io.stdout, { verbose });
}
