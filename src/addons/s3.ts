import { RunError } from '../core/errors.ts';

export interface S3Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * S3 credentials as the inventory's secret holds them: `ACCESS_KEY:SECRET_KEY`, or an AWS
 * credentials file (`aws_access_key_id = …`, `aws_secret_access_key = …`). The error names the
 * inventory path, never the value.
 */
export function parseS3Credentials(value: string, path: string): S3Keys {
  const id = /^\s*aws_access_key_id\s*=\s*(\S+)\s*$/m.exec(value)?.[1];
  const key = /^\s*aws_secret_access_key\s*=\s*(\S+)\s*$/m.exec(value)?.[1];
  if (id && key) return { accessKeyId: id, secretAccessKey: key };
  const colon = value.trim().indexOf(':');
  if (!value.includes('\n') && colon > 0 && colon < value.trim().length - 1) {
    return { accessKeyId: value.trim().slice(0, colon), secretAccessKey: value.trim().slice(colon + 1) };
  }
  throw new RunError(
    `${path}: the secret is neither ACCESS_KEY:SECRET_KEY nor an AWS credentials file with aws_access_key_id and aws_secret_access_key`,
  );
}

/** The AWS credentials file Velero's AWS plugin reads. */
export function awsCredentialsFile(keys: S3Keys): string {
  return `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`;
}

/** Host[:port] of an endpoint URL and whether it is plain HTTP (what Thanos, Loki and Tempo take). */
export function endpointParts(endpoint: string): { host: string; insecure: boolean } {
  const u = new URL(endpoint);
  return { host: u.host, insecure: u.protocol === 'http:' };
}

/** The secret's value, or a RunError naming the inventory path it should come from. */
export function secretAt(secrets: ReadonlyMap<string, string>, path: string): string {
  const v = secrets.get(path);
  if (v === undefined) throw new RunError(`${path}: no secret value was resolved for it`);
  return v;
}
