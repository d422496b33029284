/**
 * The production Transport: one persistent SSH connection per host (through a bastion when the
 * inventory names one), commands as POSIX sh, files written atomically in one exec. Everything it
 * logs or puts in an error passes through the Redactor first.
 */
import { constants } from 'node:os';
import { Readable } from 'node:stream';
import type ssh2 from 'ssh2';
import { ConnectionError, InternalError, RemoteCommandError } from '../core/errors.ts';
import type { Redactor } from '../core/redact.ts';
import { buildAtomicWriteScript, parseAtomicWriteOutput, sha256Hex } from './atomic-write.ts';
import { KILL_GRACE_SECONDS, remoteCommandLine, type RemoteIdentity } from './remote-command.ts';
import { DEFAULT_RETRY, openSession, type RetryPolicy, type SshSession } from './ssh-connect.ts';
import type { SshTarget } from './ssh-target.ts';
import type { ExecOptions, ExecResult, Transport, WriteFileOptions, WriteFileResult } from './transport.ts';

/** What the SSH transport needs besides the target. */
export interface SshTransportDeps {
  redactor: Redactor;
  /** Receives one line per command and per connection event, each starting with the host name. */
  log?: (line: string) => void;
  /** Connection retries; tests make them short. */
  retry?: Partial<RetryPolicy>;
}

/** Exit code reported for a command that ran past its timeout (as timeout(1) does). */
export const TIMEOUT_EXIT_CODE = 124;

/**
 * Connects to a host and returns its Transport. Connection failures before any command are
 * retried with backoff; host key refusals and authentication failures are not. Throws
 * ConnectionError.
 */
export async function connectSsh(target: SshTarget, deps: SshTransportDeps): Promise<Transport> {
  const transport = new SshTransport(target, deps);
  await transport.session();
  return transport;
}

const STDERR_TAIL_LINES = 20;
const STDERR_TAIL_CHARS = 4000;
const STDIN_CHUNK = 64 * 1024;
/** How long past its own timeout a command may take to be reported killed by the host. */
const BACKSTOP_MS = (KILL_GRACE_SECONDS + 10) * 1000;

class SshTransport implements Transport {
  readonly host: string;
  readonly #target: SshTarget;
  readonly #redactor: Redactor;
  readonly #log: ((line: string) => void) | undefined;
  readonly #retry: RetryPolicy;
  readonly #identity: RemoteIdentity;
  #execCount = 0;
  #current: SshSession | undefined;
  #connecting: Promise<SshSession> | undefined;
  #closed = false;

  constructor(target: SshTarget, deps: SshTransportDeps) {
    this.host = target.name;
    this.#target = target;
    this.#redactor = deps.redactor;
    this.#log = deps.log;
    this.#retry = { ...DEFAULT_RETRY, ...deps.retry };
    this.#identity = { user: target.user, become: target.become };
  }

  get execCount(): number {
    return this.#execCount;
  }

