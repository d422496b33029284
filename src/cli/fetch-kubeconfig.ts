/** What `rigger kubeconfig` does; loaded only when it runs. */
import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { RunError } from '../core/errors.ts';
import { Redactor } from '../core/redact.ts';
import { connectSsh } from '../hosts/ssh-transport.ts';
import { sshTargetFor } from '../hosts/ssh-target.ts';
import type { Transport } from '../hosts/transport.ts';
import { loadInventory } from '../inventory/load.ts';
import { healthyServerKubeconfig } from '../kube/cluster-link.ts';
import { apiUrl, pointKubeconfig } from '../kube/rke2-kubeconfig.ts';
import { rke2Role } from '../tasks/rke2/rke2-layout.ts';
import { writeLine, type CliIo } from './io.ts';

/**
 * Reads `/etc/rancher/rke2/rke2.yaml` from the first server whose API answers, points it at the
 * registration address and names it after the cluster. Written with mode 0600 from the first
 * byte (it holds the admin's client key), or printed when the output is `-`. Returns the path written.
 */
export async function fetchKubeconfig(
  file: string,
  output: string | undefined,
  io: CliIo,
): Promise<string | undefined> {
  const { inventory } = await loadInventory(file, { env: io.env, cwd: io.cwd });
  const redactor = new Redactor();
  const seen: string[] = [];
  // One healthy server is enough: servers are tried one at a time, in inventory order.
  for (const host of inventory.hosts.filter((h) => rke2Role(h) === 'server')) {
    let transport: Transport | undefined;
    try {
      transport = await connectSsh(sshTargetFor(inventory, host), { redactor });
      const { text } = await healthyServerKubeconfig([
        { name: host.name, address: host.address, transport: () => Promise.resolve(transport as Transport) },
      ]);
      const api = apiUrl(inventory.cluster.registrationAddress);
      const kubeconfig = pointKubeconfig(text, api, inventory.cluster.name);
      if (output === '-') {
        io.stdout.write(kubeconfig);
        return undefined;
      }
      const target = resolve(io.cwd, output ?? `${inventory.cluster.name}.kubeconfig`);
      await writePrivate(target, kubeconfig);
      writeLine(io.stderr, `wrote ${target} (mode 0600) from ${host.name}; API at ${api}`);
      return target;
    } catch (e) {
      seen.push(redactor.redact(e instanceof Error ? e.message : String(e)));
    } finally {
      await transport?.close().catch(() => undefined);
    }
  }
  throw new RunError(
    `no healthy RKE2 server to read rke2.yaml from: ${seen.join('; ') || 'the inventory has no servers'}`,
  );
}

/** Temp file created 0600 beside the target, then renamed over it. */
async function writePrivate(target: string, content: string): Promise<void> {
  const tmp = join(dirname(target), `.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
