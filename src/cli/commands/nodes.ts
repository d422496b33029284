import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import type { RunFlags } from '../run-playbook-command.ts';

/** Node lifecycle commands. */
export function registerNodes(program: Command, io: CliIo): void {
  program
    .command('add-node')
    .description(
      'prepare a host already in the inventory and join it with its roles; nothing changes on other hosts, and a server joins only when every etcd member is healthy',
    )
    .argument('<inventory>', 'inventory YAML file')
    .argument('<host>', 'the new host, as named in the inventory')
    .option('--dry-run', 'print the exact plan for the new host; change nothing')
    .option('--output <mode>', 'tty, plain or json')
    .option('--force-unlock', "take over the new host's run lock even if another run seems alive")
    .option('-v, --verbose', 'also list tasks that changed nothing')
    .action(async (file: string, host: string, flags: RunFlags) => {
      const { addNode } = await import('../add-node.ts');
      await addNode(file, host, flags, io);
    });
}
