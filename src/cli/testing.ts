/** Runs the CLI in-process with captured output, as tests and benchmarks need it. */
import { PassThrough } from 'node:stream';
import { createCli } from './create-cli.ts';
import type { CliIo } from './io.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** CLI streams whose output is collected, for code that takes a CliIo directly. */
export function captureIo(opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    io: { stdout, stderr, env: opts.env ?? {}, cwd: opts.cwd ?? process.cwd() },
    stdout: () => out,
    stderr: () => err,
  };
}

export async function runCli(
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  const c = captureIo(opts);
  const code = await createCli(c.io).run(argv);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}
