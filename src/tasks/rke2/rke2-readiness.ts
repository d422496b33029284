/**
 * Waits until RKE2 on a host is really up, and when it is not, says what was seen: the unit's
 * state and restarts, the journal's last lines, the Node as the API server has it, the etcd
 * members. A node is ready when its unit is active (RKE2's units are `Type=notify`: active means
 * RKE2 said it is up), its Node is registered and `Ready`, and, on a server, it carries the
 * control-plane and etcd roles and its etcd member is started and a voter (k3s joins servers as
 * learners and promotes them once caught up: a learner does not count towards quorum yet).
 */
import type { V1Node } from '@kubernetes/client-node';
import { RunError } from '../../core/errors.ts';
import type { Transport } from '../../hosts/transport.ts';
import { messageOf } from '../../kube/object-ref.ts';
import { etcdMemberList, isMemberOf, type EtcdMember } from './rke2-etcd-health.ts';
import { rke2Layout } from './rke2-layout.ts';
import type { TaskContext } from '../task.ts';

export interface ReadinessOptions {
  timeoutMs: number;
  /** The unit as it was just before rigger started it: only what happened since counts. */
  since: UnitBaseline;
  intervalMs?: number;
  /** Restarts after which a unit whose journal shows a fatal error is failed at once. */
  fatalAfterRestarts?: number;
}

/** The host's clock and the unit's restart count, read just before a start. */
export interface UnitBaseline {
  epoch: number;
  restarts: number;
}

export async function unitBaseline(t: Transport, unit: string): Promise<UnitBaseline> {
  const r = await t.run(`date +%s; systemctl show -p NRestarts --value ${unit}`);
  const [epoch = '0', restarts = '0'] = r.stdout.trim().split('\n');
  return { epoch: Number(epoch) || 0, restarts: Number(restarts) || 0 };
}

/**
 * Journal lines RKE2 repeats forever on a join that can never succeed as things are, with what
 * the operator has to do about them.
 */
const HOPELESS: [RegExp, (node: string) => string][] = [
  [
    /Node password rejected/,
    (node) =>
      `the cluster already has a Node named ${node} from an earlier install of this host, and RKE2 refuses the new install's node password; delete that Node (kubectl delete node ${node}) or use rigger replace-node, then run again`,
  ],
  [
    // The server token seals the bootstrap data in the datastore and cannot change once the
    // cluster has started (k3s docs/adrs/agent-join-token.md).
    /bootstrap data already found and encrypted with different token/,
    () =>
      "the cluster's datastore is sealed with another token than the cluster.token rigger gives this server (a server token cannot change once the cluster started): set cluster.token to the token the cluster was founded with, then run again",
  ],
  [
    /member has been permanently removed/,
    () =>
      "this host's etcd data belongs to a member the cluster removed; move /var/lib/rancher/rke2/server/db away (copy local snapshots off first) and run again",
  ],
];

interface UnitState {
  active: string;
  sub: string;
  restarts: number;
}

/** RKE2's annotation naming a server Node's etcd member (k3s `pkg/etcd`, `NodeNameAnnotation`). */
export const ETCD_NODE_NAME_ANNOTATION = 'etcd.rke2.cattle.io/node-name';

/** The member that belongs to a node: by the name RKE2 gave it, exactly, or by its peer address. */
export function memberOf(
  members: readonly EtcdMember[],
  node: V1Node | undefined,
  host: { name: string; address: string },
): EtcdMember | undefined {
  const annotatedName = node?.metadata?.annotations?.[ETCD_NODE_NAME_ANNOTATION];
  return members.find((m) => isMemberOf(m, { ...host, annotatedName }));
}

/**
 * What the Node's `EtcdIsVoter` condition says against the node being a voting member, if
 * anything (k3s `manageLearners` sets it on the leader every 15 s: it may lag the member list).
 */
export function etcdVoterProblem(node: V1Node | undefined): string | undefined {
  const c = node?.status?.conditions?.find((x) => x.type === 'EtcdIsVoter');
  if (!c || c.status === 'True') return undefined;
  return `EtcdIsVoter=${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : ''}`;
}

