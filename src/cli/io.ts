import type { Redactor } from '../core/redact.ts';

/** What a command may read and write: injected, so tests run the CLI in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * The invocation's one registry of secrets: commands register what they resolve here, and the
   * top-level error handler redacts with it too. createCli always sets it.
   */
  redactor?: Redactor;
}

/** Exit codes, the same for every command (see README). */
export const ExitCode = {
  /** Success; for `drift`, no drift. */
  ok: 0,
  /** The run found or caused a problem on the targets: a failed task, drift found. */
  problem: 1,
  /** Bad input or usage: invalid inventory, unknown flag, missing file. */
  badInput: 2,
  /** A bug in rigger. */
  internal: 3,
} as const;

export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(`${line}\n`);
}
