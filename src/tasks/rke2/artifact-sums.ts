/**
 * The sha256 of an uploaded artifact, remembered on the host with the file's size and mtime, so
 * that a no-op run does not hash RKE2's images again on every host (about 800 MB in a real
 * release: seconds of CPU per host and run). The quick check is the one rsync and make trust: a
 * file whose size or mtime changed since rigger wrote it is hashed again in full; a file without
 * a record (uploaded by an older rigger, or by hand) always is.
 */
import { shQuote } from '../../hosts/shell-quote.ts';

/** Where the records live: outside RKE2's images folder, which RKE2 imports file by file. */
export const ARTIFACT_SUMS_DIR = '/var/lib/rigger/artifact-sums';

const recordOf = (path: string): string => `${ARTIFACT_SUMS_DIR}/${path.replace(/\//g, '_')}`;

/** `<sha256>  <path>` per file that exists, as sha256sum prints it: from the record when current. */
export function artifactSumsScript(paths: readonly string[]): string {
  const lines = paths.map((p) => {
    const f = shQuote(p);
    const r = shQuote(recordOf(p));
    return (
      `if [ -f ${f} ]; then ` +
      `if [ -r ${r} ] && [ "$(cut -d' ' -f2- ${r})" = "$(stat -c '%s %Y' ${f})" ]; then ` +
      `printf '%s  %s\\n' "$(cut -d' ' -f1 ${r})" ${f}; else sha256sum ${f}; fi; fi`
    );
  });
  return lines.join('\n');
}

/**
 * After an upload: hashes the file on the host once, fails unless it is the verified sha256 (the
 * upload's own check), and records it with the file's size and mtime.
 */
export function recordSumScript(path: string, sha256: string): string {
  const r = recordOf(path);
  return [
    `printf '%s  %s\\n' ${shQuote(sha256)} ${shQuote(path)} | sha256sum -c --quiet -`,
    `mkdir -p ${shQuote(ARTIFACT_SUMS_DIR)}`,
    `printf '%s %s\\n' ${shQuote(sha256)} "$(stat -c '%s %Y' ${shQuote(path)})" > ${shQuote(`${r}.tmp`)}`,
    `mv -f ${shQuote(`${r}.tmp`)} ${shQuote(r)}`,
  ].join(' && ');
}
