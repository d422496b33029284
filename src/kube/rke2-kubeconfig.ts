/**
 * RKE2 writes `/etc/rancher/rke2/rke2.yaml` on every server, pointing at `https://127.0.0.1:6443`
 * with everything named `default`. rigger points it at an address that reaches the API from
 * elsewhere (the registration address, or one server's own address) and names it after the cluster.
 */
import { parse, stringify } from 'yaml';
import { RunError } from '../core/errors.ts';

interface Named<T> {
  name: string;
  [key: string]: unknown;
  value?: T;
}

interface KubeconfigDoc {
  clusters?: (Named<never> & { cluster?: { server?: string } })[];
  users?: Named<never>[];
  contexts?: (Named<never> & { context?: { cluster?: string; user?: string } })[];
  'current-context'?: string;
  [key: string]: unknown;
}

/** `https://<address>:6443`, with brackets for IPv6. */
export function apiUrl(address: string, port = 6443): string {
  return `https://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * The kubeconfig with every cluster's server set to `server`; when `name` is given, the cluster,
 * user and context are renamed to it (so it merges beside other clusters' kubeconfigs).
 */
export function pointKubeconfig(text: string, server: string, name?: string): string {
  let doc: KubeconfigDoc | null;
  try {
    doc = parse(text) as KubeconfigDoc | null;
  } catch (e) {
    throw new RunError(`rke2.yaml is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!doc || !Array.isArray(doc.clusters) || doc.clusters.length === 0) {
    throw new RunError('rke2.yaml has no clusters: is RKE2 fully started on that server?');
  }
  for (const c of doc.clusters) c.cluster = { ...c.cluster, server };
  if (name) {
    const rename = (list: Named<never>[] | undefined): void => {
      for (const item of list ?? []) item.name = name;
    };
    rename(doc.clusters);
    rename(doc.users);
    rename(doc.contexts);
    for (const c of doc.contexts ?? []) c.context = { ...c.context, cluster: name, user: name };
    doc['current-context'] = name;
  }
  return stringify(doc, { lineWidth: 0 });
}
