/**
 * The RKE2 stand-in keeps RKE2's contract where rigger once relied on the opposite
 * (test/rke2-stand-in/CONTRACT.md): etcd's HTTP gateway is on 127.0.0.1:2382 and 2379 speaks gRPC
 * only; a joining server is an etcd learner until the leader promotes it (EtcdIsVoter); Nodes carry
 * wrangler's finalizers and a deleted server's Node waits for its member's removal; a node stays
 * NotReady until a CNI runs, and Cilium runs only where its images archive is installed.
 *
 * The stand-in is installed on two lab hosts by hand (the release tarball and images from the
 * lab's artifacts dir, a config.yaml), not by rigger, so this file tests the stand-in alone. It
 * uses spare-1 (in no inventory) and worker-1, and leaves both uninstalled (rke2-uninstall.sh).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { LAB_RKE2_ARTIFACTS } from '../../src/lab/paths.ts';
import { ADDRESS, ensureLab, LAB_STATE_DIR, onHost } from '../support/lab.ts';

const FOUNDER = 'spare-1';
const JOINER = 'worker-1';
const TOKEN = 'rke2-contract-test-secret';
const ETCD_TLS = '/var/lib/rancher/rke2/server/tls/etcd';
const TLS = '/var/lib/rancher/rke2/server/tls';
/** The real etcd's own log, where the stand-in keeps it (RKE2: the etcd static pod's log). */
const ETCD_LOG = '/var/lib/rancher/rke2/agent/logs/etcd.log';
const CNI_MESSAGE =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady ' +
  'message:Network plugin returns error: cni plugin not initialized';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
interface Node {
  metadata: {
    name: string;
    finalizers?: string[];
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
  };
  status?: { conditions?: Condition[] };
}
interface Member {
  ID: string;
  name?: string;
  peerURLs?: string[];
  isLearner?: boolean;
}

const addr = (host: string): string => ADDRESS[host] ?? '';
const ssh = [
  '-i',
  join(LAB_STATE_DIR, 'id_ed25519'),
  '-o',
  `UserKnownHostsFile=${join(LAB_STATE_DIR, 'known_hosts')}`,
];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${String(seconds)} s waiting for ${what}`);
    await sleep(1000);
  }
}

/** A request to the founder's kube-apiserver with RKE2's admin certificate. */
async function api<T>(method: string, path: string): Promise<T | undefined> {
  const out = await onHost(
    addr(FOUNDER),
    `curl -s -X ${method} --cacert ${TLS}/server-ca.crt --cert ${TLS}/client-admin.crt ` +
      `--key ${TLS}/client-admin.key https://127.0.0.1:6443${path}`,
  );
  const body = JSON.parse(out) as T & { kind?: string; code?: number };
  return body.kind === 'Status' && body.code === 404 ? undefined : body;
}
const node = (name: string): Promise<Node | undefined> => api<Node>('GET', `/api/v1/nodes/${name}`);
const condition = (n: Node | undefined, type: string): Condition | undefined =>
  n?.status?.conditions?.find((c) => c.type === type);

/** An etcd curl on the founder, as rigger's checks run it: `{code, body}`. */
async function etcdCurl(port: number, path: string): Promise<{ code: string; body: string }> {
  const out = await onHost(
    addr(FOUNDER),
    `rm -f /tmp/etcd-body; curl -s -o /tmp/etcd-body -w '%{http_code}' --cacert ${ETCD_TLS}/server-ca.crt ` +
      `--cert ${ETCD_TLS}/server-client.crt --key ${ETCD_TLS}/server-client.key -X POST -d '{}' ` +
      `https://127.0.0.1:${String(port)}${path}; echo; cat /tmp/etcd-body 2>/dev/null; true`,
  );
  const [code = '', ...rest] = out.split('\n');
  return { code: code.trim(), body: rest.join('\n') };
}
const members = async (): Promise<Member[]> =>
  (JSON.parse((await etcdCurl(2382, '/v3/cluster/member/list')).body) as { members: Member[] }).members;

async function uninstall(host: string): Promise<void> {
  await onHost(
    addr(host),
    'if [ -x /usr/local/bin/rke2-uninstall.sh ]; then /usr/local/bin/rke2-uninstall.sh >/dev/null 2>&1; fi; ' +
      'rm -rf /etc/cni/net.d; true',
  );
}

