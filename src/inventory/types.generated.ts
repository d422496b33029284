/* Generated from schemas/inventory.schema.json by `npm run gen`. Do not edit: change the schema. */

/**
 * An IPv4 or IPv6 address, or a DNS name.
 */
export type Address = string;
/**
 * A network in CIDR notation, e.g. `10.42.0.0/16`.
 */
export type Cidr = string;
export type Path = string;

/**
 * One YAML file that describes a cluster: its hosts, how rigger reaches them over SSH, RKE2 settings and the platform add-ons. Relative paths are relative to the inventory file; `~` is the user's home directory.
 */
export interface Inventory {
  cluster: Cluster;
  ssh: Ssh;
  /**
   * Every host of the cluster. Roles decide what runs where.
   *
   * @minItems 1
   */
  hosts: [Host, ...Host[]];
  addons: Addons;
}
/**
 * Cluster-wide settings.
 */
export interface Cluster {
  /**
   * Cluster name (an RFC 1123 label); names the kubeconfig context and the run lock.
   */
  name: string;
  rke2: Rke2;
  registrationAddress: Address;
  /**
   * Extra names and addresses for the API server certificate.
   */
  tlsSans: Address[];
  clusterCidr: Cidr;
  serviceCidr: Cidr;
  token: SecretRef;
  install: Install;
  registry?: Registry;
  /**
   * Allow exactly one control-plane host (a lab, never production). Without it the control plane needs an odd number of at least 3 hosts.
   */
  allowSingleServer: boolean;
}
/**
 * RKE2 release and server settings.
 */
export interface Rke2 {
  /**
   * Pinned RKE2 release. A host with another version installed is reported, never silently changed.
   */
  version: string;
  /**
   * etcd snapshot schedule (cron).
   */
  snapshotSchedule: string;
  /**
   * Number of etcd snapshots kept on each server.
   */
  snapshotRetention: number;
  /**
   * How long rigger waits for a node to be Ready (unit active, Node Ready, etcd member on servers) after starting or restarting RKE2 on it, before it fails the host and shows what it saw.
   */
  readyTimeoutSeconds: number;
}
/**
 * Where a secret comes from: an environment variable (`{ env: NAME }`) or a file (`{ file: PATH }`, its content with surrounding whitespace trimmed). Literal secrets are refused so that inventories can be committed.
 */
export interface SecretRef {
  /**
   * Name of an environment variable that holds the secret.
   */
  env?: string;
  /**
   * Path of a file that holds the secret.
   */
  file?: string;
}
/**
 * How RKE2 gets onto the hosts.
 */
export interface Install {
  /**
   * `online`: the official install script, on hosts that can reach it. `airgap`: rigger verifies and uploads the release artifacts itself.
   */
  mode: "online" | "airgap";
  artifactsDir?: Path;
}
/**
 * The site's container registry, where every node pulls its images (air-gapped and mirroring sites). rigger writes `/etc/rancher/rke2/registries.yaml` (mode 0600: it holds credentials) on every node before RKE2 starts, and sets RKE2's `system-default-registry` on the servers.
 */
export interface Registry {
  /**
   * RKE2's `system-default-registry` (a server setting): the registry (`host`, `host:port`, optionally with a path, no scheme) that RKE2's own images and its bundled charts' images are pulled from, e.g. `registry.example.internal:5000`.
   */
  systemDefault?: string;
  /**
   * registries.yaml `mirrors`: for each registry name images are pulled by (`docker.io`, `quay.io`, `*` for all), the site's endpoints, tried in order.
   */
  mirrors: {
    [k: string]: RegistryMirror | undefined;
  };
  /**
   * registries.yaml `configs`: for each registry host (`host:port` as in the endpoints), its credentials and TLS settings.
   */
  configs: {
    [k: string]: RegistryConfig | undefined;
  };
}
/**
 * The endpoints that serve one registry's images.
 */
export interface RegistryMirror {
  /**
   * Registry URLs (`https://registry.example.internal:5000`), tried in order.
   *
   * @minItems 1
   */
  endpoints: [string, ...string[]];
  /**
   * registries.yaml `rewrite`: regular expression to replacement, applied to image names pulled through these endpoints (a site that keeps images under another project).
   */
  rewrite?: {
    [k: string]: string | undefined;
  };
}
/**
 * How nodes authenticate to one registry and trust it.
 */
