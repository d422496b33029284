import type { KubernetesObject } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { ConfigError } from '../core/errors.ts';
import type { Inventory } from '../inventory/types.generated.ts';
import { secret } from './addon.ts';
import { endpointParts, parseS3Credentials, secretAt, type S3Keys } from './s3.ts';

const PATH = 'addons.observability.objectStorage';

/** The observability stack's object storage and its keys (Thanos, Loki and Tempo share it). */
export function observabilityStorage(
  inventory: Inventory,
  secrets: ReadonlyMap<string, string>,
  component: string,
): {
  endpoint: string;
  host: string;
  insecure: boolean;
  region: string;
  forcePathStyle: boolean;
  keys: S3Keys;
} {
  const os = inventory.addons.observability.objectStorage;
  if (!os) throw ConfigError.plain(PATH, `is required when ${component} is enabled`);
  const keys = parseS3Credentials(secretAt(secrets, `${PATH}.credentials`), `${PATH}.credentials`);
  return {
    ...endpointParts(os.endpoint),
    endpoint: os.endpoint,
    region: os.region,
    forcePathStyle: os.forcePathStyle,
    keys,
  };
}

/** The Thanos object store configuration (objstore.yml), built as data. */
export function thanosObjstore(storage: ReturnType<typeof observabilityStorage>, bucket: string): string {
  return stringify({
    type: 'S3',
    config: {
      bucket,
      endpoint: storage.host,
      region: storage.region,
      insecure: storage.insecure,
      access_key: storage.keys.accessKeyId,
      secret_key: storage.keys.secretAccessKey,
      bucket_lookup_type: storage.forcePathStyle ? 'path' : 'auto',
    },
  });
}

/**
 * The S3 keys as environment variables (the names the AWS SDKs read), in a Secret of the
 * component's namespace. Loki and Tempo render their whole configuration into a ConfigMap; with
 * `-config.expand-env=true` they read `${AWS_ACCESS_KEY_ID}` there from this Secret instead.
 */
export function s3EnvSecret(namespace: string, name: string, keys: S3Keys): KubernetesObject {
  return secret(namespace, name, {
    [S3_ENV.accessKeyId]: keys.accessKeyId,
    [S3_ENV.secretAccessKey]: keys.secretAccessKey,
  });
}

export const S3_ENV = { accessKeyId: 'AWS_ACCESS_KEY_ID', secretAccessKey: 'AWS_SECRET_ACCESS_KEY' } as const;

/**
 * A pod annotation that changes when the keys do: a component reads its environment only at
 * start, so new keys must roll its pods (the chart re-runs, its pod template changes). A digest,
 * not the keys.
 */
export function keysDigest(keys: S3Keys): Record<string, string> {
  const digest = createHash('sha256').update(`${keys.accessKeyId}\n${keys.secretAccessKey}`).digest('hex');
  return { 'rigger.dev/s3-keys-sha256': digest };
}

/** `${NAME}`: a reference the component expands from its environment at start. */
export const envRef = (name: string): string => `\${${name}}`;
