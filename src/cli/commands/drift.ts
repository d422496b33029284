import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import type { DriftFlags } from '../run-drift.ts';

/** `rigger drift <inventory>`: have hosts moved away from the inventory? */
export function registerDrift(program: Command, io: CliIo): void {
  program
    .command('drift')
    .description(
      'check, without changing anything, whether hosts and cluster still match the inventory (exit 0 none, 1 drift, 2 error)',
    )
    .argument('<inventory>', 'inventory YAML file')
    .option('--only <side>', 'hosts or cluster (default: both)')
    .option(
      '--kubeconfig <file>',
      "reach the cluster's API through this kubeconfig instead of a server over SSH",
    )
    .option('--limit <hosts>', 'only these hosts (comma-separated names)')
    .option('--json', 'print the drift as JSON')
    .option('--junit <file>', 'also write a JUnit XML report for CI systems')
    .action(async (file: string, flags: DriftFlags) => {
      const { runDrift } = await import('../run-drift.ts');
      await runDrift(file, flags, io);
    });
}
