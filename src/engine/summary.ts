/** The run's closing numbers, per host and for each target phase's target (the cluster, a removed node). */
import type { HostSummary, RunSummary, TaskResult } from './events.ts';
import type { HostRun } from './host-run.ts';

function count(target: string, results: readonly TaskResult[], execs: number): HostSummary {
  const n = (status: TaskResult['status']): number => results.filter((x) => x.status === status).length;
  return {
    host: target,
    ok: n('ok'),
    changed: n('changed'),
    failed: n('failed'),
    skipped: n('skipped'),
    execs,
  };
}

export function summarize(
  opts: { runId: string; dryRun: boolean },
  runs: ReadonlyMap<string, HostRun>,
  targets: readonly TaskResult[],
  durationMs: number,
  journal: string,
): RunSummary {
  const hosts = [...runs.values()]
    .filter((r) => !r.unreachable)
    .map((r) => count(r.name, r.results, r.transport?.execCount ?? 0));
  for (const target of new Set(targets.map((t) => t.host))) {
    const mine = targets.filter((t) => t.host === target);
    const run = runs.get(target);
    if (run && !run.unreachable) {
      const i = hosts.findIndex((h) => h.host === target);
      hosts[i] = count(target, [...run.results, ...mine], run.transport?.execCount ?? 0);
    } else hosts.push(count(target, mine, 0));
  }
  return {
    runId: opts.runId,
    dryRun: opts.dryRun,
    hosts,
    failed: hosts.some((h) => h.failed > 0),
    durationMs,
    journal,
  };
}
