import type { V1Node } from '@kubernetes/client-node';
import { RunError } from '../../core/errors.ts';
import type { Transport } from '../../hosts/transport.ts';
import { messageOf } from '../../kube/object-ref.ts';
import { commandChange, type Change } from '../change.ts';
import { rke2ConfigChange } from './rke2-configure.ts';
import { nodeProbe, parseNode, parseService, rke2Probes } from './rke2-facts.ts';
import { rke2Layout } from './rke2-layout.ts';
import { etcdVoterProblem, nodeReadiness, unitBaseline, waitForNode } from './rke2-readiness.ts';
import type { Task, TaskContext } from '../task.ts';

/**
 * k3s sets `EtcdIsVoter` from its leader's member list every 15 s (`manageLearners`), so it can
 * lag the member list waitForNode reads: wait for the two to agree, so that the re-check, which
 * reads the Node, sees what the wait saw.
 */
async function waitForVoterCondition(ctx: TaskContext, deadline: number): Promise<void> {
  if (rke2Layout(ctx.host).role !== 'server') return;
  let seen = '';
  for (;;) {
    let node: V1Node | undefined;
    try {
      node = await ctx.cluster.node(ctx.host.name);
      const problem = etcdVoterProblem(node);
      if (!problem) return;
      seen = problem;
    } catch (e) {
      seen = `API: ${messageOf(e)}`;
    }
    if (Date.now() > deadline)
      throw new RunError(`${ctx.host.name}: its etcd member votes, but its Node still says ${seen}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function untilReady(t: Transport, ctx: TaskContext, unit: string, act?: string): Promise<void> {
  // RKE2's units have TimeoutStartSec=0: a blocking start could wait forever on a join that
  // cannot succeed. Start without blocking and watch the node instead.
  const timeoutMs = ctx.inventory.cluster.rke2.readyTimeoutSeconds * 1000;
  const since = await unitBaseline(t, unit);
  if (act) await t.run(act);
  await waitForNode(t, ctx, { timeoutMs, since });
  await waitForVoterCondition(ctx, Date.now() + timeoutMs);
}

function startChange(ctx: TaskContext, verb: 'start' | 'restart', why: string): Change {
  const { unit } = rke2Layout(ctx.host);
  return {
    summary: `${verb} ${unit}${why} and wait until the node is ready`,
    apply: (t) => untilReady(t, ctx, unit, `systemctl ${verb} --no-block ${unit}`),
  };
}

/**
 * What the Node, as the host read it with the other facts, says against it being ready: not
 * Ready, a server without its roles, or a server whose etcd member does not vote.
 */
export function readinessProblem(ctx: TaskContext): string | undefined {
  const fact = parseNode(ctx.facts);
  if (fact.state === 'no-credentials') return 'RKE2 runs, but its credentials for the API server are missing';
  if (fact.state === 'unreadable') return `its Node: ${fact.seen}`;
  const server = rke2Layout(ctx.host).role === 'server';
  const r = nodeReadiness(fact.node, server);
  if (!r.ready) return `its Node: ${r.seen}`;
  const voter = server ? etcdVoterProblem(fact.node) : undefined;
  return voter ? `its Node: ${voter}` : undefined;
}

/**
 * RKE2 enabled and running with the current config, and the node ready: started when it is not
 * running, restarted when its config changes (or changed since it started), then watched until
 * the unit is active, the Node Ready and, on servers, the etcd member a started voter. On a
 * running node the Node read with the facts is checked too: a node that is not ready is waited
 * for again (and the run fails when it does not become ready), never passed as unchanged.
 */
export const rke2Service: Task = {
  id: 'rke2-service',
  title: 'RKE2 service',
  probes: ({ host }) => [...rke2Probes(host), nodeProbe(host)],
  plan: (ctx) => {
    const { unit } = rke2Layout(ctx.host);
    const svc = parseService(ctx.facts);
    const changes: Change[] = [];
    if (svc.enabled !== 'enabled') changes.push(commandChange(`enable ${unit}`, `systemctl enable ${unit}`));
    const configChanges = rke2ConfigChange(ctx) !== undefined;
    if (svc.active !== 'active') {
      changes.push(
        startChange(ctx, svc.active === 'activating' || svc.active === 'failed' ? 'restart' : 'start', ''),
      );
    } else if (configChanges) {
      changes.push(startChange(ctx, 'restart', ' (config.yaml changes)'));
    } else if (svc.configMtime > svc.activeSince) {
      changes.push(startChange(ctx, 'restart', ' (config.yaml changed since it started)'));
    } else {
      const problem = readinessProblem(ctx);
      if (problem)
        changes.push({
          summary: `wait until ${ctx.host.name} is ready: ${unit} runs, but ${problem}`,
          apply: (t) => untilReady(t, ctx, unit),
        });
    }
    return changes;
  },
};