/** What keeps a server's own etcd member from being a started voter, from its local gateway. */
async function etcdMemberState(
  t: Transport,
  node: V1Node | undefined,
  host: TaskContext['host'],
): Promise<string | undefined> {
  const condition = etcdVoterProblem(node);
  const learner = `its etcd member is a learner, not yet promoted to a voting member${condition ? ` (${condition})` : ''}`;
  let members: EtcdMember[];
  try {
    members = await etcdMemberList(t);
  } catch (e) {
    // A learner's etcd refuses the member list (it is a linearizable read).
    const text = e instanceof Error ? e.message : String(e);
    return /not supported for learner/.test(text) ? learner : text;
  }
  const member = memberOf(members, node, host);
  if (!member) return 'not an etcd member';
  if (!member.name) return 'etcd member added but not started';
  return member.isLearner ? learner : undefined;
}

async function unitState(t: Transport, unit: string): Promise<UnitState> {
  const r = await t.exec(`systemctl show -p ActiveState,SubState,NRestarts ${unit}`);
  const get = (k: string): string => new RegExp(`^${k}=(.*)$`, 'm').exec(r.stdout)?.[1] ?? '';
  return {
    active: get('ActiveState') || 'unknown',
    sub: get('SubState'),
    restarts: Number(get('NRestarts')) || 0,
  };
}

async function journalTail(t: Transport, unit: string, since: number, lines = 15): Promise<string> {
  const r = await t.exec(`journalctl -u ${unit} --since @${since} -n ${lines} --no-pager -o cat`);
  return r.stdout.trimEnd();
}

/** Whether the Node is Ready and, on a server, carries the control-plane and etcd roles. */
export function nodeReadiness(node: V1Node | undefined, server: boolean): { ready: boolean; seen: string } {
  if (!node) return { ready: false, seen: 'not registered in the API server' };
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const labels = node.metadata?.labels ?? {};
  const missing = server
    ? ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/etcd'].filter(
        (l) => labels[l] !== 'true',
      )
    : [];
  const readyText = ready
    ? `Ready=${ready.status}${ready.message ? ` (${ready.message})` : ''}`
    : 'no Ready condition';
  return {
    ready: ready?.status === 'True' && missing.length === 0,
    seen: missing.length ? `${readyText}, missing labels ${missing.join(', ')}` : readyText,
  };
}

/** Resolves when the node is ready; otherwise throws a RunError saying what was last seen. */
export async function waitForNode(t: Transport, ctx: TaskContext, opts: ReadinessOptions): Promise<void> {
  const { host } = ctx;
  const { unit, role } = rke2Layout(host);
  const server = role === 'server';
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 2000;
  let seen = 'nothing yet';
  let unit_: UnitState = { active: 'unknown', sub: '', restarts: 0 };
  for (;;) {
    unit_ = await unitState(t, unit);
    const restarts = unit_.restarts - opts.since.restarts;
    const unitText = `${unit} ${unit_.active}${unit_.sub ? ` (${unit_.sub})` : ''}, ${restarts} restart(s)`;
    if (unit_.active === 'active') {
      let node: V1Node | undefined;
      let nodeText: string;
      try {
        node = await ctx.cluster.node(host.name);
        const s = nodeReadiness(node, server);
        nodeText = `node ${s.seen}`;
        if (s.ready && !server) return;
        if (s.ready) {
          const problem = await etcdMemberState(t, node, host);
          if (!problem) return;
          nodeText += `; ${problem}`;
        }
      } catch (e) {
        nodeText = `API: ${messageOf(e)}`;
      }
      seen = `${unitText}; ${nodeText}`;
    } else {
      seen = unitText;
      const tail = await journalTail(t, unit, opts.since.epoch);
      for (const [pattern, advice] of HOPELESS) {
        const line = tail.split('\n').find((l) => pattern.test(l));
        if (line) throw new RunError(`${unit} cannot join: ${advice(host.name)}; RKE2 says: ${line}`);
      }
      if (restarts >= (opts.fatalAfterRestarts ?? 2)) {
        const fatal = tail
          .split('\n')
          .filter((l) => /level=fatal/.test(l))
          .pop();
        if (fatal) throw new RunError(`${unit} keeps failing: ${seen}; last fatal error: ${fatal}`);
      }
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, interval));
  }
  const tail = await journalTail(t, unit, opts.since.epoch).catch(() => '(journal unavailable)');
  throw new RunError(
    `${host.name} not ready after ${Math.round(opts.timeoutMs / 1000)} s: ${seen}\njournal (${unit}, last lines):\n${tail}`,
  );
}
