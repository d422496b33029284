/**
 * A failing chart install is recognised from the install Job's Pod within seconds, against a real
 * kube-apiserver: the helm-controller's Job retries in the same Pod up to its backoffLimit of
 * 1000, so its Failed condition never comes in time (the old wait sat out addons.timeoutSeconds).
 */
import { readFileSync } from 'node:fs';
import { CoreV1Api, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { projectPath } from '../../src/core/project-root.ts';
import { chartState } from '../../src/kube/helm-chart-wait.ts';
import { startKubeApi, type KubeApi } from '../support/kube-api.ts';

const NS = 'kube-system';
let kube: KubeApi;
let api: KubernetesObjectApi;
let core: CoreV1Api;
let jobUid = '';

async function installHelmChartCrds(): Promise<void> {
  const docs = parseAllDocuments(
    readFileSync(projectPath('manifests', 'helm-controller', 'crds.yaml'), 'utf8'),
  );
  for (const d of docs) await api.create(d.toJS() as KubernetesObject);
  for (let i = 0; i < 100; i++) {
    try {
      await api.list('helm.cattle.io/v1', 'HelmChart', NS);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function failingPod(restartCount: number): Promise<void> {
  const name = `helm-install-demo-${restartCount}`;
  await core.createNamespacedPod({
    namespace: NS,
    body: {
      metadata: { name, labels: { 'job-name': 'helm-install-demo', 'controller-uid': jobUid } },
      spec: {
        serviceAccountName: 'helm-demo',
        automountServiceAccountToken: false,
        containers: [{ name: 'helm', image: 'rancher/klipper-helm' }],
      },
    },
  });
  const status = {
    containerStatuses: [
      {
        name: 'helm',
        image: 'rancher/klipper-helm',
        imageID: '',
        ready: false,
        restartCount,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      },
    ],
  };
  const pod = await core.readNamespacedPod({ name, namespace: NS });
  await core.replaceNamespacedPodStatus({
    name,
    namespace: NS,
    body: { apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata, spec: pod.spec, status },
  });
}

describe("a chart's failing install, seen from its Job's Pods", () => {
  beforeAll(async () => {
    kube = await startKubeApi();
    api = KubernetesObjectApi.makeApiClient(kube.kubeConfig());
    core = kube.kubeConfig().makeApiClient(CoreV1Api);
    await installHelmChartCrds();
    await core.createNamespacedServiceAccount({ namespace: NS, body: { metadata: { name: 'helm-demo' } } });
    await api.create({
      apiVersion: 'helm.cattle.io/v1',
      kind: 'HelmChart',
      metadata: { name: 'demo', namespace: NS },
      spec: { chart: 'demo', repo: 'http://charts.invalid' },
    } as KubernetesObject);
    const job = await api.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'helm-install-demo', namespace: NS },
      spec: {
        backoffLimit: 1000,
        template: {
          spec: { restartPolicy: 'OnFailure', containers: [{ name: 'helm', image: 'rancher/klipper-helm' }] },
        },
      },
    } as KubernetesObject);
    jobUid = job.metadata?.uid ?? '';
  }, 600_000);
  afterAll(async () => kube.stop());

  it('is still running after the first failed attempt (the Job retries at once)', async () => {
    await failingPod(0);
    expect((await chartState(api, { name: 'demo', namespace: NS })).state).toBe('running');
  });

  it('ignores the Pods of a Job that was replaced (another uid)', async () => {
    const saved = jobUid;
    jobUid = 'not-this-job';
    await failingPod(5);
    jobUid = saved;
    expect((await chartState(api, { name: 'demo', namespace: NS })).state).toBe('running');
  });

  it('is failing once the helm container failed twice, saying where helm wrote why', async () => {
    await failingPod(1);
    const s = await chartState(api, { name: 'demo', namespace: NS });
    expect(s.state).toBe('failed');
    expect(s.seen).toContain(
      'pod helm-install-demo-1 container helm exited 1 (CrashLoopBackOff, 2 attempts)',
    );
    expect(s.seen).toContain('kubectl -n kube-system logs helm-install-demo-1 -c helm --previous');
  });
});
