/**
 * The seam between rigger and a host. Production uses SSH (ssh-transport.ts); unit tests inject a
 * small fake. Every task reaches its host only through this interface.
 */

/** What a command printed and how it ended. */
export interface ExecResult {
  /** Exactly as printed (not trimmed), decoded as UTF-8. */
  stdout: string;
  stderr: string;
  /** Exit code; non-zero is a normal result for `exec`, an error for `run`. */
  code: number;
}

export interface ExecOptions {
  /** Sent to the command's standard input. */
  stdin?: string | Buffer;
  /**
   * Per-command timeout; the command (and its children) is killed on the host and a
   * RemoteCommandError with exit code 124 raised when it passes. Defaults to the target's
   * `commandTimeoutMs`; 0 disables it.
   */
  timeoutMs?: number;
}

export interface WriteFileOptions {
  /** Octal mode, e.g. 0o600. */
  mode: number;
  owner?: string;
  group?: string;
}

/** The result of an atomic write: whether the file on the host changed. */
export interface WriteFileResult {
  changed: boolean;
}

/** One open connection to one host, reused by every task of a run. */
export interface Transport {
  /** The host's inventory name; every log line about it starts with this. */
  readonly host: string;
  /**
   * Runs a shell command (POSIX sh, as root when the inventory asks for `become`) and returns its
   * result whatever the exit code. Throws ConnectionError when the connection fails.
   */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Like exec, but a non-zero exit throws RemoteCommandError (host, command, code, stderr tail). */
  run(command: string, options?: ExecOptions): Promise<ExecResult>;
  /**
   * Writes a file atomically in one exec: temp file beside the target, content verified by sha256,
   * mode and owner set, then renamed over the target. Skipped (changed: false) when the target
   * already has that content, mode and owner. A broken connection leaves the target untouched.
   */
  writeFile(path: string, content: string | Buffer, options: WriteFileOptions): Promise<WriteFileResult>;
  /** Number of commands run over this connection so far (for benchmarks and tests). */
  readonly execCount: number;
  close(): Promise<void>;
}
