import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, RunError } from '../core/errors.ts';
import type { TaskResult } from '../playbooks/events.ts';
import { writeLine, type CliIo } from './io.ts';
import { runPlaybookCommand } from './run-playbook-command.ts';

export interface DriftFlags {
  only?: string;
  json?: boolean;
  junit?: string;
  limit?: string;
}

/** What drifted on one host: each task whose check finds changes, with those changes. */
export interface HostDrift {
  host: string;
  items: { task: string; changes: { summary: string; diff?: string }[] }[];
}

function xml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

/** JUnit XML: a test suite per host, a test case per task, a failure where the task drifted. */
export function junitReport(results: readonly TaskResult[]): string {
  const hosts = [...new Set(results.map((r) => r.host))];
  const suites = hosts.map((host) => {
    const mine = results.filter((r) => r.host === host && r.phase !== 'connect');
    const cases = mine.map((r) => {
      const body =
        r.status === 'changed'
          ? `<failure message="${xml(`${r.changes.length} difference(s)`)}">${xml(r.changes.map((c) => c.summary).join('\n'))}</failure>`
          : r.status === 'skipped'
            ? `<skipped message="${xml(r.message ?? '')}"/>`
            : r.status === 'failed'
              ? `<error message="${xml(r.message ?? 'failed')}"/>`
              : '';
      return `    <testcase classname="hosts.${xml(host)}" name="${xml(r.task)}">${body}</testcase>`;
    });
    const failures = mine.filter((r) => r.status === 'changed').length;
    const errors = mine.filter((r) => r.status === 'failed').length;
    return [
      `  <testsuite name="drift ${xml(host)}" tests="${mine.length}" failures="${failures}" errors="${errors}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rigger drift">\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * `rigger drift`: every task's check on every host and no apply, in the engine's one exec per host;
 * exit 0 no drift, 1 drift, 2 the check itself could not be done.
 */
export async function runDrift(file: string, flags: DriftFlags, io: CliIo): Promise<void> {
  if (flags.only !== undefined && flags.only !== 'hosts') {
    // The cluster side (server-side apply dry runs of the add-ons) comes with the add-ons.
    throw ConfigError.plain(
      '--only',
      `"${flags.only}" is not available yet; this version checks hosts (--only hosts)`,
    );
  }
  const results: TaskResult[] = [];
  try {
    await runPlaybookCommand(
      file,
      { dryRun: true, ...(flags.limit ? { limit: flags.limit } : {}) },
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
      throw new RunError(`drift could not be checked on every host: ${e.message}`, { exitCode: 2, cause: e });
    }
    throw e;
  }

  const drifted: HostDrift[] = [...new Set(results.map((r) => r.host))]
    .map((host) => ({
      host,
      items: results
        .filter((r) => r.host === host && r.status === 'changed')
        .map((r) => ({ task: r.task, changes: r.changes })),
    }))
    .filter((h) => h.items.length > 0);

  if (flags.junit) await writeFile(resolve(io.cwd, flags.junit), junitReport(results));
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify({ drift: drifted.length > 0, hosts: drifted }, null, 2));
  } else if (drifted.length === 0) {
    writeLine(io.stdout, `no drift on ${new Set(results.map((r) => r.host)).size} host(s)`);
  } else {
    for (const h of drifted) {
      writeLine(io.stdout, `${h.host}:`);
      for (const item of h.items) {
        for (const c of item.changes) writeLine(io.stdout, `${h.host}   ${item.task}: ${c.summary}`);
      }
    }
  }
  if (drifted.length > 0) {
    throw new RunError(`drift on ${drifted.map((h) => h.host).join(', ')}`, { exitCode: 1 });
  }
}
