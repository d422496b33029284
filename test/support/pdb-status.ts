import { request } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * Playing the disruption controller (absent from the test API servers): sets a
 * PodDisruptionBudget's status through its status subresource, which the client library has no
 * typed call for on policy/v1beta1.
 */
export async function setPdbStatus(
  kc: KubeConfig,
  namespace: string,
  name: string,
  status: Record<string, number>,
): Promise<void> {
  const server = kc.getCurrentCluster()?.server ?? '';
  const url = new URL(
    `/apis/policy/v1beta1/namespaces/${namespace}/poddisruptionbudgets/${name}/status`,
    server,
  );
  const opts = { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' } };
  await kc.applyToHTTPSOptions(opts);
  await new Promise<void>((resolve, reject) => {
    const req = request(url, opts, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`PDB status: HTTP ${res.statusCode}: ${body}`)),
      );
    });
    req.on('error', reject);
    req.end(JSON.stringify({ status }));
  });
}