  /**
   * The open session, reconnecting if the last one closed between commands (a host that
   * rebooted): no command was in flight, so reconnecting is as safe as the first connect.
   */
  async session(): Promise<SshSession> {
    if (this.#closed) throw new InternalError(`${this.host}: transport used after close()`);
    if (this.#current && !this.#current.closed) return this.#current;
    if (this.#current) this.#log?.(`${this.host}: connection was closed; reconnecting`);
    this.#connecting ??= openSession(this.#target, {
      retry: this.#retry,
      ...(this.#log ? { log: this.#log } : {}),
    }).finally(() => {
      this.#connecting = undefined;
    });
    const opened = await this.#connecting;
    if (this.#wasClosed()) {
      // close() ran while this connect was in flight: do not leave the new session open.
      opened.close();
      throw new InternalError(`${this.host}: transport used after close()`);
    }
    this.#current = opened;
    return opened;
  }

  /** Read through a call: a plain field read after an await is narrowed to its earlier value. */
  #wasClosed(): boolean {
    return this.#closed;
  }

  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? this.#target.commandTimeoutMs;
    const line = remoteCommandLine(command, this.#identity, timeoutMs);
    return this.#execLine(line, command, options.stdin, timeoutMs);
  }

  async run(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const result = await this.exec(command, options);
    if (result.code !== 0) {
      throw new RemoteCommandError(
        this.host,
        this.#redactor.redact(command),
        result.code,
        this.#tail(result.stderr),
      );
    }
    return result;
  }

  async writeFile(
    path: string,
    content: string | Buffer,
    options: WriteFileOptions,
  ): Promise<WriteFileResult> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const script = buildAtomicWriteScript({ path, sha256: sha256Hex(data), ...options });
    // The script is shown as a description: it is long, and says nothing a reader needs.
    const owner =
      options.owner || options.group ? `, owner ${options.owner ?? ''}:${options.group ?? ''}` : '';
    const description = `writeFile ${path} (${data.length} bytes, mode ${options.mode.toString(8).padStart(4, '0')}${owner})`;
    const timeoutMs = this.#target.commandTimeoutMs;
    const line = remoteCommandLine(script, this.#identity, timeoutMs);
    const result = await this.#execLine(line, description, data, timeoutMs);
    const shown = this.#redactor.redact(description);
    if (result.code !== 0)
      throw new RemoteCommandError(this.host, shown, result.code, this.#tail(result.stderr));
    const outcome = parseAtomicWriteOutput(result.stdout);
    if (outcome === undefined) {
      throw new RemoteCommandError(
        this.host,
        shown,
        0,
        `no changed/unchanged report; stdout: ${this.#tail(result.stdout)}`,
      );
    }
    return { changed: outcome === 'changed' };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const current = this.#current;
    this.#current = undefined;
    if (!current || current.closed) return;
    const closed = new Promise<void>((resolve) => {
      current.client.once('close', resolve);
      setTimeout(resolve, 2000).unref();
    });
    current.close();
    await closed;
  }

  /** Runs a full command line; `display` is what logs and errors show, after redaction. */
  async #execLine(
    line: string,
    display: string,
    stdin: string | Buffer | undefined,
    timeoutMs: number,
  ): Promise<ExecResult> {
    const session = await this.session();
    const shown = this.#redactor.redact(display);
    this.#log?.(`${this.host}: $ ${firstLine(shown)}`);
    this.#execCount++;

    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let channel: ssh2.ClientChannel | undefined;
    const started = Date.now();
    const running = session.ssh.execCommand(line, {
      noTrim: true,
      ...(stdin === undefined ? {} : { stdin: toReadable(stdin) }),
      onChannel: (ch) => {
        channel = ch;
        // A write racing a lost connection errors on the channel; the close that follows reports it.
        ch.on('error', () => undefined);
      },
      onStdout: (chunk) => stdout.push(chunk),
      onStderr: (chunk) => stderr.push(chunk),
    });

    running.catch(() => undefined); // settled by the race below; only unhandled if the backstop won

    // The host enforces the timeout (see remote-command.ts); this only catches a host that stopped
    // answering altogether, so that a run never hangs on one command.
    let backstop: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      if (timeoutMs <= 0) return;
      backstop = setTimeout(() => {
        channel?.close();
        reject(this.#timedOut(shown, timeoutMs, stderr, 'the host stopped answering'));
      }, timeoutMs + BACKSTOP_MS);
    });
    let response: Awaited<typeof running>;
    try {
      response = await Promise.race([running, silent]);
    } catch (err) {
      if (err instanceof RemoteCommandError) throw err;
      // The channel could not be opened, so the command never started: safe to retry.
      throw new ConnectionError(
        this.host,
        `cannot start ${firstLine(shown)}: ${(err as Error).message}`,
        true,
        {
          cause: err,
        },
      );
    } finally {
      clearTimeout(backstop);
    }

    const result = {
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
    };
    if (response.code === null && response.signal === null) {
      // No exit status: the connection went away mid-command. It may have run; never retried.
      throw new ConnectionError(this.host, `connection lost while running ${firstLine(shown)}`, false);
    }
    // Killed by a signal: report it as shells do, 128 + the signal number.
    const code = response.code ?? 128 + signalNumber(response.signal);
    if ((code === 124 || code === 137) && Date.now() - started >= timeoutMs && timeoutMs > 0) {
      throw this.#timedOut(shown, timeoutMs, stderr, 'it was stopped on the host');
    }
    if (code === 127 && /\btimeout: (command )?not found/.test(result.stderr)) {
      throw new RemoteCommandError(
        this.host,
        shown,
        code,
        'the host has no timeout(1) (coreutils), which rigger needs',
      );
    }
    return { ...result, code };
  }

  #timedOut(shown: string, timeoutMs: number, stderr: Buffer[], what: string): RemoteCommandError {
    const tail = this.#tail(Buffer.concat(stderr).toString('utf8'));
    const note = `timed out after ${timeoutMs / 1000} s; ${what}`;
    return new RemoteCommandError(this.host, shown, TIMEOUT_EXIT_CODE, tail ? `${tail}\n${note}` : note);
  }

  /** The last lines of a stream, redacted whole first so a secret cut by the tail still matches. */
  #tail(text: string): string {
    const redacted = this.#redactor.redact(text).trimEnd();
    const lines = redacted.split('\n').slice(-STDERR_TAIL_LINES).join('\n');
    return lines.length > STDERR_TAIL_CHARS ? `...${lines.slice(-STDERR_TAIL_CHARS)}` : lines;
  }
}

/** stdin as a stream of chunks, so a large file is sent at the pace the channel window allows. */
function toReadable(data: string | Buffer): Readable {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  function* chunks(): Generator<Buffer> {
    for (let i = 0; i < buffer.length; i += STDIN_CHUNK) yield buffer.subarray(i, i + STDIN_CHUNK);
  }
  return Readable.from(chunks());
}

function signalNumber(name: string | null): number {
  const signals: Partial<Record<string, number>> = constants.signals;
  return signals[name ?? ''] ?? 0;
}

function firstLine(text: string): string {
  const lines = text.split('\n');
  return lines.length > 1 ? `${lines[0] ?? ''} ... (${lines.length} lines)` : text;
}
