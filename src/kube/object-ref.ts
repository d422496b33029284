import type { KubernetesObject } from '@kubernetes/client-node';

/** `Kind/namespace/name` (or `Kind/name` for cluster-scoped objects): how objects are named in output. */
export function objectRef(o: KubernetesObject): string {
  const ns = o.metadata?.namespace;
  return ns
    ? `${o.kind ?? '?'}/${ns}/${o.metadata?.name ?? '?'}`
    : `${o.kind ?? '?'}/${o.metadata?.name ?? '?'}`;
}

/** The HTTP status of an error from @kubernetes/client-node, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { code?: unknown; statusCode?: unknown; response?: { statusCode?: unknown } };
  for (const v of [e.code, e.statusCode, e.response?.statusCode]) if (typeof v === 'number') return v;
  return undefined;
}

/** The Status message in an API error's body. */
export function messageOf(err: unknown): string {
  const body = (err as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      return (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      return body;
    }
  }
  if (body && typeof body === 'object' && 'message' in body) return String(body.message);
  return err instanceof Error ? err.message : String(err);
}

/** Just what identifies an object, for reads (the shape `KubernetesObjectApi.read` takes). */
export interface ObjectHeader {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

export function headerOf(o: {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}): ObjectHeader {
  const metadata: ObjectHeader['metadata'] = { name: o.metadata?.name ?? '' };
  if (o.metadata?.namespace) metadata.namespace = o.metadata.namespace;
  return { apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', metadata };
}
