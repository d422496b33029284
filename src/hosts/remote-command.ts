/**
 * The command line sent over SSH. Every command crosses two shells: the user's login shell (sshd
 * runs `$SHELL -c <line>`) and the `sh -c` rigger wraps it in, so that commands are POSIX sh
 * whatever the login shell is.
 */
import { shQuote } from './shell-quote.ts';

/** Who runs a remote command. */
export interface RemoteIdentity {
  /** The SSH login user. */
  user: string;
  /** Run as root through `sudo -n` when the login user is not root. */
  become: boolean;
}

/** Seconds the remote `timeout` waits after TERM before it sends KILL. */
export const KILL_GRACE_SECONDS = 5;

/**
 * Builds `[sudo -n] [timeout -k 5 SECS] sh -c '<command>'`.
 *
 * - `sudo -n` fails at once instead of waiting for a password nobody will type.
 * - The timeout is enforced on the host: sshd neither kills a command when its channel is closed
 *   nor honours signal requests for root logins, so closing the channel from here would leave a
 *   hung command (holding, say, the apt lock) running. GNU timeout signals the command's whole
 *   process group and exits 124 (137 when KILL was needed). It sits inside sudo so that it runs
 *   as the same user as the command it must kill.
 */
export function remoteCommandLine(command: string, identity: RemoteIdentity, timeoutMs?: number): string {
  let line = `sh -c ${shQuote(command)}`;
  if (timeoutMs !== undefined && timeoutMs > 0) {
    line = `timeout -k ${KILL_GRACE_SECONDS} ${formatSeconds(timeoutMs)} ${line}`;
  }
  return identity.become && identity.user !== 'root' ? `sudo -n ${line}` : line;
}

/** Seconds for timeout(1): whole where possible, else to the millisecond (GNU takes fractions). */
function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3);
}
