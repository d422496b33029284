import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { didYouMean } from '../core/suggest.ts';
import { readInputFile } from '../inventory/input-file.ts';
import { compileSchema, readSchema } from '../inventory/schema.ts';
import { schemaProblems } from '../inventory/schema-errors.ts';
import { SourceMap } from '../inventory/source-map.ts';
import type { Host } from '../inventory/types.generated.ts';
import type { ClusterTask } from '../tasks/cluster/cluster-task.ts';
import type { Task } from '../tasks/task.ts';
import { projectPath } from '../core/project-root.ts';
import { parseStrategy, type Strategy } from '../engine/strategy.ts';

/** Which hosts a phase runs on; every condition given must hold. */
export interface HostSelector {
  roles?: Host['roles'][number][];
  os?: Host['os'][];
  names?: string[];
}

/** A phase of tasks on hosts, over SSH. */
export interface HostPhase {
  target: 'hosts';
  name: string;
  hosts: HostSelector;
  strategy: Strategy;
  tasks: Task[];
}

/** A phase of tasks on the cluster, through its API, in order; it stops at the first failure. */
export interface ClusterPhase {
  target: 'cluster';
  name: string;
  tasks: ClusterTask[];
}

export type Phase = HostPhase | ClusterPhase;

export interface Playbook {
  name: string;
  file: string;
  phases: Phase[];
}

/** The playbooks shipped with rigger, in the top-level `playbooks/` folder. */
export const PLAYBOOKS_DIR = projectPath('playbooks');
const SCHEMA_PATH = projectPath('schemas', 'playbook.schema.json');

let validate: ReturnType<typeof compileSchema> | undefined;

interface RawPlaybook {
  name: string;
  phases: {
    name: string;
    target: 'hosts' | 'cluster';
    hosts: HostSelector;
    strategy: string;
    tasks: string[];
  }[];
}

/**
 * Loads a playbook file: schema, then every task name resolved against the registry of its
 * phase's target (host tasks, or cluster tasks).
 */
export async function loadPlaybook(
  file: string,
  registry: ReadonlyMap<string, Task>,
  clusterRegistry: ReadonlyMap<string, ClusterTask> = new Map(),
): Promise<Playbook> {
  const text = await readInputFile(file, file, 'playbook');
  const { source, problems } = SourceMap.parse(file, text);
  if (problems.length) throw new ConfigError(problems);
  const data = source.toJS();
  validate ??= compileSchema(readSchema(SCHEMA_PATH));
  if (!validate(data)) throw new ConfigError(schemaProblems(validate.errors ?? [], source));
  const raw = data as RawPlaybook;

  const errors: ConfigProblem[] = [];
  const names = new Set<string>();
  raw.phases.forEach((phase, p) => {
    if (names.has(phase.name))
      errors.push(source.problem(['phases', p, 'name'], `duplicate phase "${phase.name}"`));
    names.add(phase.name);
    const known = phase.target === 'cluster' ? clusterRegistry : registry;
    phase.tasks.forEach((id, t) => {
      if (known.has(id)) return;
      const what = phase.target === 'cluster' ? 'cluster task' : 'task';
      errors.push(
        source.problem(
          ['phases', p, 'tasks', t],
          `unknown ${what} "${id}"${didYouMean(id, [...known.keys()])}`,
        ),
      );
    });
  });
  if (errors.length) throw new ConfigError(errors);

  return {
    name: raw.name,
    file,
    phases: raw.phases.map((p): Phase =>
      p.target === 'cluster'
        ? {
            target: 'cluster',
            name: p.name,
            tasks: p.tasks.map((id) => clusterRegistry.get(id) as ClusterTask),
          }
        : {
            target: 'hosts',
            name: p.name,
            hosts: p.hosts,
            strategy: parseStrategy(p.strategy, `${file} phases.${p.name}.strategy`),
            tasks: p.tasks.map((id) => registry.get(id) as Task),
          },
    ),
  };
}

export function selects(selector: HostSelector, host: Host): boolean {
  if (selector.roles && !selector.roles.some((r) => host.roles.includes(r))) return false;
  if (selector.os && !selector.os.includes(host.os)) return false;
  if (selector.names && !selector.names.includes(host.name)) return false;
  return true;
}