/** The release tarball into /usr/local, the images (and Cilium's, if asked) into agent/images, a config, start. */
async function install(host: string, config: string, cilium: boolean): Promise<void> {
  await uninstall(host);
  const a = addr(host);
  await onHost(a, 'mkdir -p /var/lib/rancher/rke2/agent/images /etc/rancher/rke2');
  const images = [
    'rke2-images.linux-amd64.tar.gz',
    ...(cilium ? ['rke2-images-cilium.linux-amd64.tar.gz'] : []),
  ];
  await $({ quiet: true })`scp ${ssh} ${join(LAB_RKE2_ARTIFACTS, 'rke2.linux-amd64.tar.gz')} root@${a}:/tmp/`;
  await $({
    quiet: true,
  })`scp ${ssh} ${images.map((f) => join(LAB_RKE2_ARTIFACTS, f))} root@${a}:/var/lib/rancher/rke2/agent/images/`;
  await onHost(
    a,
    `printf '%s\\n' '${config}' > /etc/rancher/rke2/config.yaml && ` +
      'tar -xzf /tmp/rke2.linux-amd64.tar.gz -C /usr/local && systemctl daemon-reload && ' +
      'systemctl start --no-block rke2-server',
  );
}

const config = (host: string, join?: string): string =>
  [
    `token: ${TOKEN}`,
    `node-name: ${host}`,
    `node-ip: ${addr(host)}`,
    'cni: cilium',
    ...(join ? [`server: ${join}`] : []),
  ].join('\n');

