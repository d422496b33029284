/**
 * The few error classes rigger raises. One top-level handler (src/cli/handle-error.ts) turns each
 * into a message and an exit code; nothing else catches them to print.
 */

/** One problem found in an input file, located as `file:line:col path`. */
export interface ConfigProblem {
  file: string;
  /** 1-based line; 0 when the problem has no place in the file (e.g. a missing file). */
  line: number;
  /** 1-based column. */
  col: number;
  /** Field path in `a.b[3].c` form; empty for the document itself. */
  path: string;
  message: string;
}

/** Bad input: an invalid inventory, playbook or flag. Exit code 2; never a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[], options?: ErrorOptions) {
    super(problems.map(formatProblem).join('\n'), options);
    this.problems = problems;
  }

  /** A single problem that has no place in a file (a missing file, a bad flag). */
  static plain(file: string, message: string, options?: ErrorOptions): ConfigError {
    return new ConfigError([{ file, line: 0, col: 0, path: '', message }], options);
  }
}

/** `FILE:LINE:COL PATH: message`, the one format every input problem is printed in. */
export function formatProblem(p: ConfigProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** A command that ran on a host and failed. Never retried: it may have changed something. */
export class RemoteCommandError extends Error {
  override readonly name = 'RemoteCommandError';

  constructor(
    readonly host: string,
    /** The command as shown to people: already redacted. */
    readonly command: string,
    readonly exitCode: number,
    /** The last lines of stderr: already redacted. */
    readonly stderrTail: string,
    options?: ErrorOptions,
  ) {
    super(
      `${host}: command failed with exit code ${exitCode}: ${command}${stderrTail ? `\n${stderrTail}` : ''}`,
      options,
    );
  }
}

/**
 * The host could not be reached or the connection broke: refused, timed out, host key rejected.
 * Connection-level failures before a command started are retried with backoff; a broken channel
 * during a command is not (the command may have run).
 */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';

  constructor(
    readonly host: string,
    message: string,
    /** False for failures that will not heal by themselves, such as a host key mismatch. */
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(`${host}: ${message}`, options);
  }
}

/** A run found or caused a problem on the targets: a failed task, a refused precondition. */
export class RunError extends Error {
  override readonly name = 'RunError';
  /** 1 by default; `drift` uses 2 when it could not check (the drift check itself failed). */
  readonly exitCode: number;

  constructor(message: string, options?: ErrorOptions & { exitCode?: number }) {
    super(message, options);
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** A bug in rigger itself. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