export interface RegistryConfig {
  /**
   * Basic authentication: the user name, and the password (or token) as a secret reference.
   */
  auth?: {
    /**
     * User name (not a secret: it is shown in plans as it is).
     */
    username: string;
    password: SecretRef;
  };
  /**
   * TLS towards this registry. Its certificate must be signed by a CA the nodes' operating system trusts (containerd verifies against the system trust store).
   */
  tls?: {
    /**
     * Do not verify the registry's certificate (a lab; never production).
     */
    insecureSkipVerify: boolean;
  };
}
/**
 * How rigger reaches hosts. Host keys are always verified.
 */
export interface Ssh {
  /**
   * Login user.
   */
  user: string;
  /**
   * SSH port.
   */
  port: number;
  privateKeyPath?: Path;
  knownHostsPath: Path;
  /**
   * `strict`: a host whose key is not in known_hosts is refused. `accept-new`: trust on first use, the key is appended (a changed key is still refused).
   */
  hostKeyPolicy: "strict" | "accept-new";
  bastion?: Bastion;
  /**
   * Run commands through `sudo -n` (for a non-root user).
   */
  become: boolean;
  /**
   * Seconds to wait for a connection.
   */
  connectTimeout: number;
  /**
   * Seconds a single remote command may run before it is stopped.
   */
  commandTimeout: number;
  /**
   * How many hosts rigger works on at once.
   */
  parallel: number;
}
/**
 * A jump host every connection goes through (like OpenSSH's ProxyJump). Its host key is checked against the same known_hosts.
 */
export interface Bastion {
  host: Address;
  /**
   * Bastion SSH port.
   */
  port: number;
  /**
   * Bastion login user; defaults to `ssh.user`.
   */
  user?: string;
  privateKeyPath?: Path;
}
/**
 * One machine.
 */
export interface Host {
  /**
   * Host and Kubernetes node name: a unique RFC 1123 label. rigger sets the hostname to it.
   */
  name: string;
  address: Address;
  /**
   * What the host runs: `control-plane` (RKE2 server with etcd), `worker` (RKE2 agent), `storage` (Ceph OSDs on `storage.devices`).
   *
   * @minItems 1
   */
  roles: ["control-plane" | "worker" | "storage", ...("control-plane" | "worker" | "storage")[]];
  /**
   * Operating system, checked against the host's facts before anything changes.
   */
  os: "ubuntu" | "flatcar";
  /**
   * Kubernetes node labels, which the kubelet sets on its own Node (RKE2 `node-label`). Keys and values are checked as the API server checks them; keys in the kubernetes.io and k8s.io namespaces only as far as a kubelet may set them (`node.kubernetes.io/*`, `kubelet.kubernetes.io/*`, `topology.kubernetes.io/zone` and a few more; not `node-role.kubernetes.io/*`).
   */
  labels: {
    [k: string]: string | undefined;
  };
  /**
   * Kubernetes node taints as `key=value:Effect` or `key:Effect` (RKE2 `node-taint`), checked as the kubelet and the API server check them: the key like a label key, the value like a label value, unique by key and effect.
   */
  taints: string[];
  /**
   * Storage for Ceph on hosts with the `storage` role.
   */
  storage?: {
    /**
     * Raw disks (no filesystem) that Ceph OSDs take over, e.g. `/dev/sdb`.
     */
    devices?: string[];
  };
  /**
   * The host's network, used for Flatcar's Ignition config and to check that MetalLB pools sit in a host subnet.
   */
  network?: {
    /**
     * Interface name, e.g. `eno1`.
     */
    interface?: string;
    /**
     * Prefix length of the host's subnet.
     */
    prefixLength: number;
    /**
     * Default gateway.
     */
    gateway?: string;
    /**
     * DNS servers.
     */
    dns?: string[];
  };
  ssh?: HostSsh;
}
/**
 * Per-host overrides of `ssh`.
 */
export interface HostSsh {
  /**
   * Login user.
   */
  user?: string;
  /**
   * SSH port.
   */
  port?: number;
  privateKeyPath?: Path;
  /**
   * Run commands through `sudo -n`.
   */
  become?: boolean;
  /**
   * A jump host for this host only, or `false` to connect directly.
   */
  bastion?: Bastion | false;
}
/**
 * The platform installed on the cluster. Every add-on has `enabled`, a pinned chart `version` and `values` overrides.
 */
