import { statSync } from 'node:fs';
import { error, warning, type Finding, type Rule } from './rule.ts';
import { pathFields, secretRefs } from '../paths.ts';

/**
 * Files the inventory names must exist before any host is touched, reported at the line that
 * names them. Paths were made absolute by the loader; the message shows the resolved path.
 */
export const localFiles: Rule = ({ inventory, env }) => {
  const findings: Finding[] = [];
  for (const field of pathFields(inventory)) {
    const kind = statKind(field.value);
    if (kind === undefined && field.mayBeCreated) continue;
    if (kind === undefined) findings.push(error(field.path, `${field.kind} not found: ${field.value}`));
    else if (kind !== field.kind) findings.push(error(field.path, `${field.value} is not a ${field.kind}`));
  }
  // An unset variable is only a warning here: validation often runs where secrets are not present
  // (an editor, a CI lint job). Commands that use the secret refuse to start without it.
  for (const { path, ref } of secretRefs(inventory)) {
    if (ref.env !== undefined && !env[ref.env]) {
      findings.push(
        warning(
          [...path, 'env'],
          `environment variable ${ref.env} is not set; commands that need this secret will refuse to start`,
        ),
      );
    }
  }
  return findings;
};

function statKind(path: string): 'file' | 'directory' | 'other' | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}
