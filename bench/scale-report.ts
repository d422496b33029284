/**
 * The scale benchmark's output: one markdown table (a row per size and tool), the lab's own cost
 * per size, and how each measure grows from the smallest size to each larger one.
 */
import type { Measure } from './scale-measure.ts';
import type { HostsMemory } from './scale-probe.ts';

export interface ToolResult {
  first: Measure;
  noop: Measure;
}

export interface SizeResult {
  n: number;
  bootSeconds: number[];
  memory: HostsMemory;
  /** `free -m` before the hosts were booted and once they were up. */
  freeBefore: { used: number; available: number };
  freeAfter: { used: number; available: number };
  rigger: ToolResult;
  ansible: ToolResult;
}

const s = (m: Measure): string => `${m.seconds.toFixed(2)} s`;
const mb = (m: Measure): string => (m.maxRssMb === undefined ? '' : `${m.maxRssMb.toFixed(0)} MB`);

function row(n: number, tool: string, r: ToolResult): string {
  // A run through tsx (dist/ older than src/) is slower and bigger: marked, not hidden.
  const tsx = [r.first, r.noop].some((m) => m.build === 'tsx') ? ' (tsx: dist/ stale)' : '';
  const rss = tool === 'rigger' ? `${mb(r.first)} / ${mb(r.noop)}${tsx}` : '';
  return (
    `| ${n} | ${tool} | ${s(r.first)} | ${s(r.noop)} | ${r.first.execsPerHost} | ${r.noop.execsPerHost} ` +
    `| ${r.first.changed} | ${r.noop.changed} | ${r.first.failedHosts} / ${r.noop.failedHosts} | ${rss} |`
  );
}

export function resultTable(results: readonly SizeResult[]): string {
  const lines = [
    '| hosts | tool | first converge | no-op | SSH execs/host max, first | SSH execs/host max, no-op | changed, first | changed, no-op | failed hosts first / no-op | peak RSS first / no-op |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) lines.push(row(r.n, 'rigger', r.rigger), row(r.n, 'ansible', r.ansible));
  return lines.join('\n');
}

export function labTable(results: readonly SizeResult[]): string {
  const lines = [
    "| hosts | boot (fresh lab, each time) | hosts' processes | PSS total | PSS per host | RSS per host | free -m used before / after up | available before / after |",
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const m = r.memory;
    lines.push(
      `| ${r.n} | ${r.bootSeconds.map((b) => `${b.toFixed(0)} s`).join(', ')} | ${m.processes} ` +
        `| ${m.pssMb.toFixed(0)} MB | ${(m.pssMb / m.hosts).toFixed(1)} MB | ${(m.rssMb / m.hosts).toFixed(1)} MB ` +
        `| ${r.freeBefore.used} / ${r.freeAfter.used} MB | ${r.freeBefore.available} / ${r.freeAfter.available} MB |`,
    );
  }
  return lines.join('\n');
}

const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

/** Each measure at each larger size divided by the same measure at the smallest size. */
export function growthTable(results: readonly SizeResult[]): string {
  const [base, ...rest] = results;
  if (base === undefined || rest.length === 0) return '(one size only: no growth to show)';
  const head = rest.map((r) => `${r.n}/${base.n}`);
  const lines = [`| measure | ${head.join(' | ')} |`, `| --- |${head.map(() => ' --- |').join('')}`];
  const measures: [string, (r: SizeResult) => number][] = [
    ['hosts', (r) => r.n],
    ['rigger first converge wall', (r) => r.rigger.first.seconds],
    ['rigger no-op wall', (r) => r.rigger.noop.seconds],
    ['rigger SSH execs/host max, first', (r) => r.rigger.first.execsPerHost],
    ['rigger SSH execs/host max, no-op', (r) => r.rigger.noop.execsPerHost],
    ['rigger peak RSS, first', (r) => r.rigger.first.maxRssMb ?? 0],
    ['rigger peak RSS, no-op', (r) => r.rigger.noop.maxRssMb ?? 0],
    ['ansible first converge wall', (r) => r.ansible.first.seconds],
    ['ansible no-op wall', (r) => r.ansible.noop.seconds],
    ['ansible SSH execs/host max, first', (r) => r.ansible.first.execsPerHost],
    ['ansible SSH execs/host max, no-op', (r) => r.ansible.noop.execsPerHost],
  ];
  for (const [name, get] of measures)
    lines.push(`| ${name} | ${rest.map((r) => ratio(get(r), get(base))).join(' | ')} |`);
  return lines.join('\n');
}

/** Ansible's time over rigger's, per size. */
export function speedups(results: readonly SizeResult[]): string {
  return results
    .map(
      (r) =>
        `${r.n} hosts: ansible / rigger = ${ratio(r.ansible.first.seconds, r.rigger.first.seconds)} first converge, ` +
        `${ratio(r.ansible.noop.seconds, r.rigger.noop.seconds)} no-op`,
    )
    .join('\n');
}

/** Every run's failures, as markdown list items (empty: no run failed). */
export function failures(results: readonly SizeResult[]): string {
  const lines: string[] = [];
  for (const r of results)
    for (const [tool, t] of [['rigger', r.rigger] as const, ['ansible', r.ansible] as const])
      for (const [run, m] of [['first converge', t.first] as const, ['no-op', t.noop] as const])
        for (const e of m.errors) lines.push(`- ${r.n} hosts, ${tool} ${run}: ${e}`);
  return lines.join('\n');
}
