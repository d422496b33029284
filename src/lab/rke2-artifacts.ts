/**
 * The lab's RKE2: no real RKE2 release can be downloaded here, so `lab up` builds the stand-in's
 * air-gap artifacts (test/rke2-stand-in/build.sh: rke2.linux-amd64.tar.gz,
 * rke2-images.linux-amd64.tar.gz, sha256sum-amd64.txt) into the lab's state dir, where
 * inventory/lab.yaml's `install.artifactsDir` points. The script is a no-op when its inputs have
 * not changed; the very first run builds kube-apiserver and takes about 5 minutes.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { $ } from 'zx';
import { RunError } from '../core/errors.ts';
import { exists } from './paths.ts';

export interface Rke2ArtifactsInput {
  /** The build script, run as `bash SCRIPT OUTDIR`. */
  script: string;
  outDir: string;
  /** Everything the script prints is appended here. */
  logFile: string;
  /** Its progress lines (`[name] ...`) are passed on here. */
  log: (line: string) => void;
}

/** Lines the build scripts mean as progress; the rest (compiler output) only goes to the log file. */
const PROGRESS = /^\[[\w-]+\] /;

/** Runs the build script; throws a RunError with its last lines when it fails. */
export async function ensureRke2Artifacts(i: Rke2ArtifactsInput): Promise<void> {
  if (!(await exists(i.script))) {
    i.log(`lab: ${i.script} not found; no RKE2 stand-in artifacts in ${i.outDir}`);
    return;
  }
  await mkdir(dirname(i.logFile), { recursive: true });
  await appendFile(i.logFile, `-- rigger lab: bash ${i.script} ${i.outDir} at ${new Date().toISOString()}\n`);
  const started = Date.now();
  const p = $({ quiet: true, nothrow: true })`bash ${i.script} ${i.outDir}`;
  const lines: string[] = [];
  const seen = Promise.all(
    [p.stdout, p.stderr].map(async (stream) => {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        lines.push(line);
        if (PROGRESS.test(line)) i.log(`lab: ${line}`);
      }
    }),
  );
  const out = await p;
  await seen;
  await appendFile(i.logFile, lines.map((l) => `${l}\n`).join(''));
  if (out.exitCode !== 0) {
    throw new RunError(
      `building the RKE2 stand-in artifacts failed (bash ${i.script} ${i.outDir}, exit code ` +
        `${String(out.exitCode)}); last lines (all in ${i.logFile}):\n${lines.slice(-15).join('\n')}`,
    );
  }
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) i.log(`lab: RKE2 stand-in artifacts ready in ${i.outDir} after ${Math.round(seconds)} s`);
}
