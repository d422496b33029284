import type { Command } from 'commander';
import { fileFlag } from '../../inventory/input-file.ts';
import type { CliIo } from '../io.ts';
import { outputFlag } from '../reporters/reporter.ts';
import type { RunFlags } from '../run-playbook-command.ts';

// Commands register eagerly but load their implementation when they run: `rigger --help` and a
// no-op run start fast.
function addRunOptions(cmd: Command, io: CliIo): Command {
  return cmd
    .option('--limit <hosts>', 'only these hosts (comma-separated names)')
    .option('--only <phases>', 'only these phases (comma-separated)')
    .option('--skip <phases>', 'leave out these phases (comma-separated)')
    .option(
      '--output <mode>',
      'tty (live, default on a terminal), plain (default otherwise) or json (NDJSON events)',
      outputFlag,
    )
    .option('--parallel <n>', 'hosts worked on at once (default: ssh.parallel of the inventory)')
    .option(
      '--playbook <file>',
      'a playbook other than playbooks/provision.yaml',
      fileFlag('--playbook', 'playbook', io.cwd),
    )
    .option(
      '--kubeconfig <file>',
      "reach the cluster's API through this kubeconfig (cluster phases; no SSH needed for --only addons)",
    )
    .option('-v, --verbose', 'also list tasks that changed nothing');
}

export function registerProvision(program: Command, io: CliIo): void {
  addRunOptions(
    program
      .command('provision')
      .description('bring every host to the state the inventory describes; a second run changes nothing')
      .argument('<inventory>', 'inventory YAML file')
      .option('--dry-run', 'print the exact plan per host and task; change nothing')
      .option('--force-unlock', 'take over the run lock even if another run seems alive')
      .option('--prune', 'delete what rigger installed on the cluster and the inventory no longer declares'),
    io,
  ).action(async (file: string, flags: RunFlags) => {
    const { runPlaybookCommand } = await import('../run-playbook-command.ts');
    await runPlaybookCommand(file, flags, io, flags.dryRun ? 'plan' : 'provision');
  });

  addRunOptions(
    program
      .command('plan')
      .description('print the exact change per host and task (file diffs, sysctls, packages); change nothing')
      .argument('<inventory>', 'inventory YAML file'),
    io,
  ).action(async (file: string, flags: RunFlags) => {
    const { runPlaybookCommand } = await import('../run-playbook-command.ts');
    await runPlaybookCommand(file, { ...flags, dryRun: true }, io, 'plan');
  });
}
