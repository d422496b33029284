import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, RunError } from '../core/errors.ts';
import type { FieldDrift } from '../kube/drift.ts';
import { CLUSTER_TARGET } from '../playbooks/cluster-phase.ts';
import type { ChangeRecord, TaskResult } from '../engine/events.ts';
import { loadPlaybook, PLAYBOOKS_DIR } from '../playbooks/playbook.ts';
import { CLUSTER_TASKS } from '../tasks/cluster/cluster-registry.ts';
import { TASKS } from '../tasks/registry.ts';
import { join } from 'node:path';
import { writeLine, type CliIo } from './io.ts';
import { runPlaybookCommand } from './run-playbook-command.ts';

export interface DriftFlags {
  only?: string;
  json?: boolean;
  junit?: string;
  limit?: string;
  kubeconfig?: string;
  playbook?: string;
}

/** What drifted on one host: each task whose check finds changes, with those changes. */
export interface HostDrift {
  host: string;
  items: { task: string; changes: { summary: string; diff?: string }[] }[];
}

/** One cluster object that drifted, with its add-on and field paths. */
export interface ClusterObjectDrift {
  ref: string;
  addon: string;
  kind: string;
  summary: string;
  fields: FieldDrift[];
}

function xml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

const shown = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

const describe = (c: ChangeRecord): string => (c.diff ? `${c.summary}\n${c.diff}` : c.summary);

/**
 * JUnit XML: a test suite per host (and one for the cluster), a test case per task (per add-on),
 * a failure where it drifted.
 */
export function junitReport(results: readonly TaskResult[]): string {
  const targets = [...new Set(results.map((r) => r.host))];
  const suites = targets.map((target) => {
    const mine = results.filter((r) => r.host === target && r.phase !== 'connect');
    const classname = target === CLUSTER_TARGET ? 'cluster' : `hosts.${target}`;
    const cases = mine.map((r) => {
      const body =
        r.status === 'changed'
          ? `<failure message="${xml(`${r.changes.length} difference(s)`)}">${xml(r.changes.map(describe).join('\n'))}</failure>`
          : r.status === 'skipped'
            ? `<skipped message="${xml(r.message ?? '')}"/>`
            : r.status === 'failed'
              ? `<error message="${xml(r.message ?? 'failed')}"/>`
              : '';
      return `    <testcase classname="${xml(classname)}" name="${xml(r.task)}">${body}</testcase>`;
    });
    const failures = mine.filter((r) => r.status === 'changed').length;
    const errors = mine.filter((r) => r.status === 'failed').length;
    return [
      `  <testsuite name="drift ${xml(target)}" tests="${mine.length}" failures="${failures}" errors="${errors}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rigger drift">\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * `rigger drift`: every task's check on every host (one exec per host) and every add-on's server-side
 * apply dry run against the cluster, no apply; exit 0 no drift, 1 drift, 2 the check itself could
 * not be done.
 */
export async function runDrift(file: string, flags: DriftFlags, io: CliIo): Promise<void> {
  if (flags.only !== undefined && flags.only !== 'hosts' && flags.only !== 'cluster')
    throw ConfigError.plain('--only', `"${flags.only}" is neither hosts nor cluster`);
  const playbook = await loadPlaybook(
    resolve(io.cwd, flags.playbook ?? join(PLAYBOOKS_DIR, 'provision.yaml')),
    TASKS,
    CLUSTER_TASKS,
  );
  const phases = playbook.phases
    .filter((p) => !flags.only || (flags.only === 'hosts') === (p.target === 'hosts'))
    .map((p) => p.name);

  const results: TaskResult[] = [];
  try {
    await runPlaybookCommand(
      file,
      {
        dryRun: true,
        only: phases.join(','),
        ...(flags.limit ? { limit: flags.limit } : {}),
        ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
        ...(flags.playbook ? { playbook: flags.playbook } : {}),
      },
      io,
      'drift',
      {
        quiet: true,
        listeners: [(e) => e.type === 'task' && results.push(e.result)],
      },
    );
  } catch (e) {
    if (e instanceof RunError) {
      const failed = results.filter((r) => r.status === 'failed');
      for (const r of failed) writeLine(io.stderr, `${r.host} ${r.task}: ${r.message ?? 'failed'}`);
      if (flags.junit) await writeFile(resolve(io.cwd, flags.junit), junitReport(results));
      throw new RunError(`drift could not be checked everywhere: ${e.message}`, { exitCode: 2, cause: e });
    }
    throw e;
  }

  const { hostResults, drifted, objects } = driftOf(results);
  const any = drifted.length > 0 || objects.length > 0;

  if (flags.junit) await writeFile(resolve(io.cwd, flags.junit), junitReport(results));
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify({ drift: any, hosts: drifted, objects }, null, 2));
  } else if (!any) {
    const hosts = new Set(hostResults.map((r) => r.host)).size;
    const addons = results.filter((r) => r.host === CLUSTER_TARGET && r.status !== 'skipped').length;
    writeLine(io.stdout, `no drift on ${hosts} host(s) and ${addons} add-on(s)`);
  } else printDrift(io, drifted, objects);
  if (any) {
    const where = [
      ...drifted.map((h) => h.host),
      ...(objects.length ? [`${objects.length} cluster object(s)`] : []),
    ];
    throw new RunError(`drift on ${where.join(', ')}`, { exitCode: 1 });
  }
}

/** What drifted, per host and per cluster object, from the plan's results. */
function driftOf(results: readonly TaskResult[]) {
  const hostResults = results.filter((r) => r.host !== CLUSTER_TARGET);
  const drifted: HostDrift[] = [...new Set(hostResults.map((r) => r.host))]
    .map((host) => ({
      host,
      items: hostResults
        .filter((r) => r.host === host && r.status === 'changed')
        .map((r) => ({ task: r.task, changes: r.changes })),
    }))
    .filter((h) => h.items.length > 0);
  const objects: ClusterObjectDrift[] = results
    .filter((r) => r.host === CLUSTER_TARGET && r.status === 'changed')
    .flatMap((r) =>
      r.changes.map((c) => ({
        ref: c.object?.ref ?? c.summary,
        addon: r.task,
        kind: c.object?.kind ?? 'changed',
        summary: c.summary,
        fields: c.object?.fields ?? [],
      })),
    );
  return { hostResults, drifted, objects };
}

function printDrift(io: CliIo, drifted: readonly HostDrift[], objects: readonly ClusterObjectDrift[]): void {
  for (const h of drifted) {
    writeLine(io.stdout, `${h.host}:`);
    for (const item of h.items) {
      for (const c of item.changes) writeLine(io.stdout, `${h.host}   ${item.task}: ${c.summary}`);
    }
  }
  if (objects.length) writeLine(io.stdout, 'cluster:');
  for (const o of objects) {
    writeLine(io.stdout, `  ${o.addon}: ${o.summary}`);
    for (const f of o.fields) {
      const what =
        f.manager !== undefined
          ? `now owned by "${f.manager}"`
          : f.hidden
            ? 'changed (secret value not shown)'
            : `${shown(f.live)} -> ${shown(f.declared)}`;
      writeLine(io.stdout, `      ${f.path}: ${what}`);
    }
  }
}
