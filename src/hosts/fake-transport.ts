/**
 * A small in-memory host for unit tests of the engine and tasks (the seam is the Transport
 * interface). It answers probe scripts from a table of facts and records every command; tests
 * teach it what a command changes. Integration tests use real sshd on the lab instead.
 */
import { RemoteCommandError } from '../core/errors.ts';
import type { ExecResult, Transport, WriteFileOptions } from './transport.ts';

const MARK = /printf '\\n%s%s\\n' '@@rigger-probe ' '([^']*)'/g;

export class FakeHost implements Transport {
  readonly commands: string[] = [];
  readonly writes: { path: string; content: string; mode: number }[] = [];
  execCount = 0;
  closed = false;
  /** Set to make every exec fail as if the host died. */
  dead = false;

  constructor(
    readonly host: string,
    /** Probe id -> raw output. */
    readonly facts: Map<string, string>,
    /** Command substring -> effect on the facts, to model what a command changes. */
    readonly effects: [string | RegExp, (facts: Map<string, string>) => void][] = [],
  ) {}

  exec(command: string): Promise<ExecResult> {
    if (this.dead) return Promise.reject(new Error(`${this.host}: connection lost`));
    this.execCount++;
    const ids = [...command.matchAll(MARK)].map((m) => m[1] ?? '');
    if (ids.length > 0) {
      const stdout = ids.map((id) => `\n@@rigger-probe ${id}\n${this.answer(id)}\n`).join('');
      return Promise.resolve({ stdout, stderr: '', code: 0 });
    }
    this.commands.push(command);
    for (const [pattern, effect] of this.effects) {
      if (typeof pattern === 'string' ? command.includes(pattern) : pattern.test(command)) effect(this.facts);
    }
    return Promise.resolve({ stdout: '', stderr: '', code: 0 });
  }

  async run(command: string): Promise<ExecResult> {
    const r = await this.exec(command);
    if (r.code !== 0) throw new RemoteCommandError(this.host, command, r.code, r.stderr);
    return r;
  }

  writeFile(
    path: string,
    content: string | Buffer,
    options: WriteFileOptions,
  ): Promise<{ changed: boolean }> {
    if (this.dead) return Promise.reject(new Error(`${this.host}: connection lost`));
    this.execCount++;
    const text = content.toString();
    this.writes.push({ path, content: text, mode: options.mode });
    // Keep any files probe that lists this path consistent with the write.
    for (const [id, raw] of this.facts) {
      if (!id.startsWith('files:')) continue;
      this.facts.set(id, replaceFileEntry(raw, path, options.mode, text));
    }
    return Promise.resolve({ changed: true });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private answer(id: string): string {
    if (id === 'lock') return this.facts.get('lock') ?? 'acquired';
    const v = this.facts.get(id);
    if (v === undefined) throw new Error(`FakeHost ${this.host}: no fact for probe "${id}"`);
    return v;
  }
}

/** The raw form of a files probe for the given files (undefined content: missing). */
export function filesFact(files: Record<string, string | undefined>, mode = 0o644): string {
  return Object.entries(files)
    .map(([path, content]) =>
      content === undefined
        ? `${path} missing\n`
        : `${path} ${mode.toString(8)} root root\n${Buffer.from(content).toString('base64')}`,
    )
    .join('\n');
}

function replaceFileEntry(raw: string, path: string, mode: number, content: string): string {
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i += 2) {
    if (lines[i]?.split(' ')[0] === path) {
      lines[i] = `${path} ${mode.toString(8)} root root`;
      lines[i + 1] = Buffer.from(content).toString('base64');
    }
  }
  return lines.join('\n');
}

/** The host facts of a plain Ubuntu 24.04 machine: what every fake host answers to HOST_PROBES. */
export function ubuntuFacts(): [string, string][] {
  return [
    ['os-release', 'ID=ubuntu\nVERSION_ID="24.04"'],
    ['kernel', '6.8.0'],
    ['container', 'none'],
    ['package-manager', 'dpkg'],
  ];
}
