import { RunError } from '../core/errors.ts';
import type { Transport } from './transport.ts';
/**
 * Facts are gathered once per host in one exec: every task names the probes it needs, and the
 * probes of all tasks run as one script. A probe is a POSIX sh snippet whose standard output is
 * the raw fact; its stderr is dropped and its exit code ignored (a missing file is a fact too).
 */
export interface Probe {
  /** Unique per fact, e.g. `sysctl:net.ipv4.conf.all.forwarding` or `files:sysctls`. */
  id: string;
  script: string;
}

const MARK = '@@rigger-probe ';

/** One script that runs every probe and separates their outputs with marker lines. */
export function composeProbes(probes: readonly Probe[]): string {
  const unique = new Map(probes.map((p) => [p.id, p]));
  return [...unique.values()]
    .map(
      (p) =>
        `printf '\\n%s%s\\n' '${MARK}' '${p.id.replace(/'/g, '')}'\n{ ${p.script}\n} 2>/dev/null </dev/null || true`,
    )
    .join('\n');
}

/**
 * Runs probes in one exec. Probes' own exit codes are ignored, so a failure here means the shell
 * itself could not run: reported in a line, not with the whole script.
 */
export async function gather(
  t: Transport,
  probes: readonly Probe[],
  prefix = '',
): Promise<Map<string, string>> {
  const res = await t.exec(`${prefix}${composeProbes(probes)}`);
  if (res.code !== 0) {
    throw new RunError(
      `${t.host}: gathering facts failed with exit code ${res.code}: ${res.stderr.trim().split('\n').slice(-5).join('\n')}`,
    );
  }
  return parseProbes(res.stdout);
}

/** Splits the combined output back into one raw string per probe id. */
export function parseProbes(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | undefined;
  let lines: string[] = [];
  const flush = (): void => {
    if (id !== undefined) out.set(id, lines.join('\n').replace(/\n+$/, ''));
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(MARK)) {
      flush();
      id = line.slice(MARK.length);
      lines = [];
    } else if (id !== undefined) {
      lines.push(line);
    }
  }
  flush();
  // Each section starts after the blank line printed before its marker.
  for (const [k, v] of out) out.set(k, v.replace(/^\n/, ''));
  return out;
}

/** Read access to gathered facts; a probe that was not gathered is a bug, not an empty fact. */
export class Facts {
  constructor(
    readonly host: string,
    private readonly raw: ReadonlyMap<string, string>,
  ) {}

  get(id: string): string {
    const v = this.raw.get(id);
    if (v === undefined) throw new Error(`${this.host}: fact "${id}" was not gathered`);
    return v;
  }

  has(id: string): boolean {
    return this.raw.has(id);
  }

  /** A copy with some facts replaced (after a re-check of one task). */
  with(update: ReadonlyMap<string, string>): Facts {
    return new Facts(this.host, new Map([...this.raw, ...update]));
  }
}
