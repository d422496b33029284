/**
 * Secrets (tokens, keys, S3 credentials) must never reach logs, errors or output. Every value
 * resolved from a secret reference is registered here, and everything rigger prints or records
 * passes through it: values are redacted before they are encoded (JSON, shell quoting), and the
 * encoded forms of each secret are registered too, as a second line of defence for text that was
 * encoded elsewhere.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  #sorted: string[] | undefined;

  /**
   * Registers a secret value and every part rigger may split it into: each line of a multi-line
   * secret, the value of each `key = value` or `key: value` line (an AWS credentials file), both
   * halves of `ACCESS_KEY:SECRET_KEY`, and each of those as JSON and shell quoting write it.
   * Parts shorter than 4 characters are ignored: too common to mask.
   */
  add(secret: string): void {
    for (const part of partsOf(secret)) {
      for (const form of encodedForms(part)) if (form.length >= 4) this.#secrets.add(form);
    }
    this.#sorted = undefined;
  }

  redact(text: string): string {
    // Longest first, so a secret that contains another is masked whole.
    this.#sorted ??= [...this.#secrets].sort((a, b) => b.length - a.length);
    let out = text;
    for (const s of this.#sorted) if (out.includes(s)) out = out.split(s).join('***');
    return out;
  }

  /** A copy of a JSON-like value with every string (keys included) redacted, for encoding. */
  redactValue<T>(value: T): T {
    return this.#deep(value) as T;
  }

  #deep(v: unknown): unknown {
    if (typeof v === 'string') return this.redact(v);
    if (Array.isArray(v)) return v.map((x) => this.#deep(x));
    if (v instanceof Error) return this.redact(v.message);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.redact(k), this.#deep(x)]));
    }
    return v;
  }
}

function partsOf(secret: string): string[] {
  const whole = secret.trim();
  const parts = new Set([whole]);
  const lines = whole.split(/\r?\n/).map((l) => l.trim());
  if (lines.length > 1) {
    for (const line of lines) {
      if (/^\[.*\]$/.test(line) || line.startsWith('#')) continue; // a section header is no secret
      parts.add(line);
      const kv = /^[\w.-]+\s*[=:]\s*(.+)$/.exec(line);
      if (kv?.[1]) parts.add(kv[1].trim());
    }
  } else if (/^K10[0-9a-f]+::[^:\s]+:\S+$/.test(whole)) {
    // An RKE2 secure token, K10<ca hash>::<user>:<password>: the credentials are the secret.
    const creds = whole.slice(whole.indexOf('::') + 2);
    parts.add(creds).add(creds.slice(creds.indexOf(':') + 1));
  } else if (/^[^\s:/]+:(?!\/)[^\s:]+$/.test(whole)) {
    // ACCESS_KEY:SECRET_KEY, split by the S3 code into its two halves.
    const colon = whole.indexOf(':');
    parts.add(whole.slice(0, colon)).add(whole.slice(colon + 1));
  }
  return [...parts].filter(Boolean);
}

function encodedForms(part: string): string[] {
  const json = JSON.stringify(part).slice(1, -1);
  const shell = part.replace(/'/g, `'\\''`);
  return [...new Set([part, json, shell, JSON.stringify(json).slice(1, -1)])];
}
