/**
 * What the RKE2 tasks decide from, gathered with every other fact in the run's one exec per host:
 * the installed version, the unit's state, whether this host holds etcd data, and the artifacts
 * already on the host. The parsers are pure so the checks can be tested without hosts.
 */
import type { V1Node } from '@kubernetes/client-node';
import { filesProbe, parseFiles, type FileState } from '../../hosts/file-facts.ts';
import type { Facts, Probe } from '../../hosts/probe.ts';
import { shQuote } from '../../hosts/shell-quote.ts';
import type { Host } from '../../inventory/types.generated.ts';
import { artifactSumsScript } from './artifact-sums.ts';
import { RKE2_CONFIG } from './rke2-config.ts';
import {
  ARTIFACT_STAGING_DIR,
  RKE2_DATA_DIR,
  RKE2_ETCD_DATA,
  RKE2_IMAGES_DIR,
  rke2Layout,
} from './rke2-layout.ts';

export const INSTALLED_PROBE = 'rke2:installed';
export const SERVICE_PROBE = 'rke2:service';
export const CONFIG_PROBE = 'files:rke2-config';
export const ARTIFACTS_PROBE = 'rke2:artifacts';
export const NODE_PROBE = 'rke2:node';

export interface InstalledRke2 {
  /** `v1.35.7+rke2r1`, or undefined when no rke2 binary runs at the layout's path. */
  version?: string;
  /** Whether the unit file is where the layout puts it. */
  unitFile: boolean;
}

export interface Rke2Service {
  enabled: string;
  /** `active`, `activating`, `inactive`, `failed`, ... */
  active: string;
  /** When the unit last became active (epoch seconds), 0 when it never did. */
  activeSince: number;
  /** config.yaml's mtime (epoch seconds), 0 when it is missing. */
  configMtime: number;
  /** This host holds etcd data: it is, or was, a member of a cluster. */
  etcdData: boolean;
}

export function rke2Probes(host: Host): Probe[] {
  const { binary, unit, unitDir } = rke2Layout(host);
  return [
    {
      id: INSTALLED_PROBE,
      script: `if [ -x ${binary} ]; then ${binary} --version | head -n 1; fi; if [ -f ${unitDir}/${unit}.service ]; then echo unit-file; fi`,
    },
    {
      id: SERVICE_PROBE,
      script: [
        `echo "enabled=$(systemctl is-enabled ${unit} 2>/dev/null)"`,
        `echo "active=$(systemctl is-active ${unit} 2>/dev/null)"`,
        `ts=$(systemctl show -p ActiveEnterTimestamp --value ${unit} 2>/dev/null)`,
        `echo "since=$( [ -n "$ts" ] && date -d "$ts" +%s)"`,
        `echo "config-mtime=$(stat -c %Y ${RKE2_CONFIG} 2>/dev/null)"`,
        `if [ -d ${RKE2_ETCD_DATA}/member ]; then echo etcd-data=yes; fi`,
      ].join('; '),
    },
    filesProbe(CONFIG_PROBE, [RKE2_CONFIG]),
  ];
}

/**
 * The host's own Node, read from the API server with the credentials RKE2 keeps on the host: a
 * server's admin client certificate on its local API server, an agent's kubelet certificate at
 * the address its kubelet uses (RKE2's local load balancer). Gathered with the other facts, so a
 * rerun sees a NotReady node or a non-voting server without a round trip of its own.
 */
export function nodeProbe(host: Host): Probe {
  const name = shQuote(host.name);
  const fetch = `curl -sS --max-time 5 --cacert "$ca" --cert "$crt" --key "$key" -w '\\nhttp=%{http_code}\\n' "$url/api/v1/nodes/"${name}`;
  const script =
    rke2Layout(host).role === 'server'
      ? `t=${RKE2_DATA_DIR}/server/tls; if [ -f "$t/client-admin.crt" ]; then url=https://127.0.0.1:6443; ca=$t/server-ca.crt; crt=$t/client-admin.crt; key=$t/client-admin.key; ${fetch} 2>&1; fi`
      : `a=${RKE2_DATA_DIR}/agent; if [ -f "$a/kubelet.kubeconfig" ]; then url=$(sed -n 's/^ *server: *//p' "$a/kubelet.kubeconfig" | head -n 1); ca=$a/server-ca.crt; crt=$a/client-kubelet.crt; key=$a/client-kubelet.key; ${fetch} 2>&1; fi`;
  return { id: NODE_PROBE, script };
}

/** The host's Node as its probe read it. */
export type NodeFact =
  { state: 'no-credentials' } | { state: 'found'; node: V1Node } | { state: 'unreadable'; seen: string };

export function parseNode(facts: Facts): NodeFact {
  const raw = facts.has(NODE_PROBE) ? facts.get(NODE_PROBE).trim() : '';
  if (!raw) return { state: 'no-credentials' };
  const code = /\nhttp=(\d{3})$/.exec(`\n${raw}`)?.[1];
  const body = raw.replace(/\n?http=\d{3}$/, '').trim();
  if (code === '200') {
    try {
      return { state: 'found', node: JSON.parse(body) as V1Node };
    } catch {
      return { state: 'unreadable', seen: 'the API server answered with something that is not a Node' };
    }
  }
  if (code === '404') return { state: 'unreadable', seen: 'not registered in the API server' };
  const line = body.split('\n').find((l) => l.trim()) ?? '';
  return {
    state: 'unreadable',
    seen: `the API server did not answer (${code && code !== '000' ? `HTTP ${code}: ` : ''}${line.slice(0, 200)})`,
  };
}

/** sha256 of the artifacts rigger uploads, where they are on the host (airgap installs). */
export function artifactsProbe(names: { staged: readonly string[]; images: readonly string[] }): Probe {
  const paths = [
    ...names.staged.map((n) => `${ARTIFACT_STAGING_DIR}/${n}`),
    ...names.images.map((n) => `${RKE2_IMAGES_DIR}/${n}`),
  ];
  return { id: ARTIFACTS_PROBE, script: artifactSumsScript(paths) };
}

export function parseInstalled(facts: Facts): InstalledRke2 {
  const raw = facts.get(INSTALLED_PROBE);
  const version = /^rke2 version (v\S+)/m.exec(raw)?.[1];
  return { ...(version ? { version } : {}), unitFile: /^unit-file$/m.test(raw) };
}

export function parseService(facts: Facts): Rke2Service {
  const fields = new Map<string, string>();
  for (const line of facts.get(SERVICE_PROBE).split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) fields.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  const num = (k: string): number => Number(fields.get(k) || 0) || 0;
  return {
    enabled: fields.get('enabled') || 'not-found',
    active: fields.get('active') || 'inactive',
    activeSince: num('since'),
    configMtime: num('config-mtime'),
    etcdData: fields.get('etcd-data') === 'yes',
  };
}

export function currentConfig(facts: Facts): FileState | undefined {
  return parseFiles(facts.get(CONFIG_PROBE)).get(RKE2_CONFIG);
}

/** Path on the host -> sha256, for the artifacts that are there. */
export function parseArtifacts(facts: Facts): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of facts.get(ARTIFACTS_PROBE).split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (m?.[1] && m[2]) out.set(m[2], m[1]);
  }
  return out;
}
