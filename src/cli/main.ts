import { createCli } from './create-cli.ts';

/**
 * A reader that goes away (`rigger plan inv.yaml | head`) must not crash a run that may hold
 * locks on hosts: further output is dropped and the run finishes.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

/** Entry point of the `rigger` binary. */
export async function main(argv: readonly string[]): Promise<void> {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  const cli = createCli({
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = await cli.run(argv);
}
