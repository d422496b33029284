import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeHost, filesFact } from '../../hosts/fake-transport.ts';
import { Facts } from '../../hosts/probe.ts';
import { Redactor } from '../../core/redact.ts';
import { resolveSecrets } from '../../inventory/secrets.ts';
import { editProd, loadText, PROD_ENV } from '../../inventory/testing.ts';
import type { Inventory } from '../../inventory/types.generated.ts';
import { rke2Config } from './rke2-configure.ts';
import { CONFIG_PROBE, SERVICE_PROBE } from './rke2-facts.ts';
import {
  registryPasswordPath,
  renderRegistries,
  RKE2_REGISTRIES,
  rke2Registries,
} from './rke2-registries.ts';
import { TOKEN_PROBE } from './rke2-token.ts';
import type { TaskContext } from '../task.ts';
import { contextFor } from '../testing.ts';

const PASSWORD = 'registry-pa55word-xyz';
const REGISTRY = 'registry.example.internal:5000';
const ENV = { ...PROD_ENV, RIGGER_REGISTRY_PASSWORD: PASSWORD };

const withRegistry = editProd((d) =>
  d.setIn(['cluster', 'registry'], {
    systemDefault: REGISTRY,
    mirrors: {
      'docker.io': { endpoints: [`https://${REGISTRY}`], rewrite: { '^rancher/(.*)': 'mirror/rancher/$1' } },
      '*': { endpoints: [`https://${REGISTRY}`] },
    },
    configs: { [REGISTRY]: { auth: { username: 'rigger', password: { env: 'RIGGER_REGISTRY_PASSWORD' } } } },
  }),
);

/** The inventory and its secrets as `provision` resolves them (registered for redaction). */
function loaded(text: string) {
  const l = loadText(text, ENV);
  const redactor = new Redactor();
  return { inventory: l.inventory, secrets: resolveSecrets(l, ENV, redactor), redactor };
}

/** A context on cp-1 whose config.yaml is already what rigger renders for `inventory`. */
async function node(
  inventory: Inventory,
  secrets: TaskContext['secrets'],
  service: string,
  registries?: string,
) {
  const base: Record<string, string> = {
    [SERVICE_PROBE]: service,
    [CONFIG_PROBE]: filesFact({ '/etc/rancher/rke2/config.yaml': undefined }),
    [TOKEN_PROBE]: '',
    'files:rke2-registries': filesFact({ [RKE2_REGISTRIES]: registries }, 0o600),
    'rke2:registries-mtime': registries === undefined ? '' : '150',
  };
  const ctxOf = (facts: Record<string, string>): TaskContext => ({
    ...contextFor('cp-1', facts, undefined, {
      secrets,
      fleet: {
        facts: new Map([['cp-1', new Facts('cp-1', new Map(Object.entries(facts)))]]),
        registrationAnswers: false,
      },
    }),
    inventory,
  });
  const fake = new FakeHost('cp-1', new Map([[CONFIG_PROBE, base[CONFIG_PROBE] ?? '']]));
  for (const c of rke2Config.plan(ctxOf(base))) await c.apply(fake);
  return ctxOf({ ...base, [CONFIG_PROBE]: fake.facts.get(CONFIG_PROBE) ?? '' });
}

const RUNNING = 'enabled=enabled\nactive=active\nsince=200\nconfig-mtime=100\netcd-data=yes';

describe('registries.yaml', () => {
  it("renders RKE2's mirrors and configs, the password from its secret reference", () => {
    const { inventory, secrets } = loaded(withRegistry);
    expect(secrets.get(registryPasswordPath(REGISTRY))).toBe(PASSWORD);
    expect(parse(renderRegistries(inventory, secrets) ?? '')).toEqual({
      mirrors: {
        'docker.io': { endpoint: [`https://${REGISTRY}`], rewrite: { '^rancher/(.*)': 'mirror/rancher/$1' } },
        '*': { endpoint: [`https://${REGISTRY}`] },
      },
      configs: { [REGISTRY]: { auth: { username: 'rigger', password: PASSWORD } } },
    });
  });

  it('refuses a literal password in the inventory', () => {
    const text = editProd((d) =>
      d.setIn(['cluster', 'registry'], {
        configs: { [REGISTRY]: { auth: { username: 'u', password: 'hunter2' } } },
      }),
    );
    expect(() => loadText(text, ENV)).toThrow(/literal secret is refused/);
  });

  it('writes the file mode 0600 on a running node, never showing the password, and restarts RKE2 to read it', async () => {
    const { inventory, secrets, redactor } = loaded(withRegistry);
    const ctx = await node(inventory, secrets, RUNNING);
    const changes = rke2Registries.plan(ctx);
    expect(changes.map((c) => c.summary)).toEqual([
      `create ${RKE2_REGISTRIES} (mode 0600)`,
      'restart rke2-server (registries.yaml changes: containerd reads it at start) and wait until the node is ready',
    ]);
    const shown = changes.map((c) => `${c.summary}\n${c.diff ?? ''}`).join('\n');
    expect(shown).not.toContain(PASSWORD);
    expect(changes[0]?.diff).toBe('(content not shown: the file holds secrets)');
    // The redactor knows the password: no log line, journal entry or error can carry it.
    expect(redactor.redact(`pull with ${PASSWORD}`)).toBe('pull with ***');
    const fake = new FakeHost(
      'cp-1',
      new Map([['files:rke2-registries', filesFact({ [RKE2_REGISTRIES]: undefined })]]),
    );
    await changes[0]?.apply(fake);
    expect(fake.writes).toEqual([expect.objectContaining({ path: RKE2_REGISTRIES, mode: 0o600 })]);
  });

  it('leaves the restart to the service task when RKE2 is not running yet', async () => {
    const { inventory, secrets } = loaded(withRegistry);
    const ctx = await node(inventory, secrets, 'enabled=disabled\nactive=inactive\nsince=\nconfig-mtime=100');
    expect(rke2Registries.plan(ctx).map((c) => c.summary)).toEqual([`create ${RKE2_REGISTRIES} (mode 0600)`]);
  });

  it('restarts RKE2 when the file was written after it started (a run stopped before its restart)', async () => {
    const { inventory, secrets } = loaded(withRegistry);
    const content = renderRegistries(inventory, secrets);
    const later = await node(inventory, secrets, RUNNING.replace('since=200', 'since=100'), content);
    expect(rke2Registries.plan(later).map((c) => c.summary)).toEqual([
      'restart rke2-server (registries.yaml changed since it started: containerd reads it at start) and wait until the node is ready',
    ]);
    const converged = await node(inventory, secrets, RUNNING, content);
    expect(rke2Registries.plan(converged)).toEqual([]);
  });

  it('removes only its own file once cluster.registry is gone', async () => {
    const { inventory, secrets } = loaded(withRegistry);
    const ours = renderRegistries(inventory, secrets);
    const plain = loaded(editProd(() => undefined));
    const mine = await node(plain.inventory, plain.secrets, RUNNING, ours);
    expect(rke2Registries.plan(mine).map((c) => c.summary)).toEqual([
      `remove ${RKE2_REGISTRIES} (cluster.registry is gone)`,
      'restart rke2-server (registries.yaml is removed: containerd reads it at start) and wait until the node is ready',
    ]);
    const sites = await node(plain.inventory, plain.secrets, RUNNING, 'mirrors: {}\n');
    expect(rke2Registries.plan(sites)).toEqual([]);
  });
});
