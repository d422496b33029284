/**
 * Secrets (tokens, keys, S3 credentials) must never reach logs, errors or output. Every value
 * resolved from a secret reference is registered here, and every line rigger prints or records
 * passes through `redact`.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a secret value. Values shorter than 4 characters are ignored: too common to mask. */
  add(secret: string): void {
    const v = secret.trim();
    if (v.length >= 4) this.#secrets.add(v);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const s of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(s).join('***');
    }
    return out;
  }
}
