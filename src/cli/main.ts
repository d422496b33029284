import { createCli } from './create-cli.ts';

/** Entry point of the `rigger` binary. */
export async function main(argv: readonly string[]): Promise<void> {
  const cli = createCli({
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = await cli.run(argv);
}
