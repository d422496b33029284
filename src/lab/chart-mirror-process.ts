/**
 * The chart mirror as a lab process, like the registration load balancer: `rigger lab
 * chart-mirror-serve` started detached by `lab up`, found again by its command line (this
 * checkout's rigger, the mirror's listen address) and stopped by PID in `lab down`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunError } from '../core/errors.ts';
import { projectPath } from '../core/project-root.ts';
import { LAB_CHART_MIRROR_PORT, LAB_CHART_MIRROR_URL, LAB_CHARTS_DIR } from './chart-mirror.ts';
import { LAB_BRIDGE_ADDRESS } from './lab-spec.ts';
import type { LabPaths } from './paths.ts';
import { findOurs, isOurs, readArgv, spawnDetached, stopProcess, type ProcessMatcher } from './processes.ts';

const RIGGER_BIN = projectPath('bin', 'rigger.js');
const LISTEN_FLAG = `--listen=${LAB_BRIDGE_ADDRESS}:${LAB_CHART_MIRROR_PORT}`;

export function chartMirrorArgs(root: string): string[] {
  return [RIGGER_BIN, 'lab', 'chart-mirror-serve', LISTEN_FLAG, `--root=${root}`];
}

export const isOurChartMirror: ProcessMatcher = (argv) =>
  argv[1] === RIGGER_BIN &&
  argv[2] === 'lab' &&
  argv[3] === 'chart-mirror-serve' &&
  argv.includes(LISTEN_FLAG);

export async function findChartMirror(): Promise<number | undefined> {
  return (await findOurs(isOurChartMirror))[0];
}

export async function stopChartMirror(pid: number): Promise<boolean> {
  return stopProcess(pid, isOurChartMirror, { graceMs: 5000, what: 'chart mirror' });
}

/**
 * Starts the mirror of `root` unless ours already serves it; returns its PID, or undefined when
 * there is no chart repository to serve (then add-on charts cannot be rendered: said loudly).
 */
export async function ensureChartMirror(
  paths: LabPaths,
  log: (line: string) => void,
  root: string = LAB_CHARTS_DIR,
): Promise<number | undefined> {
  const running = await findChartMirror();
  if (!existsSync(join(root, 'index.yaml'))) {
    if (running !== undefined) await stopChartMirror(running);
    log(
      `lab: WARNING: no chart repository at ${root} (index.yaml): the lab serves no chart mirror at ` +
        `${LAB_CHART_MIRROR_URL}, add-on charts CANNOT be rendered, and the RKE2 stand-in's ` +
        'helm-controller only records install Jobs from its chart catalogue',
    );
    return undefined;
  }
  const wanted = chartMirrorArgs(root);
  if (running !== undefined) {
    const argv = await readArgv(running);
    if (argv !== undefined && argv.slice(1).join('\0') === wanted.join('\0') && (await answers()))
      return running;
    log(`lab: restarting the chart mirror (PID ${running})`);
    await stopChartMirror(running);
  }
  const logFile = join(paths.logsDir, 'chart-mirror.log');
  log(`lab: serving the chart repository ${root} at ${LAB_CHART_MIRROR_URL}/ (log ${logFile})`);
  const pid = await spawnDetached(process.execPath, wanted, { logFile });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!(await isOurs(pid, isOurChartMirror))) break;
    if (await answers()) return pid;
    await sleep(200);
  }
  await stopChartMirror(pid).catch(() => false);
  throw new RunError(
    `the chart mirror (PID ${pid}) did not answer at ${LAB_CHART_MIRROR_URL}; see ${logFile}`,
  );
}

async function answers(): Promise<boolean> {
  try {
    const res = await fetch(`${LAB_CHART_MIRROR_URL}/index.yaml`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(2000),
    });
    return res.ok;
  } catch {
    return false;
  }
}