export interface Addons {
  /**
   * How long rigger waits for each add-on: its chart's install job, the CRDs it brings and the workloads of its release.
   */
  timeoutSeconds: number;
  /**
   * One Helm chart repository (a site's mirror, e.g. `http://charts.example.internal/`) for every add-on chart, instead of each chart's upstream repository. An add-on's own `chartRepository` wins.
   */
  chartRepository?: string;
  /**
   * The storage every claim of the platform (Prometheus, Alertmanager, Grafana, Loki, Tempo, Thanos) uses.
   */
  storage: {
    /**
     * Give the stateful add-ons persistent volumes. `false`: they keep their data in `emptyDir` (lost when a pod moves); only for labs and CI.
     */
    persistence: boolean;
    /**
     * The StorageClass of every claim. With Rook-Ceph enabled rigger creates it (Ceph RBD, the default class; default name `ceph-block`); without, it must already exist on the cluster, and `validate` requires it unless `persistence` is false.
     */
    storageClass?: string;
  };
  /**
   * Cilium CNI with kube-proxy replacement, as RKE2 ships it: `cni: cilium` and rigger's values in the HelmChartConfig `rke2-cilium`.
   */
  cilium: {
    /**
     * Install Cilium as the CNI.
     */
    enabled: boolean;
    /**
     * The Cilium that the pinned RKE2 release bundles (its `rke2-cilium` chart, which RKE2 deploys): checked, not chosen; `validate` refuses another.
     */
    version: string;
    values: Values;
    /**
     * Replace kube-proxy (RKE2 runs with `disable-kube-proxy`).
     */
    kubeProxyReplacement: boolean;
  };
  /**
   * MetalLB in L2 mode, announcing the pools' addresses.
   */
  metallb: {
    /**
     * Install MetalLB.
     */
    enabled: boolean;
    /**
     * Chart version.
     */
    version: string;
    values: Values;
    /**
     * Address pools, e.g. `public` and `internal`.
     */
    pools: {
      /**
       * Pool name (an RFC 1123 label).
       */
      name: string;
      /**
       * Ranges `first-last` or CIDRs.
       *
       * @minItems 1
       */
      addresses: [string, ...string[]];
      /**
       * Hand out addresses to Services that do not ask for one.
       */
      autoAssign: boolean;
    }[];
    /**
     * Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
     */
    chartRepository?: string;
  };
  /**
   * Two F5 NGINX Ingress Controller instances (chart `nginx-ingress`), `public` and `internal`, each a DaemonSet with its own IngressClass and MetalLB address. (The community ingress-nginx this key was named after is retired.)
   */
  ingressNginx: {
    /**
     * Install the NGINX Ingress Controllers.
     */
    enabled: boolean;
    /**
     * nginx-ingress chart version (F5 NGINX Ingress Controller).
     */
    version: string;
    values: Values;
    public?: IngressInstance;
    internal?: IngressInstance;
    /**
     * Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
     */
    chartRepository?: string;
  };
  /**
   * Rook-Ceph: the operator, a CephCluster on the `storage` hosts' devices (3 mons, 2 mgrs), a replicated block pool with the platform's default StorageClass, and the Ceph CSI drivers.
   */
  rookCeph: {
    /**
     * Install Rook-Ceph.
     */
    enabled: boolean;
    /**
     * Rook chart version (rook-ceph and rook-ceph-cluster).
     */
    version: string;
    values: Values;
    /**
     * Where Ceph keeps its state on each host.
     */
    dataDirHostPath: string;
    /**
     * Helm chart repository to fetch this add-on's charts from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
     */
    chartRepository?: string;
    /**
     * ceph-csi-drivers chart version (Rook v1.20 no longer deploys the CSI drivers itself).
     */
    csiDriversVersion: string;
  };
  /**
   * Velero backups to S3-compatible storage.
   */
  velero: {
    /**
     * Install Velero.
     */
    enabled: boolean;
    /**
     * Chart version.
     */
    version: string;
    values: Values;
    s3?: S3;
    /**
     * Backup schedule (cron).
     */
    schedule: string;
    /**
     * How long backups are kept, e.g. `720h`.
     */
    ttl: string;
    /**
     * Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
     */
    chartRepository?: string;
  };
  /**
   * Metrics, alerts, dashboards, logs and traces.
   */
  observability: {
    objectStorage?: ObjectStorage;
    /**
     * Prometheus, from the kube-prometheus-stack chart (which also ships Alertmanager and Grafana).
     */
    prometheus: {
      /**
       * Install kube-prometheus-stack.
       */
      enabled: boolean;
      /**
       * kube-prometheus-stack chart version.
       */
      version: string;
      values: Values;
      /**
       * Local retention, e.g. `24h`.
       */
      retention: string;
      /**
       * Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
       */
      chartRepository?: string;
    };
    /**
     * Alertmanager, part of kube-prometheus-stack (its version is `prometheus.version`).
     */
    alertmanager: {
      /**
       * Run Alertmanager.
       */
      enabled: boolean;
      values: Values;
    };
    /**
     * Grafana, part of kube-prometheus-stack (its version is `prometheus.version`).
     */
    grafana: {
      /**
       * Run Grafana.
       */
      enabled: boolean;
      values: Values;
      adminPassword?: SecretRef;
    };
    /**
     * Thanos: the sidecar shipping Prometheus blocks to object storage, and Query, Store Gateway and Compactor (chart `thanos` of thanos-community) reading and compacting them; Grafana queries through Thanos Query.
     */
    thanos: {
      /**
       * Run Thanos.
       */
      enabled: boolean;
      /**
       * thanos chart version (github.com/thanos-community/helm-charts).
       */
      version: string;
      /**
       * Thanos image tag of the sidecar and of every Thanos component (the chart's appVersion).
       */
      imageTag: string;
      values: Values;
      /**
       * Bucket for metric blocks.
       */
      bucket?: string;
      /**
       * Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
       */
      chartRepository?: string;
    };
    /**
     * Loki log store on object storage.
     */
    loki: {
      /**
       * Install Loki.
       */
      enabled: boolean;
      /**
       * Chart version.
       */
      version: string;
      values: Values;
      /**
       * Bucket for log chunks.
       */
      bucket?: string;
      /**
       * Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
       */
      chartRepository?: string;
    };
    /**
     * The log shipper (Grafana Alloy) sending pod and host logs to Loki.
     */
    logs: {
      /**
       * Install the log shipper.
       */
      enabled: boolean;
      /**
       * Alloy chart version.
       */
      version: string;
      values: Values;
      /**
       * Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
       */
      chartRepository?: string;
    };
    /**
     * Tempo trace store on object storage.
     */
    tempo: {
      /**
       * Install Tempo.
       */
      enabled: boolean;
      /**
       * Chart version.
       */
      version: string;
      values: Values;
      /**
       * Bucket for traces.
       */
      bucket?: string;
      /**
       * Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).
       */
      chartRepository?: string;
    };
  };
}
/**
 * Helm values merged over rigger's own values for this chart (yours win).
 */
