import type { Command } from 'commander';
import type { CliIo } from '../io.ts';

/** `rigger ignition <inventory> <host>`: the first-boot config of a Flatcar host. */
export function registerIgnition(program: Command, io: CliIo): void {
  program
    .command('ignition')
    .description(
      'print the Ignition config (spec 3.3) a Flatcar host boots with: hostname, SSH key, static network, modules, sysctls',
    )
    .argument('<inventory>', 'inventory YAML file')
    .argument('<host>', 'a Flatcar host of the inventory')
    .option('--ssh-public-key <file>', 'public key to authorize (default: ssh.privateKeyPath + ".pub")')
    .action(async (file: string, hostName: string, flags: { sshPublicKey?: string }) => {
      const { renderIgnition } = await import('../render-ignition.ts');
      io.stdout.write(`${await renderIgnition(file, hostName, flags.sshPublicKey, io)}\n`);
    });
}
