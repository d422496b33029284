import type { RunEvent, RunSummary, TaskResult } from '../../engine/events.ts';

/** The first line of every run's output. */
export function runHeadline(e: Extract<RunEvent, { type: 'run-start' }>): string {
  return `${e.playbook}: run ${e.runId} on ${e.hosts.length} host(s)${e.dryRun ? ' (plan: nothing will be changed)' : ''}`;
}

/** The per-host summary that ends every run, in aligned columns. */
export function summaryTable(s: RunSummary): string[] {
  const head = ['host', 'ok', s.dryRun ? 'to change' : 'changed', 'failed', 'skipped', 'execs'];
  const rows = s.hosts.map((h) => [h.host, h.ok, h.changed, h.failed, h.skipped, h.execs].map(String));
  const widths = head.map((_, i) => Math.max(head[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)));
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const changed = s.hosts.reduce((n, h) => n + h.changed, 0);
  const failed = s.hosts.filter((h) => h.failed > 0).map((h) => h.host);
  return [
    '',
    fmt(head),
    ...rows.map(fmt),
    '',
    failed.length
      ? `FAILED on ${failed.join(', ')}`
      : s.dryRun
        ? `${changed} task(s) would change`
        : `${changed} task(s) changed`,
    ...(s.journal ? [`journal: ${s.journal}`] : []),
  ];
}

/**
 * A task result as lines that each start with the host name: the status, each change, and file
 * diffs. Unchanged and skipped tasks are counted in the summary and listed only when verbose.
 */
export function resultLines(r: TaskResult, verbose: boolean, dryRun: boolean): string[] {
  if ((r.status === 'ok' || r.status === 'skipped') && !verbose) return [];
  const status = dryRun && r.status === 'changed' ? 'would change' : r.status;
  const lines = [`${r.host} ${r.task}: ${status}${r.message ? `: ${r.message}` : ''}`];
  for (const c of r.changes) {
    lines.push(`${r.host}   - ${c.summary}`);
    if (c.diff) for (const line of c.diff.split('\n')) lines.push(`${r.host}     ${line}`);
  }
  return lines;
}
