import { InvalidArgumentError, type Command } from 'commander';
import { relative } from 'node:path';
import type { LabState } from '../../lab/lab-spec.ts';
import { writeLine, type CliIo } from '../io.ts';
import { outputFlag } from '../reporters/reporter.ts';
import { LAB_INVENTORY, LAB_KUBECONFIG, LAB_STATE_DIR } from '../../lab/paths.ts';

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
  writeLine(
    io.stdout,
    `registration address ${state.registrationAddress}:${state.registrationPorts.join(',')} -> every lab host (pid ${state.registrationProxyPid || 'stopped'})`,
  );
  for (const h of state.hosts) {
    const status = h.running ? (h.sshReady ? 'running, ssh ready' : 'running, ssh not answering') : 'stopped';
    writeLine(
      io.stdout,
      `${h.name.padEnd(10)} ${h.address.padEnd(15)} ${h.variant.padEnd(8)} ${status}${h.pid ? ` (pid ${h.pid})` : ''}`,
    );
  }
}

function list(value: string): string[] {
  return value.split(',').filter((v) => v !== '');
}

function ports(value: string): number[] {
  return list(value).map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(`not a port: ${p}`);
    return n;
  });
}

/**
 * `rigger lab up|down|status`: the built-in lab of real systemd hosts on this machine; and the
 * hidden `lab proxy-serve`, the lab's registration-address load balancer that `lab up` runs.
 */
export function registerLab(program: Command, io: CliIo): void {
  const lab = program
    .command('lab')
    .description('the built-in local lab: real systemd hosts in systemd-nspawn machines');
  const log = (line: string): void => writeLine(io.stderr, line);

  lab
    .command('up')
    .description(
      'create the lab hosts, the registration-address load balancer and the RKE2 stand-in artifacts (twice changes nothing); with --provision, provision inventory/lab.yaml on them',
    )
    .option('--provision', 'then run `rigger provision inventory/lab.yaml`')
    .option('--output <mode>', 'output of the provision run: tty, plain or json', outputFlag)
    .action(async (flags: { provision?: boolean; output?: string }) => {
      const { labUp } = await labModule();
      // RIGGER_LAB_RKE2_BUILD_SCRIPT: another build script for the stand-in's artifacts.
      const script = io.env.RIGGER_LAB_RKE2_BUILD_SCRIPT;
      const state = await labUp({
        stateDir: LAB_STATE_DIR,
        log,
        ...(script !== undefined && script !== '' ? { rke2BuildScript: script } : {}),
      });
      printState(io, state);
      if (flags.provision) await provisionLab(io, flags.output);
    });

  lab
    .command('down')
    .description(
      'stop and remove every lab host, the bridge, the package proxy and the load balancer (the cached base image and the RKE2 artifacts stay)',
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

  registerLabDaemons(lab, io);
}

/** The lab's daemons, which `lab up` runs detached with their output in the lab's logs: not for people. */
function registerLabDaemons(lab: Command, io: CliIo): void {
  // The registration-address load balancer.
  lab
    .command('proxy-serve', { hidden: true })
    .description('run the registration-address load balancer in the foreground (lab up starts it)')
    .requiredOption('--listen <address>', 'address to listen on')
    .requiredOption('--ports <ports>', 'comma-separated ports, forwarded to the same port', ports)
    .requiredOption('--backends <addresses>', 'comma-separated backend addresses', list)
    .action(async (flags: { listen: string; ports: number[]; backends: string[] }) => {
      const { serveRegistrationProxy } = await import('../../lab/registration-proxy.ts');
      await serveRegistrationProxy({
        listenAddress: flags.listen,
        ports: flags.ports,
        backends: flags.backends,
        log: (line) => writeLine(io.stdout, `${new Date().toISOString()} ${line}`),
      });
    });

  // The lab's chart mirror.
  lab
    .command('chart-mirror-serve', { hidden: true })
    .description('serve a Helm chart repository folder over HTTP in the foreground (lab up starts it)')
    .requiredOption('--listen <address:port>', 'address and port to listen on')
    .requiredOption('--root <dir>', 'the chart repository folder (index.yaml and charts)')
    .action(async (flags: { listen: string; root: string }) => {
      const { serveChartMirror } = await import('../../lab/chart-mirror.ts');
      const at = flags.listen.lastIndexOf(':');
      await serveChartMirror({
        listenAddress: flags.listen.slice(0, at),
        port: Number(flags.listen.slice(at + 1)),
        root: flags.root,
        log: (line) => writeLine(io.stdout, `${new Date().toISOString()} ${line}`),
      });
    });
}

/** `lab up --provision`: the lab inventory provisioned, then its nodes as the operator would see them. */
async function provisionLab(io: CliIo, output: string | undefined): Promise<void> {
  const { runPlaybookCommand } = await import('../run-playbook-command.ts');
  await runPlaybookCommand(LAB_INVENTORY, { ...(output ? { output } : {}) }, io, 'provision');
  // The cluster, as the operator would look at it.
  const { fetchKubeconfig } = await import('../fetch-kubeconfig.ts');
  const { printNodes } = await import('../print-nodes.ts');
  const kubeconfig = await fetchKubeconfig(LAB_INVENTORY, LAB_KUBECONFIG, io);
  if (kubeconfig) {
    await printNodes(kubeconfig, io);
    writeLine(io.stdout, `kubectl --kubeconfig ${relative(io.cwd, kubeconfig)} get nodes`);
  }
}
