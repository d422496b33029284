import { CommanderError } from 'commander';
import { ConfigError, ConnectionError, formatProblem, RemoteCommandError, RunError } from '../core/errors.ts';
import { ExitCode, writeLine, type CliIo } from './io.ts';

/**
 * The one place errors become output and an exit code. Expected errors print their message only;
 * a stack trace is printed for internal errors alone, since only those are rigger's bugs.
 */
export function handleError(err: unknown, io: CliIo): number {
  const redact = (text: string): string => io.redactor?.redact(text) ?? text;
  if (err instanceof CommanderError) {
    // Commander has printed its own message (usage, unknown option, help) already; help that was
    // asked for exits 0, help shown because the command line was incomplete is a usage error.
    return err.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (err instanceof ConfigError) {
    for (const p of err.problems) writeLine(io.stderr, redact(`error: ${formatProblem(p)}`));
    const n = err.problems.length;
    writeLine(io.stderr, `${n} error${n === 1 ? '' : 's'}; nothing was changed`);
    return ExitCode.badInput;
  }
  if (err instanceof RunError) {
    writeLine(io.stderr, redact(`error: ${err.message}`));
    return err.exitCode;
  }
  if (err instanceof RemoteCommandError || err instanceof ConnectionError) {
    writeLine(io.stderr, redact(`error: ${err.message}`));
    return ExitCode.problem;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  writeLine(io.stderr, redact(`internal error (a bug in rigger, please report it): ${e.stack ?? e.message}`));
  return ExitCode.internal;
}
