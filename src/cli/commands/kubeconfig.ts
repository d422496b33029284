import type { Command } from 'commander';
import type { CliIo } from '../io.ts';

/** `rigger kubeconfig <inventory> [file]`: the cluster's admin kubeconfig, via the registration address. */
export function registerKubeconfig(program: Command, io: CliIo): void {
  program
    .command('kubeconfig')
    .description(
      "fetch the admin kubeconfig from a healthy server, pointed at the registration address; written with mode 0600 (default <cluster>.kubeconfig), or printed with '-'",
    )
    .argument('<inventory>', 'inventory YAML file')
    .argument('[file]', "where to write it, or '-' for standard output")
    .action(async (file: string, output: string | undefined) => {
      const { fetchKubeconfig } = await import('../fetch-kubeconfig.ts');
      await fetchKubeconfig(file, output, io);
    });
}