export interface Values {
  [k: string]: unknown | undefined;
}
/**
 * One NGINX Ingress Controller instance.
 */
export interface IngressInstance {
  /**
   * The Service's address; must lie in a MetalLB pool.
   */
  loadBalancerIP: string;
  /**
   * IngressClass name; the instance serves only Ingresses of this class (`-ingress-class`).
   */
  className: string;
  /**
   * MetalLB pool to take the address from; by default the pool that contains it.
   */
  pool?: string;
}
/**
 * An S3-compatible bucket.
 */
export interface S3 {
  /**
   * Endpoint URL, e.g. `https://s3.example.com`.
   */
  endpoint: string;
  /**
   * Bucket name.
   */
  bucket: string;
  /**
   * Region.
   */
  region: string;
  /**
   * Use path-style bucket URLs (MinIO, Ceph RGW).
   */
  forcePathStyle: boolean;
  credentials: SecretRef;
}
/**
 * An S3-compatible endpoint and credentials.
 */
export interface ObjectStorage {
  /**
   * Endpoint URL, e.g. `https://s3.example.com`.
   */
  endpoint: string;
  /**
   * Region.
   */
  region: string;
  /**
   * Use path-style bucket URLs (MinIO, Ceph RGW).
   */
  forcePathStyle: boolean;
  credentials: SecretRef;
}
