import { createTwoFilesPatch } from 'diff';
import type { FileState } from '../hosts/file-facts.ts';
import type { Transport } from '../hosts/transport.ts';

/**
 * One mutation of one host. Every change rigger makes is one of these: a dry run prints
 * `summary` and `diff` of exactly the changes a real run would `apply`.
 */
export interface Change {
  /** One line, e.g. `sysctl net.ipv4.conf.all.forwarding: 0 -> 1`. */
  summary: string;
  /** For files: a unified diff of the content (omitted for files that hold secrets). */
  diff?: string;
  apply(t: Transport): Promise<void>;
}

/** A command that makes the change; `summary` says what it does in the operator's words. */
export function commandChange(summary: string, command: string): Change {
  return {
    summary,
    apply: async (t) => {
      await t.run(command);
    },
  };
}

export interface DesiredFile {
  path: string;
  content: string;
  mode: number;
  owner?: string;
  group?: string;
  /** Holds secrets: the plan shows that it changes, never how. */
  sensitive?: boolean;
  /** Commands to run after the file changed (e.g. reload a service). */
  then?: string[];
}

/**
 * The change that makes a file what it should be, or none when it already is (content, mode and
 * owner compared against the gathered facts). Written atomically by the transport.
 */
export function fileChange(want: DesiredFile, current: FileState | undefined): Change | undefined {
  const owner = want.owner ?? 'root';
  const group = want.group ?? 'root';
  const content = Buffer.from(want.content);
  const sameContent = current?.content.equals(content) ?? false;
  const sameMeta =
    current !== undefined && current.mode === want.mode && current.owner === owner && current.group === group;
  if (sameContent && sameMeta) return undefined;

  const mode = want.mode.toString(8).padStart(4, '0');
  let summary: string;
  if (!current) summary = `create ${want.path} (mode ${mode})`;
  else if (!sameContent) summary = `update ${want.path}`;
  else summary = `set ${want.path} to mode ${mode}, owner ${owner}:${group}`;

  let diff: string | undefined;
  if (!sameContent) {
    diff = want.sensitive
      ? '(content not shown: the file holds secrets)'
      : createTwoFilesPatch(
          want.path,
          want.path,
          current?.content.toString('utf8') ?? '',
          want.content,
          '',
          '',
          {
            context: 2,
          },
        )
          .split('\n')
          .slice(2) // the "Index:" and "===" header lines say nothing here
          .join('\n')
          .trimEnd();
  }
  return {
    summary,
    ...(diff === undefined ? {} : { diff }),
    apply: async (t) => {
      await t.writeFile(want.path, content, { mode: want.mode, owner, group });
      for (const cmd of want.then ?? []) await t.run(cmd);
    },
  };
}
