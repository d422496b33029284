import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { outputFlag } from '../reporters/reporter.ts';
import type { NodeFlags } from '../node-lifecycle.ts';
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
    .option('--output <mode>', 'tty, plain or json', outputFlag)
    .option('--force-unlock', "take over the new host's run lock even if another run seems alive")
    .option('-v, --verbose', 'also list tasks that changed nothing')
    .action(async (file: string, host: string, flags: RunFlags) => {
      const { addNode } = await import('../add-node.ts');
      await addNode(file, host, flags, io);
    });

  const removal = (cmd: Command): Command =>
    cmd
      .option('--dry-run', 'print each step with what it would do on this cluster now; change nothing')
      .option(
        '--drain-timeout <seconds>',
        'how long the drain waits for PodDisruptionBudgets and evicted pods',
        '300',
      )
      .option('--force', 'delete the pods that still cannot be evicted at the drain timeout')
      .option('--output <mode>', 'tty, plain or json', outputFlag)
      .option('-v, --verbose', 'also list steps that had nothing to do');

  removal(
    program
      .command('remove-node')
      .description(
        'remove a node the quorum-safe way: etcd snapshot, cordon, drain, stop RKE2, delete the Node, check its etcd member is gone, uninstall RKE2; refused if it would break quorum or leave fewer servers than the inventory needs',
      )
      .argument('<inventory>', 'inventory YAML file')
      .argument('<host>', 'the node to remove'),
  ).action(async (file: string, host: string, flags: NodeFlags) => {
    const { removeOrReplace } = await import('../node-lifecycle.ts');
    await removeOrReplace(file, host, undefined, flags, io);
  });

  removal(
    program
      .command('replace-node')
      .description(
        'replace a node: remove <old> the quorum-safe way (it may be dead), then join <new> (in the inventory with the roles <old> had); run again to resume',
      )
      .argument('<inventory>', 'inventory YAML file')
      .argument('<old>', 'the node to replace')
      .argument('<new>', 'the host taking its place'),
  ).action(async (file: string, old: string, host: string, flags: NodeFlags) => {
    const { removeOrReplace } = await import('../node-lifecycle.ts');
    await removeOrReplace(file, old, host, flags, io);
  });
}
