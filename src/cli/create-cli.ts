import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerDrift } from './commands/drift.ts';
import { registerIgnition } from './commands/ignition.ts';
import { registerKubeconfig } from './commands/kubeconfig.ts';
import { registerLab } from './commands/lab.ts';
import { registerManifests } from './commands/manifests.ts';
import { registerNodes } from './commands/nodes.ts';
import { registerProvision } from './commands/provision.ts';
import { registerValidate } from './commands/validate.ts';
import { handleError } from './handle-error.ts';
import type { CliIo } from './io.ts';
import { projectPath } from '../core/project-root.ts';
import { Redactor } from '../core/redact.ts';

const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
  version: string;
};

/** The rigger CLI over injected streams; `run` resolves to the exit code and never throws. */
export function createCli(given: CliIo): { run: (argv: readonly string[]) => Promise<number> } {
  const io: CliIo = { ...given, redactor: given.redactor ?? new Redactor() };
  const program = new Command('rigger')
    .description('Turns bare-metal hosts into a production RKE2 Kubernetes platform, and keeps it that way.')
    .version(pkg.version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  registerValidate(program, io);
  registerProvision(program, io);
  registerDrift(program, io);
  registerIgnition(program, io);
  registerKubeconfig(program, io);
  registerNodes(program, io);
  registerLab(program, io);
  registerManifests(program, io);
  // Every subcommand reports usage errors through the same exit path as the program.
  const override = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(override);
  };
  program.commands.forEach(override);

  return {
    run: async (argv) => {
      try {
        await program.parseAsync([...argv], { from: 'user' });
        return 0;
      } catch (err) {
        return handleError(err, io);
      }
    },
  };
}
