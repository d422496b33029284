/** Runs the CLI in-process with captured output, as tests and benchmarks need it. */
import { PassThrough } from 'node:stream';
import { createCli } from './create-cli.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const cli = createCli({ stdout, stderr, env: opts.env ?? {}, cwd: opts.cwd ?? process.cwd() });
  const code = await cli.run(argv);
  return { code, stdout: out, stderr: err };
}
