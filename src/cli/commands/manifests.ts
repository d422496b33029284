import type { KubernetesObject } from '@kubernetes/client-node';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { RenderedAddon } from '../../addons/platform.ts';
import type { Secrets } from '../../inventory/secrets.ts';
import type { CliIo } from '../io.ts';

/** What a Secret's values print as without --show-secrets. */
export const SECRET_PLACEHOLDER = '<redacted: rigger manifests --show-secrets prints it>';

/**
 * Every secret the inventory references, as a stand-in value: the objects render without the
 * operator's secrets (a reviewer need not hold them), and every Secret prints as a placeholder.
 * `A:B` so that S3 credentials parse.
 */
function placeholderSecrets(paths: readonly string[]): Secrets {
  return new Map(paths.map((p) => [p, `placeholder:${p}`]));
}

/** A Secret with its values replaced by the placeholder (as stringData, so the stream stays valid). */
function redacted(o: KubernetesObject): KubernetesObject {
  if (o.kind !== 'Secret') return o;
  const { data, stringData, ...rest } = o as KubernetesObject & {
    data?: Record<string, string>;
    stringData?: Record<string, string>;
  };
  const keys = [...Object.keys(data ?? {}), ...Object.keys(stringData ?? {})];
  return {
    ...rest,
    stringData: Object.fromEntries(keys.map((k) => [k, SECRET_PLACEHOLDER])),
  } as KubernetesObject;
}

/**
 * The YAML stream: one document per object, each add-on introduced by a comment. An object
 * several add-ons apply alike (the shared `monitoring` Namespace) prints once, where it is first
 * applied: GitOps tools refuse a stream that holds one object twice.
 */
export function manifestStream(addons: readonly RenderedAddon[], showSecrets: boolean): string {
  const seen = new Set<string>();
  const docs: string[] = [];
  for (const a of addons) {
    let first = true;
    for (const o of a.objects) {
      const body = stringify(showSecrets ? o : redacted(o), { lineWidth: 0 });
      const key = `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}\n${body}`;
      if (seen.has(key)) continue;
      seen.add(key);
      docs.push(`${first ? `# add-on: ${a.id}\n` : ''}${body}`);
      first = false;
    }
  }
  return docs.map((d) => `---\n${d}`).join('');
}

/**
 * `rigger manifests <inventory>`: every object rigger applies to the cluster, in apply order (the
 * add-ons in playbook order, each one's objects as its task applies them), as one YAML stream:
 * what a GitOps repository holds, what a reviewer diffs. No host, no cluster.
 */
export function registerManifests(program: Command, io: CliIo): void {
  program
    .command('manifests')
    .description('print every object rigger would apply to the cluster, in apply order, as one YAML stream')
    .argument('<inventory>', 'inventory YAML file')
    .option('--show-secrets', "print Secrets' values (resolved from the inventory's secret references)")
    .action(async (file: string, opts: { showSecrets?: boolean }) => {
      const { loadInventory } = await import('../../inventory/load.ts');
      const { resolveSecrets } = await import('../../inventory/secrets.ts');
      const { secretRefs } = await import('../../inventory/paths.ts');
      const { formatPath } = await import('../../inventory/field-path.ts');
      const { Redactor } = await import('../../core/redact.ts');
      const { renderPlatform } = await import('../../addons/platform.ts');
      const loaded = await loadInventory(file, { env: io.env, cwd: io.cwd });
      const secrets = opts.showSecrets
        ? resolveSecrets(loaded, io.env, io.redactor ?? new Redactor())
        : placeholderSecrets(secretRefs(loaded.inventory).map((r) => formatPath(r.path)));
      const addons = renderPlatform({ inventory: loaded.inventory, secrets });
      // Printed on purpose: the operator asked for the values, so they are not redacted here.
      io.stdout.write(manifestStream(addons, opts.showSecrets === true));
    });
}
