import type { KubernetesObject } from '@kubernetes/client-node';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderPlatform } from '../../addons/platform.ts';
import { Redactor } from '../../core/redact.ts';
import { resolveSecrets } from '../../inventory/secrets.ts';
import { loadText, PROD_ENV, prodText } from '../../inventory/testing.ts';
import { runCli } from '../testing.ts';
import { SECRET_PLACEHOLDER } from './manifests.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const refOf = (o: KubernetesObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
const objects = (text: string) =>
  parseAllDocuments(text).map((d) => d.toJS() as KubernetesObject & { stringData?: Record<string, string> });

describe('rigger manifests', () => {
  it('prints every object of the prod inventory once, in apply order, with no secret needed or shown', async () => {
    const r = await runCli(['manifests', 'inventory/prod.yaml'], { cwd: ROOT, env: {} });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = objects(r.stdout);
    const loaded = loadText(prodText());
    const applied = renderPlatform({
      inventory: loaded.inventory,
      secrets: resolveSecrets(loaded, PROD_ENV, new Redactor()),
    }).flatMap((a) => a.objects);
    expect(printed.map(refOf)).toEqual([...new Set(applied.map(refOf))]);
    expect(printed.map(refOf).slice(0, 3)).toEqual([
      'HelmChartConfig/kube-system/rke2-cilium',
      'Namespace//metallb-system',
      'HelmChart/kube-system/metallb',
    ]);
    const secrets = printed.filter((o) => o.kind === 'Secret');
    expect(secrets.length).toBeGreaterThan(3);
    for (const s of secrets) {
      expect(s).not.toHaveProperty('data');
      for (const v of Object.values(s.stringData ?? {})) expect(v).toBe(SECRET_PLACEHOLDER);
    }
  });

  it("prints Secrets' values with --show-secrets, from the inventory's references", async () => {
    const env = { ...PROD_ENV, RIGGER_PROD_GRAFANA_PASSWORD: 'grafanaPassword0123' };
    const r = await runCli(['manifests', 'inventory/prod.yaml', '--show-secrets'], { cwd: ROOT, env });
    expect(r.code).toBe(0);
    const grafana = objects(r.stdout).find((o) => o.metadata?.name === 'grafana-admin') as {
      data: Record<string, string>;
    };
    expect(Buffer.from(grafana.data['admin-password'] ?? '', 'base64').toString()).toBe(
      'grafanaPassword0123',
    );
  });

  it('renders kind.yaml, the nightly drift check inventory', async () => {
    const r = await runCli(['manifests', 'inventory/kind.yaml'], { cwd: ROOT, env: {} });
    expect(r.code).toBe(0);
    expect(
      objects(r.stdout)
        .filter((o) => o.kind === 'HelmChart')
        .map((o) => o.metadata?.name),
    ).toEqual(['metallb', 'nginx-ingress-public', 'nginx-ingress-internal', 'kube-prometheus-stack']);
  });
});
