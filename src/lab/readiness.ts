/**
 * When is a lab host ready? When it answers SSH with the host key we gave it (strict checking,
 * no prompts) and systemd says the boot finished (`running`, or `degraded`: some units never work
 * in a container). Errors say what was last seen, with the tail of the host's console log.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { $ } from 'zx';
import { RunError } from '../core/errors.ts';
import { logTail } from './machine.ts';

/** How to reach lab hosts with the lab's own key and known_hosts. */
export interface LabSshConfig {
  ssh: string;
  privateKeyPath: string;
  knownHostsPath: string;
}

/** ssh options that never prompt, never learn a key and ignore the user's own ssh config. */
export function sshArgs(cfg: LabSshConfig, user: string, address: string, connectTimeoutS = 5): string[] {
  return [
    '-F',
    'none',
    '-i',
    cfg.privateKeyPath,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    `UserKnownHostsFile=${cfg.knownHostsPath}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    `ConnectTimeout=${connectTimeoutS}`,
    '-o',
    'LogLevel=ERROR',
    `${user}@${address}`,
  ];
}

export interface ProbeResult {
  ok: boolean;
  /** ssh's exit code: 255 means ssh itself failed (refused, timeout, host key). */
  exitCode: number | null;
  output: string;
}

/** Runs one command on a host as root over SSH, bounded in time. */
export async function probe(
  cfg: LabSshConfig,
  address: string,
  command: string,
  timeoutMs: number,
): Promise<ProbeResult> {
  const out = await $({
    quiet: true,
    nothrow: true,
    timeout: timeoutMs,
  })`${cfg.ssh} ${sshArgs(cfg, 'root', address)} ${command}`;
  return {
    ok: out.exitCode === 0,
    exitCode: out.exitCode,
    output: `${out.stdout}${out.stderr}`.trim(),
  };
}

export interface WaitInput {
  name: string;
  address: string;
  logFile: string;
  /** Still alive? Waiting stops at once when the machine died. */
  alive: () => Promise<boolean>;
  timeoutMs: number;
}

const PROC_SYS_RW = "grep -qs ' /proc/sys proc rw' /proc/self/mounts";
// After boot, /run/nologin refuses every login but root's (pam_nologin) until
// systemd-user-sessions.service removes it; that unit fails the same way (219/CGROUP) when a
// machine restarts while others boot, and a non-root SSH user (ssh.user with become) is then
// locked out of a "ready" host. Run again here (restart: a unit that is active already would not start again), like the /proc/sys remount.
const USER_SESSIONS =
  '[ ! -e /run/nologin ] || systemctl restart systemd-user-sessions.service >/dev/null 2>&1 || true';
const READY_SCRIPT =
  `s=$(systemctl is-system-running --wait); ${PROC_SYS_RW} || mount -o remount,rw /proc/sys; ` +
  `${PROC_SYS_RW} || s=proc-sys-read-only; ${USER_SESSIONS}; [ ! -e /run/nologin ] || s=nologin; echo "$s"`;

/** Waits until the host answers SSH and has finished booting; returns the final system state. */
export async function waitUntilReady(cfg: LabSshConfig, w: WaitInput): Promise<string> {
  const started = Date.now();
  const deadline = started + w.timeoutMs;
  let lastSeen = 'nothing yet';
  while (Date.now() < deadline) {
    if (!(await w.alive())) {
      throw new RunError(
        `${w.name}: the machine stopped while booting; last lines of ${w.logFile}:\n${await logTail(w.logFile)}`,
      );
    }
    const left = Math.max(deadline - Date.now(), 1000);
    // `--wait` blocks until boot has finished, so one call usually covers the whole boot. The
    // unit that makes /proc/sys writable sometimes fails when many machines boot at once
    // (219/CGROUP), so readiness also means /proc/sys is writable, remounted here if needed.
    const r = await probe(cfg, w.address, READY_SCRIPT, Math.min(left, 60_000));
    const state = r.output.split('\n').pop() ?? '';
    if (state === 'running' || state === 'degraded') return state;
    lastSeen =
      r.exitCode === 255 || r.exitCode === null
        ? `ssh: ${r.output === '' ? 'no answer' : r.output}`
        : `systemctl is-system-running: ${r.output === '' ? `exit ${String(r.exitCode)}` : r.output}`;
    if (r.exitCode === 255 && /host key|REMOTE HOST IDENTIFICATION/i.test(r.output)) {
      throw new RunError(`${w.name}: ${w.address} presented an unexpected host key: ${r.output}`);
    }
    await sleep(1000);
  }
  throw new RunError(
    `${w.name}: not ready after ${Math.round((Date.now() - started) / 1000)} s (${w.address}); ` +
      `last seen: ${lastSeen}\nlast lines of ${w.logFile}:\n${await logTail(w.logFile)}`,
  );
}