describe('RKE2 stand-in contract', () => {
  beforeAll(async () => {
    await ensureLab();
    await install(FOUNDER, config(FOUNDER), false);
    await waitFor('the founder Node', 180, () => node(FOUNDER));
  });

  afterAll(async () => {
    await uninstall(JOINER);
    await uninstall(FOUNDER);
  });

  it('serves only gRPC on 2379 and the HTTP gateway on 127.0.0.1:2382 (metrics on 2381)', async () => {
    // etcd is up once its gateway answers; only then is 2379's answer meaningful.
    await waitFor('the etcd gateway', 60, async () =>
      (await etcdCurl(2382, '/v3/cluster/member/list')).code === '200' ? true : undefined,
    );
    const grpcOnly = await etcdCurl(2379, '/v3/cluster/member/list');
    // grpc-go answers HTTP/1-style JSON with 415, or resets the HTTP/2 stream (curl: 000).
    expect(['415', '000']).toContain(grpcOnly.code);
    expect(grpcOnly.body).not.toContain('members');
    const gateway = await etcdCurl(2382, '/v3/cluster/member/list');
    expect(gateway.code).toBe('200');
    const listed = JSON.parse(gateway.body) as { members: Member[] };
    expect(listed.members.map((m) => m.name)).toEqual([
      expect.stringMatching(/^spare-1-[0-9a-f]{8}$/) as unknown,
    ]);
    expect(await onHost(addr(FOUNDER), 'curl -s http://127.0.0.1:2381/health')).toContain('"health":"true"');
    // Loopback only, as k3s listens there: the node address answers nothing on 2382.
    const remote = await onHost(
      addr(FOUNDER),
      `curl -s -o /dev/null -w '%{http_code}' https://${addr(FOUNDER)}:2382/ || true`,
    );
    expect(remote.trim()).toBe('000');
  });

  it("puts wrangler's two finalizers on the Node", async () => {
    const n = await waitFor('the finalizers', 30, async () => {
      const cur = await node(FOUNDER);
      return (cur?.metadata.finalizers?.length ?? 0) >= 2 ? cur : undefined;
    });
    expect(n.metadata.finalizers).toEqual(
      expect.arrayContaining(['wrangler.cattle.io/node', 'wrangler.cattle.io/managed-etcd-controller']),
    );
  });

  it('keeps a node NotReady with the CNI message while Cilium cannot run (no Cilium images)', async () => {
    const pod = await waitFor('the cilium pod failing to pull', 120, async () => {
      const list = await api<{
        items: {
          spec: { nodeName: string };
          status?: { containerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
        }[];
      }>('GET', '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dcilium');
      const p = list?.items.find((i) => i.spec.nodeName === FOUNDER);
      const reason = p?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
      return reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? reason : undefined;
    });
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(pod);
    await sleep(12_000); // one more heartbeat
    const ready = condition(await node(FOUNDER), 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: CNI_MESSAGE });
    expect(await onHost(addr(FOUNDER), 'ls /etc/cni/net.d 2>/dev/null | wc -l')).toBe('0\n');
  });

  it('adds a joining server as a learner, promotes it, and sets EtcdIsVoter=True; it turns Ready with Cilium', async () => {
    await install(JOINER, config(JOINER, `https://${addr(FOUNDER)}:9345`), true);
    const joined = await waitFor('the joiner a member', 120, async () =>
      (await members()).find((x) => x.peerURLs?.includes(`https://${addr(JOINER)}:2380`)),
    );
    // The learner may be promoted within a second of its addition (seen in CI: the leader's 15 s
    // tick came right after it), too short to catch by polling; the founder's etcd records how
    // the member was added: its first configuration change adds it as a learner (a promotion is
    // a ConfChangeAddNode after it; a member added as a voter would have only that).
    const changes = await onHost(
      addr(FOUNDER),
      `grep -h '"raft-conf-change-node-id":"${BigInt(joined.ID).toString(16)}"' ${ETCD_LOG}; true`,
    );
    const first = changes.split('\n').find((l) => l.includes('"raft-conf-change":'));
    expect(first).toContain('"raft-conf-change":"ConfChangeAddLearnerNode"');
    const voter = await waitFor('EtcdIsVoter=True on the joiner', 120, async () => {
      const c = condition(await node(JOINER), 'EtcdIsVoter');
      return c?.status === 'True' ? c : undefined;
    });
    expect(voter).toMatchObject({
      reason: 'MemberNotLearner',
      message: 'Node is a voting member of the etcd cluster',
    });
    expect((await members()).every((m) => !m.isLearner)).toBe(true);
    const ready = await waitFor('the joiner Ready', 120, async () => {
      const c = condition(await node(JOINER), 'Ready');
      return c?.status === 'True' ? c : undefined;
    });
    expect(ready.reason).toBe('KubeletReady');
    expect(await onHost(addr(JOINER), 'ls /etc/cni/net.d')).toContain('05-cilium.conflist');
  });

  it("keeps a deleted server's Node until its etcd member is removed, then lets it go", async () => {
    const before = await members();
    expect(before).toHaveLength(2);
    await api('DELETE', `/api/v1/nodes/${JOINER}`);
    const terminating = await node(JOINER);
    expect(terminating?.metadata.deletionTimestamp).toBeDefined();
    await waitFor('the joiner Node gone', 60, async () =>
      (await node(JOINER)) === undefined ? true : undefined,
    );
    const after = await waitFor('one member left', 30, async () => {
      const m = await members();
      return m.length === 1 ? m : undefined;
    });
    expect(after[0]?.name).toMatch(/^spare-1-/);
  });

  it('refuses a rejoin under a node name that still has a member: duplicate node name found', async () => {
    await install(JOINER, config(JOINER, `https://${addr(FOUNDER)}:9345`), true);
    await waitFor('the joiner a voter again', 120, async () =>
      condition(await node(JOINER), 'EtcdIsVoter')?.status === 'True' ? true : undefined,
    );
    // The host loses its etcd data (a reinstall) while its member is still in the cluster.
    await onHost(
      addr(JOINER),
      'systemctl stop rke2-server; /usr/local/bin/rke2-killall.sh >/dev/null 2>&1; ' +
        'rm -rf /var/lib/rancher/rke2/server/db; systemctl start --no-block rke2-server',
    );
    const line = await waitFor('the fatal line', 90, async () => {
      const out = await onHost(
        addr(JOINER),
        'journalctl -u rke2-server --no-pager -o cat | grep "duplicate node name" | tail -n1',
      );
      return out.trim() || undefined;
    });
    expect(line).toContain(
      'level=fatal msg="etcd cluster join failed: duplicate node name found, please use a unique name for this node"',
    );
  });
});
