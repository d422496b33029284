/**
 * Shared setup for tests that run against the lab: real systemd hosts on this machine, reached
 * over real SSH. Every test file brings the lab to the state it needs; the lab tests run one file
 * at a time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { labDown, labUp } from '../../src/lab/lab.ts';
import { DEFAULT_LAB_HOSTS, type LabState } from '../../src/lab/lab-spec.ts';
import { LAB_INVENTORY, LAB_RKE2_ARTIFACTS, LAB_STATE_DIR } from '../../src/lab/paths.ts';
import { PROJECT_ROOT } from '../../src/core/project-root.ts';
import { $ } from 'zx';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { runCli } from '../../src/cli/testing.ts';

export { LAB_INVENTORY, LAB_STATE_DIR };
export const ROOT = PROJECT_ROOT;
const opts = { stateDir: LAB_STATE_DIR, log: () => undefined };

/** The lab up (as it is, or created). */
export async function ensureLab(): Promise<LabState> {
  return labUp(opts);
}

/** A lab of hosts fresh from the base image: nothing rigger did before is left. */
export async function freshLab(): Promise<LabState> {
  await labDown(opts);
  return ensureLab();
}

/**
 * A copy of inventory/lab.yaml in a temp dir, edited, with the lab's paths made absolute so the
 * copy works from anywhere.
 */
export function labInventory(edit: (doc: Document) => void = () => undefined): string {
  const doc = parseDocument(readFileSync(LAB_INVENTORY, 'utf8'));
  doc.setIn(['cluster', 'token'], doc.createNode({ file: join(LAB_STATE_DIR, 'token') }));
  doc.setIn(['ssh', 'privateKeyPath'], join(LAB_STATE_DIR, 'id_ed25519'));
  doc.setIn(['ssh', 'knownHostsPath'], join(LAB_STATE_DIR, 'known_hosts'));
  doc.setIn(['cluster', 'install', 'artifactsDir'], LAB_RKE2_ARTIFACTS);
  edit(doc);
  const dir = mkdtempSync(join(tmpdir(), 'rigger-lab-inventory-'));
  const file = join(dir, 'lab.yaml');
  writeFileSync(file, doc.toString());
  return file;
}

/** Runs a command on a lab host as root with OpenSSH itself (independent of rigger's transport). */
export async function onHost(address: string, command: string): Promise<string> {
  const out = await $({
    quiet: true,
  })`ssh -i ${join(LAB_STATE_DIR, 'id_ed25519')} -o UserKnownHostsFile=${join(LAB_STATE_DIR, 'known_hosts')} -o StrictHostKeyChecking=yes -o BatchMode=yes root@${address} ${command}`;
  return out.stdout;
}

/** Lab host addresses by inventory name. */
export const ADDRESS: Record<string, string> = Object.fromEntries(
  DEFAULT_LAB_HOSTS.map((h) => [h.name, h.address]),
);

/**
 * The lab cluster's kubeconfig, fetched by `rigger kubeconfig`; undefined when no server of the
 * lab answers (no cluster yet).
 */
export async function labClusterKubeconfig(): Promise<KubeConfig | undefined> {
  const file = join(mkdtempSync(join(tmpdir(), 'rigger-kc-')), 'lab.kubeconfig');
  const r = await runCli(['kubeconfig', LAB_INVENTORY, file], { cwd: ROOT, env: process.env });
  if (r.code !== 0) return undefined;
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}

/**
 * Deletes a lab host's Node after its machine was recreated, when a cluster is up: a reinstalled
 * host joins RKE2 only once its old Node (and node password) is gone, as on real clusters. Waits
 * until it is gone: RKE2's finalizers keep a deleted Node Terminating for a while, and the next
 * test file would otherwise find it (seen in CI: drift reported Node/spare-1 right after
 * add-node's clean-up).
 */
export async function forgetRecreatedNode(name: string, timeoutMs = 120_000): Promise<void> {
  const kc = await labClusterKubeconfig();
  if (!kc) return;
  const api = kc.makeApiClient(CoreV1Api);
  const gone = async (call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      return false;
    } catch (err) {
      if ((err as { code?: number }).code === 404) return true;
      throw err;
    }
  };
  if (await gone(() => api.deleteNode({ name }))) return;
  const deadline = Date.now() + timeoutMs;
  while (!(await gone(() => api.readNode({ name })))) {
    if (Date.now() > deadline)
      throw new Error(`Node ${name} still there ${timeoutMs / 1000} s after its deletion`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
