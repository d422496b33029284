import type { Command } from 'commander';
import type { LabState } from '../../lab/lab-spec.ts';
import { writeLine, type CliIo } from '../io.ts';
import { LAB_INVENTORY, LAB_STATE_DIR } from '../../lab/paths.ts';

/** The lab module (zx and friends) loads only when a lab command runs. */
const labModule = () => import('../../lab/lab.ts');

function printState(io: CliIo, state: LabState | undefined): void {
  if (!state) {
    writeLine(io.stdout, 'no lab');
    return;
  }
  writeLine(
    io.stdout,
    `bridge ${state.bridge} ${state.bridgeAddress} (${state.subnet}), package proxy ${state.proxyUrl} (pid ${state.proxyPid || 'stopped'})`,
  );
  for (const h of state.hosts) {
    const status = h.running ? (h.sshReady ? 'running, ssh ready' : 'running, ssh not answering') : 'stopped';
    writeLine(
      io.stdout,
      `${h.name.padEnd(10)} ${h.address.padEnd(15)} ${status}${h.pid ? ` (pid ${h.pid})` : ''}`,
    );
  }
}

/** `rigger lab up|down|status`: the built-in lab of real systemd hosts on this machine. */
export function registerLab(program: Command, io: CliIo): void {
  const lab = program
    .command('lab')
    .description('the built-in local lab: real systemd hosts in systemd-nspawn machines');
  const log = (line: string): void => writeLine(io.stderr, line);

  lab
    .command('up')
    .description(
      'create the lab hosts (twice changes nothing); with --provision, provision inventory/lab.yaml on them',
    )
    .option('--provision', 'then run `rigger provision inventory/lab.yaml`')
    .option('--output <mode>', 'output of the provision run: tty, plain or json')
    .action(async (flags: { provision?: boolean; output?: string }) => {
      const { labUp } = await labModule();
      const state = await labUp({ stateDir: LAB_STATE_DIR, log });
      printState(io, state);
      if (flags.provision) {
        const { runPlaybookCommand } = await import('../run-playbook-command.ts');
        await runPlaybookCommand(
          LAB_INVENTORY,
          { ...(flags.output ? { output: flags.output } : {}) },
          io,
          'provision',
        );
      }
    });

  lab
    .command('down')
    .description(
      'stop and remove every lab host, the bridge and the package proxy (the cached base image stays)',
    )
    .action(async () => {
      const { labDown } = await labModule();
      await labDown({ stateDir: LAB_STATE_DIR, log });
      writeLine(io.stdout, 'lab removed');
    });

  lab
    .command('status')
    .description('list the lab hosts and whether they answer')
    .action(async () => {
      const { labStatus } = await labModule();
      printState(io, await labStatus({ stateDir: LAB_STATE_DIR, log }));
    });
}
