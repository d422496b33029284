/**
 * The remote half of `Transport.writeFile`: a POSIX sh script, run in one exec, that reads the
 * content from stdin and only lets it replace the target once its sha256 matches the one the client
 * computed. A connection that breaks mid-transfer just ends stdin early; the hash then differs, the
 * script fails, its trap removes the temp file and the target is left as it was.
 *
 * The content never appears in the script (only its hash), so the script may be shown in a dry
 * run; callers still show a short description rather than the script in logs and errors.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { InternalError } from '../core/errors.ts';
import { shQuote } from './shell-quote.ts';

/** What to write and how the result must look. */
export interface AtomicWriteSpec {
  /** Absolute path of the target file. */
  path: string;
  /** Lower-case hex sha256 of the content that will arrive on stdin. */
  sha256: string;
  /** Permission bits, e.g. 0o600 (setuid, setgid and sticky allowed). */
  mode: number;
  /** User name or numeric id; when absent the owner is whoever runs the script. */
  owner?: string;
  /** Group name or numeric id; when absent the group is left to the system. */
  group?: string;
}

/** The script's last stdout line: whether the target changed. */
export type AtomicWriteOutcome = 'changed' | 'unchanged';

/** Lower-case hex sha256, as `sha256sum` prints it. */
export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

const ACCOUNT = /^[A-Za-z0-9._][A-Za-z0-9._-]*\$?$/;

/**
 * Builds the script. Values are checked here and single-quoted, so nothing from the caller can
 * change what the script does.
 */
export function buildAtomicWriteScript(spec: AtomicWriteSpec): string {
  if (!isAbsolute(spec.path) || spec.path.endsWith('/')) {
    throw new InternalError(`writeFile needs an absolute file path, got ${JSON.stringify(spec.path)}`);
  }
  if (!/^[0-9a-f]{64}$/.test(spec.sha256)) throw new InternalError('writeFile needs a hex sha256');
  if (!Number.isInteger(spec.mode) || spec.mode < 0 || spec.mode > 0o7777) {
    throw new InternalError(`writeFile mode must be within 0..0o7777, got ${spec.mode}`);
  }
  for (const [field, value] of [
    ['owner', spec.owner],
    ['group', spec.group],
  ] as const) {
    if (value !== undefined && !ACCOUNT.test(value)) {
      throw new InternalError(`writeFile ${field} is not a user or group name: ${JSON.stringify(value)}`);
    }
  }

  // `stat -c %a` prints the mode in octal without leading zeros; compare in that form.
  const settings = [
    `target=${shQuote(spec.path)}`,
    `expected=${shQuote(spec.sha256)}`,
    `mode=${shQuote(spec.mode.toString(8))}`,
    `owner=${shQuote(spec.owner ?? '')}`,
    `group=${shQuote(spec.group ?? '')}`,
  ].join('\n');
  return `${settings}\n${SCRIPT_BODY}`;
}

/**
 * Reads the outcome from the script's stdout, or undefined if it did not finish normally (then
 * nothing is known about the target beyond "the script did not report a replacement").
 */
export function parseAtomicWriteOutput(stdout: string): AtomicWriteOutcome | undefined {
  const last = stdout.trimEnd().split('\n').pop();
  return last === 'changed' || last === 'unchanged' ? last : undefined;
}

// Why each step is there:
// - The unchanged check runs first and drains stdin without creating anything, so a re-run that
//   changes nothing does not even touch the directory.
// - mktemp creates the temp file 0600 beside the target (same filesystem, so `mv` is an atomic
//   rename, and a secret is never readable by others in transit).
// - HUP/INT/PIPE/TERM are turned into exits because sh runs the EXIT trap on `exit` but not when
//   killed by an untrapped signal; a broken connection typically delivers SIGPIPE or SIGHUP.
// - chown before chmod: chown clears setuid/setgid bits.
// - The content hash is not printed on failure: a hash of a short secret can be guessed.
const SCRIPT_BODY = `set -u
fail() {
  printf 'rigger-write: %s\\n' "$*" >&2
  exit 1
}
[ -d "$target" ] && fail "$target is a directory"

if [ -f "$target" ]; then
  current=$(sha256sum < "$target") || fail "cannot read $target"
  read -r cur_mode cur_user cur_uid cur_group cur_gid <<EOF
$(stat -L -c '%a %U %u %G %g' -- "$target")
EOF
  if [ "\${current%% *}" = "$expected" ] && [ "$cur_mode" = "$mode" ] &&
    { [ -z "$owner" ] || [ "$owner" = "$cur_user" ] || [ "$owner" = "$cur_uid" ]; } &&
    { [ -z "$group" ] || [ "$group" = "$cur_group" ] || [ "$group" = "$cur_gid" ]; }; then
    cat > /dev/null
    echo unchanged
    exit 0
  fi
fi

dir=$(dirname -- "$target")
if [ ! -d "$dir" ]; then
  (umask 022 && mkdir -p -- "$dir") || fail "cannot create directory $dir"
fi
tmp=$(mktemp "$dir/.rigger-write.XXXXXX") || fail "cannot create a temporary file in $dir"
trap 'rm -f -- "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

cat > "$tmp" || fail "cannot write $tmp"
actual=$(sha256sum < "$tmp") || fail "cannot read back $tmp"
[ "\${actual%% *}" = "$expected" ] ||
  fail "content arrived incomplete or altered (sha256 mismatch); $target left as it was"

if [ -n "$owner" ] && [ -n "$group" ]; then
  chown -- "$owner:$group" "$tmp" || fail "cannot chown $owner:$group $target"
elif [ -n "$owner" ]; then
  chown -- "$owner" "$tmp" || fail "cannot chown $owner $target"
elif [ -n "$group" ]; then
  chgrp -- "$group" "$tmp" || fail "cannot chgrp $group $target"
fi
chmod "$mode" "$tmp" || fail "cannot chmod $mode $target"
sync "$tmp" 2> /dev/null || :
mv -f -- "$tmp" "$target" || fail "cannot move the new file over $target"
echo changed
`;
