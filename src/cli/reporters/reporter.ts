import { ConfigError } from '../../core/errors.ts';
import type { RunListener } from '../../engine/events.ts';
import type { CliIo } from '../io.ts';
import { jsonReporter } from './json.ts';
import { plainReporter } from './plain.ts';

/** Renders a run's events; `flush` resolves once everything is on screen. */
export interface Reporter {
  listener: RunListener;
  flush(): Promise<void>;
}

export type OutputMode = 'tty' | 'plain' | 'json';
const MODES: readonly string[] = ['tty', 'plain', 'json'] satisfies OutputMode[];

/**
 * The `--output <mode>` flag's parser: an unknown mode is a usage error as the command line is
 * parsed (a typo never falls back to another output, and nothing has run yet).
 */
export function outputFlag(value: string): OutputMode {
  if (MODES.includes(value)) return value as OutputMode;
  throw ConfigError.plain('--output', `must be one of ${MODES.join(', ')}, not "${value}"`);
}

/** listr2's live view on a terminal, plain lines in CI and pipes, NDJSON when asked. */
export function chooseOutput(requested: string | undefined, io: CliIo): OutputMode {
  if (requested !== undefined) return outputFlag(requested);
  return io.stdout.isTTY && !io.env.CI ? 'tty' : 'plain';
}

export async function createReporter(mode: OutputMode, io: CliIo, verbose = false): Promise<Reporter> {
  if (mode === 'json') return jsonReporter(io.stdout);
  // listr2 is loaded only for a terminal.
  if (mode === 'tty') return (await import('./tty.ts')).ttyReporter(io.stdout);
  return plainReporter(io.stdout, { verbose });
}
