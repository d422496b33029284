import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { projectPath } from '../core/project-root.ts';

/** The top-level `manifests/` folder: one folder per add-on. */
export const MANIFESTS_DIR = projectPath('manifests');

const cache = new Map<string, KubernetesObject[]>();

/**
 * The objects of `manifests/<folder>/<file>`, parsed once and copied on every call so that
 * rendering can fill them in without touching the cache.
 */
export function manifestObjects(folder: string, file: string): KubernetesObject[] {
  const path = join(MANIFESTS_DIR, folder, file);
  let objects = cache.get(path);
  if (!objects) {
    const docs = parseAllDocuments(readFileSync(path, 'utf8'));
    const list = Array.isArray(docs) ? docs : [docs];
    const errors = list.flatMap((d) => d.errors);
    if (errors.length) throw new Error(`${path}: ${errors.map((e) => e.message).join('; ')}`);
    objects = list
      .map((d) => d.toJS() as KubernetesObject | null)
      .filter((o): o is KubernetesObject => o !== null);
    cache.set(path, objects);
  }
  return structuredClone(objects);
}

/** The one object of a manifest file. */
export function manifestObject(folder: string, file: string): KubernetesObject {
  const objects = manifestObjects(folder, file);
  if (objects.length !== 1 || !objects[0])
    throw new Error(
      `${join(MANIFESTS_DIR, folder, file)}: expected exactly one object, found ${objects.length}`,
    );
  return objects[0];
}

/** An object with a `spec`, as the add-ons fill them in. */
export type SpecObject = KubernetesObject & { spec: Record<string, unknown> };

/** The one object of a manifest file, which must have a `spec` map. */
export function specObject(folder: string, file: string): SpecObject {
  const o = manifestObject(folder, file) as KubernetesObject & { spec?: unknown };
  if (typeof o.spec !== 'object' || o.spec === null)
    throw new Error(`${join(MANIFESTS_DIR, folder, file)}: ${o.kind ?? 'the object'} has no spec`);
  return o as SpecObject;
}

/** Sets an object's name (manifests name per-instance objects with a placeholder). */
export function named<T extends KubernetesObject>(o: T, name: string): T {
  (o.metadata ??= {}).name = name;
  return o;
}
