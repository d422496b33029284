/** `kubectl get nodes`, in short: what `lab up --provision` shows once the cluster is up. */
import { CoreV1Api } from '@kubernetes/client-node';
import { PooledKubeConfig } from '../kube/pooled-kube-config.ts';
import { writeLine, type CliIo } from './io.ts';

export async function printNodes(kubeconfigPath: string, io: CliIo): Promise<void> {
  const kc = new PooledKubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const { items } = await kc.makeApiClient(CoreV1Api).listNode();
  const rows = items.map((n) => {
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
    const roles = Object.keys(n.metadata?.labels ?? {})
      .filter((l) => l.startsWith('node-role.kubernetes.io/'))
      .map((l) => l.slice('node-role.kubernetes.io/'.length))
      .sort();
    return [
      n.metadata?.name ?? '?',
      ready?.status === 'True' ? 'Ready' : 'NotReady',
      roles.join(',') || '<none>',
      n.status?.nodeInfo?.kubeletVersion ?? '',
    ];
  });
  const all = [
    ['NAME', 'STATUS', 'ROLES', 'VERSION'],
    ...rows.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')),
  ];
  const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of all)
    writeLine(
      io.stdout,
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('   ')
        .trimEnd(),
    );
}
