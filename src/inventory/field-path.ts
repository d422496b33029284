/** A path into a YAML/JSON document: object keys and array indexes. */
export type FieldPath = readonly (string | number)[];

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `hosts[4].name`, `hosts[0].labels["topology.kubernetes.io/zone"]`: how paths are shown to people. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Turns an ajv instancePath (`/hosts/4/name`, JSON Pointer) into a FieldPath. */
export function fromJsonPointer(pointer: string): FieldPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}
