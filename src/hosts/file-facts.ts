import type { Probe } from './probe.ts';
import { shQuote } from './shell-quote.ts';

/** What a managed file is on the host now. */
export interface FileState {
  /** Octal mode, e.g. 0o644. */
  mode: number;
  owner: string;
  group: string;
  content: Buffer;
}

/**
 * A probe that reads small managed files (configs rigger writes) whole, so a plan can show a diff
 * and a check can compare content, mode and owner without another round trip.
 */
export function filesProbe(id: string, paths: readonly string[]): Probe {
  const list = paths.map(shQuote).join(' ');
  return {
    id,
    script: `for f in ${list}; do if [ -f "$f" ]; then printf '%s %s\\n' "$f" "$(stat -c '%a %U %G' "$f")"; base64 -w0 "$f"; echo; else printf '%s missing\\n\\n' "$f"; fi; done`,
  };
}

export function parseFiles(raw: string): Map<string, FileState | undefined> {
  const out = new Map<string, FileState | undefined>();
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i += 2) {
    const head = lines[i];
    if (!head) continue;
    const parts = head.split(' ');
    const path = parts[0] ?? '';
    if (parts[1] === 'missing') {
      out.set(path, undefined);
      continue;
    }
    const [, mode = '0', owner = '', group = ''] = parts;
    out.set(path, {
      mode: parseInt(mode, 8),
      owner,
      group,
      content: Buffer.from(lines[i + 1] ?? '', 'base64'),
    });
  }
  return out;
}
