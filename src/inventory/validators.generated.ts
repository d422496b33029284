/* Generated from schemas/*.schema.json by `npm run gen`. Do not edit: change the schema. */
/* eslint-disable */
// ajv's standalone code is untyped JavaScript; what it exports is typed at the end.
// @ts-nocheck
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv/dist/2020.js';

// The code refers to ajv's runtime helpers and ajv-formats' formats with require().
const require = createRequire(import.meta.url);

const schema36 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rigger.dev/schemas/inventory.schema.json',
  title: 'rigger inventory',
  description:
    "One YAML file that describes a cluster: its hosts, how rigger reaches them over SSH, RKE2 settings and the platform add-ons. Relative paths are relative to the inventory file; `~` is the user's home directory.",
  type: 'object',
  additionalProperties: false,
  required: ['cluster', 'hosts'],
  properties: {
    cluster: { $ref: '#/$defs/cluster' },
    ssh: { $ref: '#/$defs/ssh', default: {} },
    hosts: {
      description: 'Every host of the cluster. Roles decide what runs where.',
      type: 'array',
      minItems: 1,
      items: { $ref: '#/$defs/host' },
    },
    addons: { $ref: '#/$defs/addons', default: {} },
  },
  $defs: {
    secretRef: {
      description:
        'Where a secret comes from: an environment variable (`{ env: NAME }`) or a file (`{ file: PATH }`, its content with surrounding whitespace trimmed). Literal secrets are refused so that inventories can be committed.',
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        env: {
          description: 'Name of an environment variable that holds the secret.',
          type: 'string',
          pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        },
        file: { description: 'Path of a file that holds the secret.', type: 'string', minLength: 1 },
      },
      errorMessage: {
        type: 'a literal secret is refused: write { env: NAME } or { file: PATH }',
        minProperties: 'a secret reference needs exactly one of env or file',
        maxProperties: 'a secret reference needs exactly one of env or file',
      },
    },
    address: {
      description: 'An IPv4 or IPv6 address, or a DNS name.',
      type: 'string',
      anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }, { format: 'hostname' }],
      not: { pattern: '(^|\\.)[0-9]+\\.?$', not: { format: 'ipv4' } },
      errorMessage: {
        anyOf: 'must be an IPv4 or IPv6 address or a DNS name',
        not: 'looks like an IPv4 address but is not one, and a DNS name does not end in a number',
      },
    },
    cidr: {
      description: 'A network in CIDR notation, e.g. `10.42.0.0/16`.',
      type: 'string',
      pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$',
      errorMessage: { pattern: 'must be a network in CIDR notation, e.g. 10.42.0.0/16' },
    },
    path: { type: 'string', minLength: 1 },
    values: {
      description: "Helm values merged over rigger's own values for this chart (yours win).",
      type: 'object',
      additionalProperties: true,
    },
    cluster: {
      description: 'Cluster-wide settings.',
      type: 'object',
      additionalProperties: false,
      required: ['name', 'registrationAddress', 'token'],
      properties: {
        name: {
          description: 'Cluster name (an RFC 1123 label); names the kubeconfig context and the run lock.',
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
        },
        rke2: { $ref: '#/$defs/rke2', default: {} },
        registrationAddress: {
          description:
            "The fixed address (VIP, L4 load balancer or DNS name) in front of the servers' ports 9345 and 6443. Joining nodes use it; it is always added to the TLS SANs.",
          $ref: '#/$defs/address',
        },
        tlsSans: {
          description: 'Extra names and addresses for the API server certificate.',
          type: 'array',
          items: { $ref: '#/$defs/address' },
          uniqueItems: true,
          default: [],
        },
        clusterCidr: {
          description: 'Pod network. Must not overlap the service network, host addresses or MetalLB pools.',
          $ref: '#/$defs/cidr',
          default: '10.42.0.0/16',
        },
        serviceCidr: {
          description: 'Service network. Must not overlap the pod network, host addresses or MetalLB pools.',
          $ref: '#/$defs/cidr',
          default: '10.43.0.0/16',
        },
        token: { description: 'The cluster join token, as a secret reference.', $ref: '#/$defs/secretRef' },
        install: { $ref: '#/$defs/install', default: {} },
        registry: { $ref: '#/$defs/registry' },
        allowSingleServer: {
          description:
            'Allow exactly one control-plane host (a lab, never production). Without it the control plane needs an odd number of at least 3 hosts.',
          type: 'boolean',
          default: false,
        },
      },
    },
    rke2: {
      description: 'RKE2 release and server settings.',
      type: 'object',
      additionalProperties: false,
      properties: {
        version: {
          description:
            'Pinned RKE2 release. A host with another version installed is reported, never silently changed.',
          type: 'string',
          pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+\\+rke2r[0-9]+$',
          default: 'v1.35.7+rke2r1',
        },
        snapshotSchedule: {
          description: 'etcd snapshot schedule (cron).',
          type: 'string',
          minLength: 9,
          default: '0 */12 * * *',
        },
        snapshotRetention: {
          description: 'Number of etcd snapshots kept on each server.',
          type: 'integer',
          minimum: 1,
          default: 5,
        },
        readyTimeoutSeconds: {
          description:
            'How long rigger waits for a node to be Ready (unit active, Node Ready, etcd member on servers) after starting or restarting RKE2 on it, before it fails the host and shows what it saw.',
          type: 'integer',
          minimum: 10,
          default: 600,
        },
      },
    },
    install: {
      description: 'How RKE2 gets onto the hosts.',
      type: 'object',
      additionalProperties: false,
      properties: {
        mode: {
          description:
            '`online`: the official install script, on hosts that can reach it. `airgap`: rigger verifies and uploads the release artifacts itself.',
          enum: ['online', 'airgap'],
          default: 'online',
        },
        artifactsDir: {
          description:
            'With `airgap`: a directory holding `rke2.linux-amd64.tar.gz`, `sha256sum-amd64.txt` and `rke2-images.linux-amd64.tar.zst` (or `.tar.gz`), as a release publishes them.',
          $ref: '#/$defs/path',
        },
      },
      if: { properties: { mode: { const: 'airgap' } }, required: ['mode'] },
      then: { required: ['artifactsDir'] },
    },
    registry: {
      description:
        "The site's container registry, where every node pulls its images (air-gapped and mirroring sites). rigger writes `/etc/rancher/rke2/registries.yaml` (mode 0600: it holds credentials) on every node before RKE2 starts, and sets RKE2's `system-default-registry` on the servers.",
      type: 'object',
      additionalProperties: false,
      properties: {
        systemDefault: {
          description:
            "RKE2's `system-default-registry` (a server setting): the registry (`host`, `host:port`, optionally with a path, no scheme) that RKE2's own images and its bundled charts' images are pulled from, e.g. `registry.example.internal:5000`.",
          type: 'string',
          pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)*/?$',
        },
        mirrors: {
          description:
            "registries.yaml `mirrors`: for each registry name images are pulled by (`docker.io`, `quay.io`, `*` for all), the site's endpoints, tried in order.",
          type: 'object',
          propertyNames: { pattern: '^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?)$' },
          additionalProperties: { $ref: '#/$defs/registryMirror' },
          default: {},
        },
        configs: {
          description:
            'registries.yaml `configs`: for each registry host (`host:port` as in the endpoints), its credentials and TLS settings.',
          type: 'object',
          propertyNames: { pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$' },
          additionalProperties: { $ref: '#/$defs/registryConfig' },
          default: {},
        },
      },
    },
    registryMirror: {
      description: "The endpoints that serve one registry's images.",
      type: 'object',
      additionalProperties: false,
      required: ['endpoints'],
      properties: {
        endpoints: {
          description: 'Registry URLs (`https://registry.example.internal:5000`), tried in order.',
          type: 'array',
          minItems: 1,
          items: { type: 'string', format: 'uri', pattern: '^https?://' },
        },
        rewrite: {
          description:
            'registries.yaml `rewrite`: regular expression to replacement, applied to image names pulled through these endpoints (a site that keeps images under another project).',
          type: 'object',
          additionalProperties: { type: 'string' },
        },
      },
    },
    registryConfig: {
      description: 'How nodes authenticate to one registry and trust it.',
      type: 'object',
      additionalProperties: false,
      properties: {
        auth: {
          description:
            'Basic authentication: the user name, and the password (or token) as a secret reference.',
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password'],
          properties: {
            username: {
              description: 'User name (not a secret: it is shown in plans as it is).',
              type: 'string',
              minLength: 1,
            },
            password: { description: 'Password or token, as a secret reference.', $ref: '#/$defs/secretRef' },
          },
        },
        tls: {
          description:
            "TLS towards this registry. Its certificate must be signed by a CA the nodes' operating system trusts (containerd verifies against the system trust store).",
          type: 'object',
          additionalProperties: false,
          properties: {
            insecureSkipVerify: {
              description: "Do not verify the registry's certificate (a lab; never production).",
              type: 'boolean',
              default: false,
            },
          },
        },
      },
    },
    bastion: {
      description:
        "A jump host every connection goes through (like OpenSSH's ProxyJump). Its host key is checked against the same known_hosts.",
      type: 'object',
      additionalProperties: false,
      required: ['host'],
      properties: {
        host: { description: 'Bastion address.', $ref: '#/$defs/address' },
        port: { description: 'Bastion SSH port.', type: 'integer', minimum: 1, maximum: 65535, default: 22 },
        user: { description: 'Bastion login user; defaults to `ssh.user`.', type: 'string', minLength: 1 },
        privateKeyPath: {
          description: 'Bastion key; defaults to `ssh.privateKeyPath`.',
          $ref: '#/$defs/path',
        },
      },
    },
    ssh: {
      description: 'How rigger reaches hosts. Host keys are always verified.',
      type: 'object',
      additionalProperties: false,
      properties: {
        user: { description: 'Login user.', type: 'string', minLength: 1, default: 'root' },
        port: { description: 'SSH port.', type: 'integer', minimum: 1, maximum: 65535, default: 22 },
        privateKeyPath: {
          description:
            'Private key file. Without it, rigger uses the SSH agent (`SSH_AUTH_SOCK`), like `ssh` does.',
          $ref: '#/$defs/path',
        },
        knownHostsPath: {
          description: "known_hosts file the hosts' keys are checked against.",
          $ref: '#/$defs/path',
          default: '~/.ssh/known_hosts',
        },
        hostKeyPolicy: {
          description:
            '`strict`: a host whose key is not in known_hosts is refused. `accept-new`: trust on first use, the key is appended (a changed key is still refused).',
          enum: ['strict', 'accept-new'],
          default: 'strict',
        },
        bastion: { $ref: '#/$defs/bastion' },
        become: {
          description: 'Run commands through `sudo -n` (for a non-root user).',
          type: 'boolean',
          default: false,
        },
        connectTimeout: {
          description: 'Seconds to wait for a connection.',
          type: 'integer',
          minimum: 1,
          default: 10,
        },
        commandTimeout: {
          description: 'Seconds a single remote command may run before it is stopped.',
          type: 'integer',
          minimum: 1,
          default: 600,
        },
        parallel: {
          description: 'How many hosts rigger works on at once.',
          type: 'integer',
          minimum: 1,
          default: 30,
        },
      },
    },
    hostSsh: {
      description: 'Per-host overrides of `ssh`.',
      type: 'object',
      additionalProperties: false,
      properties: {
        user: { description: 'Login user.', type: 'string', minLength: 1 },
        port: { description: 'SSH port.', type: 'integer', minimum: 1, maximum: 65535 },
        privateKeyPath: { description: 'Private key file.', $ref: '#/$defs/path' },
        become: { description: 'Run commands through `sudo -n`.', type: 'boolean' },
        bastion: {
          description: 'A jump host for this host only, or `false` to connect directly.',
          oneOf: [{ $ref: '#/$defs/bastion' }, { const: false }],
        },
      },
    },
    host: {
      description: 'One machine.',
      type: 'object',
      additionalProperties: false,
      required: ['name', 'address', 'roles', 'os'],
      properties: {
        name: {
          description:
            'Host and Kubernetes node name: a unique RFC 1123 label. rigger sets the hostname to it.',
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
          errorMessage: {
            pattern: "must be an RFC 1123 label: lowercase letters, digits and '-', at most 63",
          },
        },
        address: { description: 'Address rigger connects to, also the node IP.', $ref: '#/$defs/address' },
        roles: {
          description:
            'What the host runs: `control-plane` (RKE2 server with etcd), `worker` (RKE2 agent), `storage` (Ceph OSDs on `storage.devices`).',
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['control-plane', 'worker', 'storage'] },
        },
        os: {
          description: "Operating system, checked against the host's facts before anything changes.",
          enum: ['ubuntu', 'flatcar'],
        },
        labels: {
          description:
            'Kubernetes node labels, which the kubelet sets on its own Node (RKE2 `node-label`). Keys and values are checked as the API server checks them; keys in the kubernetes.io and k8s.io namespaces only as far as a kubelet may set them (`node.kubernetes.io/*`, `kubelet.kubernetes.io/*`, `topology.kubernetes.io/zone` and a few more; not `node-role.kubernetes.io/*`).',
          type: 'object',
          additionalProperties: { type: 'string', maxLength: 63 },
          default: {},
        },
        taints: {
          description:
            'Kubernetes node taints as `key=value:Effect` or `key:Effect` (RKE2 `node-taint`), checked as the kubelet and the API server check them: the key like a label key, the value like a label value, unique by key and effect.',
          type: 'array',
          items: {
            type: 'string',
            pattern: '^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$',
            errorMessage: {
              pattern:
                'must be key=value:Effect or key:Effect, Effect one of NoSchedule, PreferNoSchedule, NoExecute',
            },
          },
          default: [],
        },
        storage: {
          description: 'Storage for Ceph on hosts with the `storage` role.',
          type: 'object',
          additionalProperties: false,
          properties: {
            devices: {
              description: 'Raw disks (no filesystem) that Ceph OSDs take over, e.g. `/dev/sdb`.',
              type: 'array',
              uniqueItems: true,
              items: { type: 'string', pattern: '^/dev/[A-Za-z0-9/_-]+$' },
            },
          },
        },
        network: {
          description:
            "The host's network, used for Flatcar's Ignition config and to check that MetalLB pools sit in a host subnet.",
          type: 'object',
          additionalProperties: false,
          required: ['prefixLength'],
          properties: {
            interface: { description: 'Interface name, e.g. `eno1`.', type: 'string', minLength: 1 },
            prefixLength: {
              description: "Prefix length of the host's subnet.",
              type: 'integer',
              minimum: 0,
              maximum: 128,
            },
            gateway: {
              description: 'Default gateway.',
              type: 'string',
              anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }],
            },
            dns: {
              description: 'DNS servers.',
              type: 'array',
              items: { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] },
            },
          },
        },
        ssh: { $ref: '#/$defs/hostSsh' },
      },
    },
    addons: {
      description:
        'The platform installed on the cluster. Every add-on has `enabled`, a pinned chart `version` and `values` overrides.',
      type: 'object',
      additionalProperties: false,
      properties: {
        timeoutSeconds: {
          description:
            "How long rigger waits for each add-on: its chart's install job, the CRDs it brings and the workloads of its release.",
          type: 'integer',
          minimum: 10,
          default: 600,
        },
        chartRepository: {
          description:
            "One Helm chart repository (a site's mirror, e.g. `http://charts.example.internal/`) for every add-on chart, instead of each chart's upstream repository. An add-on's own `chartRepository` wins.",
          type: 'string',
          format: 'uri',
          pattern: '^(https?|oci)://',
        },
        storage: {
          description:
            'The storage every claim of the platform (Prometheus, Alertmanager, Grafana, Loki, Tempo, Thanos) uses.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            persistence: {
              description:
                'Give the stateful add-ons persistent volumes. `false`: they keep their data in `emptyDir` (lost when a pod moves); only for labs and CI.',
              type: 'boolean',
              default: true,
            },
            storageClass: {
              description:
                'The StorageClass of every claim. With Rook-Ceph enabled rigger creates it (Ceph RBD, the default class; default name `ceph-block`); without, it must already exist on the cluster, and `validate` requires it unless `persistence` is false.',
              type: 'string',
              pattern: '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$',
            },
          },
        },
        cilium: {
          description:
            "Cilium CNI with kube-proxy replacement, as RKE2 ships it: `cni: cilium` and rigger's values in the HelmChartConfig `rke2-cilium`.",
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install Cilium as the CNI.', type: 'boolean', default: true },
            version: {
              description:
                'The Cilium that the pinned RKE2 release bundles (its `rke2-cilium` chart, which RKE2 deploys): checked, not chosen; `validate` refuses another.',
              type: 'string',
              default: '1.19.6',
            },
            values: { $ref: '#/$defs/values', default: {} },
            kubeProxyReplacement: {
              description: 'Replace kube-proxy (RKE2 runs with `disable-kube-proxy`).',
              type: 'boolean',
              default: true,
            },
          },
        },
        metallb: {
          description: "MetalLB in L2 mode, announcing the pools' addresses.",
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install MetalLB.', type: 'boolean', default: false },
            version: { description: 'Chart version.', type: 'string', default: '0.16.1' },
            values: { $ref: '#/$defs/values', default: {} },
            pools: {
              description: 'Address pools, e.g. `public` and `internal`.',
              type: 'array',
              default: [],
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'addresses'],
                properties: {
                  name: {
                    description: 'Pool name (an RFC 1123 label).',
                    type: 'string',
                    pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
                  },
                  addresses: {
                    description: 'Ranges `first-last` or CIDRs.',
                    type: 'array',
                    minItems: 1,
                    items: { type: 'string', minLength: 1 },
                  },
                  autoAssign: {
                    description: 'Hand out addresses to Services that do not ask for one.',
                    type: 'boolean',
                    default: true,
                  },
                },
              },
            },
            chartRepository: {
              description:
                "Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
        ingressNginx: {
          description:
            'Two F5 NGINX Ingress Controller instances (chart `nginx-ingress`), `public` and `internal`, each a DaemonSet with its own IngressClass and MetalLB address. (The community ingress-nginx this key was named after is retired.)',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: {
              description: 'Install the NGINX Ingress Controllers.',
              type: 'boolean',
              default: false,
            },
            version: {
              description: 'nginx-ingress chart version (F5 NGINX Ingress Controller).',
              type: 'string',
              default: '2.6.4',
            },
            values: { $ref: '#/$defs/values', default: {} },
            public: { $ref: '#/$defs/ingressInstance' },
            internal: { $ref: '#/$defs/ingressInstance' },
            chartRepository: {
              description:
                "Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
        rookCeph: {
          description:
            "Rook-Ceph: the operator, a CephCluster on the `storage` hosts' devices (3 mons, 2 mgrs), a replicated block pool with the platform's default StorageClass, and the Ceph CSI drivers.",
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install Rook-Ceph.', type: 'boolean', default: false },
            version: {
              description: 'Rook chart version (rook-ceph and rook-ceph-cluster).',
              type: 'string',
              default: 'v1.20.6',
            },
            values: { $ref: '#/$defs/values', default: {} },
            dataDirHostPath: {
              description: 'Where Ceph keeps its state on each host.',
              type: 'string',
              default: '/var/lib/rook',
            },
            chartRepository: {
              description:
                "Helm chart repository to fetch this add-on's charts from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
            csiDriversVersion: {
              description:
                'ceph-csi-drivers chart version (Rook v1.20 no longer deploys the CSI drivers itself).',
              type: 'string',
              default: '1.0.4',
            },
          },
        },
        velero: {
          description: 'Velero backups to S3-compatible storage.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install Velero.', type: 'boolean', default: false },
            version: { description: 'Chart version.', type: 'string', default: '12.1.0' },
            values: { $ref: '#/$defs/values', default: {} },
            s3: { $ref: '#/$defs/s3' },
            schedule: {
              description: 'Backup schedule (cron).',
              type: 'string',
              minLength: 9,
              default: '0 2 * * *',
            },
            ttl: {
              description: 'How long backups are kept, e.g. `720h`.',
              type: 'string',
              pattern: '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$',
              default: '720h',
            },
            chartRepository: {
              description:
                "Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
          if: { properties: { enabled: { const: true } }, required: ['enabled'] },
          then: { required: ['s3'] },
        },
        observability: {
          description: 'Metrics, alerts, dashboards, logs and traces.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            objectStorage: {
              description:
                'S3-compatible storage shared by Thanos, Loki and Tempo (each has its own bucket).',
              $ref: '#/$defs/objectStorage',
            },
            prometheus: {
              description:
                'Prometheus, from the kube-prometheus-stack chart (which also ships Alertmanager and Grafana).',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Install kube-prometheus-stack.', type: 'boolean', default: false },
                version: {
                  description: 'kube-prometheus-stack chart version.',
                  type: 'string',
                  default: '88.5.3',
                },
                values: { $ref: '#/$defs/values', default: {} },
                retention: { description: 'Local retention, e.g. `24h`.', type: 'string', default: '24h' },
                chartRepository: {
                  description:
                    "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
                  type: 'string',
                  format: 'uri',
                  pattern: '^(https?|oci)://',
                },
              },
            },
            alertmanager: {
              description:
                'Alertmanager, part of kube-prometheus-stack (its version is `prometheus.version`).',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Run Alertmanager.', type: 'boolean', default: true },
                values: { $ref: '#/$defs/values', default: {} },
              },
            },
            grafana: {
              description: 'Grafana, part of kube-prometheus-stack (its version is `prometheus.version`).',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Run Grafana.', type: 'boolean', default: true },
                values: { $ref: '#/$defs/values', default: {} },
                adminPassword: { description: 'Grafana admin password.', $ref: '#/$defs/secretRef' },
              },
            },
            thanos: {
              description:
                'Thanos: the sidecar shipping Prometheus blocks to object storage, and Query, Store Gateway and Compactor (chart `thanos` of thanos-community) reading and compacting them; Grafana queries through Thanos Query.',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Run Thanos.', type: 'boolean', default: false },
                version: {
                  description: 'thanos chart version (github.com/thanos-community/helm-charts).',
                  type: 'string',
                  default: '0.38.0',
                },
                imageTag: {
                  description:
                    "Thanos image tag of the sidecar and of every Thanos component (the chart's appVersion).",
                  type: 'string',
                  default: 'v0.42.4',
                },
                values: { $ref: '#/$defs/values', default: {} },
                bucket: { description: 'Bucket for metric blocks.', type: 'string', minLength: 3 },
                chartRepository: {
                  description:
                    "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
                  type: 'string',
                  format: 'uri',
                  pattern: '^(https?|oci)://',
                },
              },
            },
            loki: {
              description: 'Loki log store on object storage.',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Install Loki.', type: 'boolean', default: false },
                version: { description: 'Chart version.', type: 'string', default: '18.11.0' },
                values: { $ref: '#/$defs/values', default: {} },
                bucket: { description: 'Bucket for log chunks.', type: 'string', minLength: 3 },
                chartRepository: {
                  description:
                    "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
                  type: 'string',
                  format: 'uri',
                  pattern: '^(https?|oci)://',
                },
              },
            },
            logs: {
              description: 'The log shipper (Grafana Alloy) sending pod and host logs to Loki.',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Install the log shipper.', type: 'boolean', default: false },
                version: { description: 'Alloy chart version.', type: 'string', default: '1.11.1' },
                values: { $ref: '#/$defs/values', default: {} },
                chartRepository: {
                  description:
                    "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
                  type: 'string',
                  format: 'uri',
                  pattern: '^(https?|oci)://',
                },
              },
            },
            tempo: {
              description: 'Tempo trace store on object storage.',
              type: 'object',
              additionalProperties: false,
              default: {},
              properties: {
                enabled: { description: 'Install Tempo.', type: 'boolean', default: false },
                version: { description: 'Chart version.', type: 'string', default: '2.2.4' },
                values: { $ref: '#/$defs/values', default: {} },
                bucket: { description: 'Bucket for traces.', type: 'string', minLength: 3 },
                chartRepository: {
                  description:
                    "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
                  type: 'string',
                  format: 'uri',
                  pattern: '^(https?|oci)://',
                },
              },
            },
          },
        },
      },
    },
    ingressInstance: {
      description: 'One NGINX Ingress Controller instance.',
      type: 'object',
      additionalProperties: false,
      required: ['loadBalancerIP', 'className'],
      properties: {
        loadBalancerIP: {
          description: "The Service's address; must lie in a MetalLB pool.",
          type: 'string',
          anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }],
          errorMessage: { anyOf: 'must be an IPv4 or IPv6 address' },
        },
        className: {
          description:
            'IngressClass name; the instance serves only Ingresses of this class (`-ingress-class`).',
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
        },
        pool: {
          description: 'MetalLB pool to take the address from; by default the pool that contains it.',
          type: 'string',
        },
      },
    },
    objectStorage: {
      description: 'An S3-compatible endpoint and credentials.',
      type: 'object',
      additionalProperties: false,
      required: ['endpoint', 'credentials'],
      properties: {
        endpoint: {
          description: 'Endpoint URL, e.g. `https://s3.example.com`.',
          type: 'string',
          format: 'uri',
        },
        region: { description: 'Region.', type: 'string', default: 'us-east-1' },
        forcePathStyle: {
          description: 'Use path-style bucket URLs (MinIO, Ceph RGW).',
          type: 'boolean',
          default: true,
        },
        credentials: {
          description:
            'A secret holding `accessKeyId` and `secretAccessKey` in the AWS credentials file format or as `ACCESS_KEY:SECRET_KEY`.',
          $ref: '#/$defs/secretRef',
        },
      },
    },
    s3: {
      description: 'An S3-compatible bucket.',
      type: 'object',
      additionalProperties: false,
      required: ['endpoint', 'bucket', 'credentials'],
      properties: {
        endpoint: {
          description: 'Endpoint URL, e.g. `https://s3.example.com`.',
          type: 'string',
          format: 'uri',
        },
        bucket: { description: 'Bucket name.', type: 'string', minLength: 3 },
        region: { description: 'Region.', type: 'string', default: 'us-east-1' },
        forcePathStyle: {
          description: 'Use path-style bucket URLs (MinIO, Ceph RGW).',
          type: 'boolean',
          default: true,
        },
        credentials: {
          description:
            'A secret holding `accessKeyId` and `secretAccessKey` in the AWS credentials file format or as `ACCESS_KEY:SECRET_KEY`.',
          $ref: '#/$defs/secretRef',
        },
      },
    },
  },
};
const schema37 = {
  description: 'Cluster-wide settings.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'registrationAddress', 'token'],
  properties: {
    name: {
      description: 'Cluster name (an RFC 1123 label); names the kubeconfig context and the run lock.',
      type: 'string',
      pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
    },
    rke2: { $ref: '#/$defs/rke2', default: {} },
    registrationAddress: {
      description:
        "The fixed address (VIP, L4 load balancer or DNS name) in front of the servers' ports 9345 and 6443. Joining nodes use it; it is always added to the TLS SANs.",
      $ref: '#/$defs/address',
    },
    tlsSans: {
      description: 'Extra names and addresses for the API server certificate.',
      type: 'array',
      items: { $ref: '#/$defs/address' },
      uniqueItems: true,
      default: [],
    },
    clusterCidr: {
      description: 'Pod network. Must not overlap the service network, host addresses or MetalLB pools.',
      $ref: '#/$defs/cidr',
      default: '10.42.0.0/16',
    },
    serviceCidr: {
      description: 'Service network. Must not overlap the pod network, host addresses or MetalLB pools.',
      $ref: '#/$defs/cidr',
      default: '10.43.0.0/16',
    },
    token: { description: 'The cluster join token, as a secret reference.', $ref: '#/$defs/secretRef' },
    install: { $ref: '#/$defs/install', default: {} },
    registry: { $ref: '#/$defs/registry' },
    allowSingleServer: {
      description:
        'Allow exactly one control-plane host (a lab, never production). Without it the control plane needs an odd number of at least 3 hosts.',
      type: 'boolean',
      default: false,
    },
  },
};
const schema38 = {
  description: 'RKE2 release and server settings.',
  type: 'object',
  additionalProperties: false,
  properties: {
    version: {
      description:
        'Pinned RKE2 release. A host with another version installed is reported, never silently changed.',
      type: 'string',
      pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+\\+rke2r[0-9]+$',
      default: 'v1.35.7+rke2r1',
    },
    snapshotSchedule: {
      description: 'etcd snapshot schedule (cron).',
      type: 'string',
      minLength: 9,
      default: '0 */12 * * *',
    },
    snapshotRetention: {
      description: 'Number of etcd snapshots kept on each server.',
      type: 'integer',
      minimum: 1,
      default: 5,
    },
    readyTimeoutSeconds: {
      description:
        'How long rigger waits for a node to be Ready (unit active, Node Ready, etcd member on servers) after starting or restarting RKE2 on it, before it fails the host and shows what it saw.',
      type: 'integer',
      minimum: 10,
      default: 600,
    },
  },
};
const schema39 = {
  description: 'An IPv4 or IPv6 address, or a DNS name.',
  type: 'string',
  anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }, { format: 'hostname' }],
  not: { pattern: '(^|\\.)[0-9]+\\.?$', not: { format: 'ipv4' } },
  errorMessage: {
    anyOf: 'must be an IPv4 or IPv6 address or a DNS name',
    not: 'looks like an IPv4 address but is not one, and a DNS name does not end in a number',
  },
};
const schema41 = {
  description: 'A network in CIDR notation, e.g. `10.42.0.0/16`.',
  type: 'string',
  pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$',
  errorMessage: { pattern: 'must be a network in CIDR notation, e.g. 10.42.0.0/16' },
};
const schema43 = {
  description:
    'Where a secret comes from: an environment variable (`{ env: NAME }`) or a file (`{ file: PATH }`, its content with surrounding whitespace trimmed). Literal secrets are refused so that inventories can be committed.',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    env: {
      description: 'Name of an environment variable that holds the secret.',
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
    },
    file: { description: 'Path of a file that holds the secret.', type: 'string', minLength: 1 },
  },
  errorMessage: {
    type: 'a literal secret is refused: write { env: NAME } or { file: PATH }',
    minProperties: 'a secret reference needs exactly one of env or file',
    maxProperties: 'a secret reference needs exactly one of env or file',
  },
};
const func1 = Object.prototype.hasOwnProperty;
const func2 = require('ajv/dist/runtime/ucs2length').default;
const func0 = require('ajv/dist/runtime/equal').default;
const pattern4 = new RegExp('^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$', 'u');
const pattern5 = new RegExp('^v[0-9]+\\.[0-9]+\\.[0-9]+\\+rke2r[0-9]+$', 'u');
const pattern6 = new RegExp('(^|\\.)[0-9]+\\.?$', 'u');
const pattern8 = new RegExp('^[0-9A-Fa-f:.]+/[0-9]{1,3}$', 'u');
const pattern10 = new RegExp('^[A-Za-z_][A-Za-z0-9_]*$', 'u');
const formats0 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const formats4 =
  /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;
const formats6 =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;
const schema44 = {
  description: 'How RKE2 gets onto the hosts.',
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: {
      description:
        '`online`: the official install script, on hosts that can reach it. `airgap`: rigger verifies and uploads the release artifacts itself.',
      enum: ['online', 'airgap'],
      default: 'online',
    },
    artifactsDir: {
      description:
        'With `airgap`: a directory holding `rke2.linux-amd64.tar.gz`, `sha256sum-amd64.txt` and `rke2-images.linux-amd64.tar.zst` (or `.tar.gz`), as a release publishes them.',
      $ref: '#/$defs/path',
    },
  },
  if: { properties: { mode: { const: 'airgap' } }, required: ['mode'] },
  then: { required: ['artifactsDir'] },
};
const schema45 = { type: 'string', minLength: 1 };
function validate26(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate26.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    let missing0;
    if (data.mode === undefined && (missing0 = 'mode')) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    } else {
      if (data.mode !== undefined) {
        if ('airgap' !== data.mode) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs4 = errors;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      if (data.artifactsDir === undefined) {
        const err2 = {
          instancePath,
          schemaPath: '#/then/required',
          keyword: 'required',
          params: { missingProperty: 'artifactsDir' },
          message: "must have required property '" + 'artifactsDir' + "'",
          schema: schema44.then.required,
          parentSchema: schema44.then,
          data,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
  }
  if (!valid0) {
    const err3 = {
      instancePath,
      schemaPath: '#/if',
      keyword: 'if',
      params: { failingKeyword: 'then' },
      message: 'must match "then" schema',
      schema: schema44.if,
      parentSchema: schema44,
      data,
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.mode === undefined) {
      data.mode = 'online';
    }
    for (const key0 in data) {
      if (!(key0 === 'mode' || key0 === 'artifactsDir')) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema44,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    let data1 = data.mode;
    if (!(data1 === 'online' || data1 === 'airgap')) {
      const err5 = {
        instancePath: instancePath + '/mode',
        schemaPath: '#/properties/mode/enum',
        keyword: 'enum',
        params: { allowedValues: schema44.properties.mode.enum },
        message: 'must be equal to one of the allowed values',
        schema: schema44.properties.mode.enum,
        parentSchema: schema44.properties.mode,
        data: data1,
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.artifactsDir !== undefined) {
      let data2 = data.artifactsDir;
      if (typeof data2 === 'string') {
        if (func2(data2) < 1) {
          const err6 = {
            instancePath: instancePath + '/artifactsDir',
            schemaPath: '#/$defs/path/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema45,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + '/artifactsDir',
          schemaPath: '#/$defs/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema45.type,
          parentSchema: schema45,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
  } else {
    const err8 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema44.type,
      parentSchema: schema44,
      data,
    };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate26.errors = vErrors;
  return errors === 0;
}
validate26.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema46 = {
  description:
    "The site's container registry, where every node pulls its images (air-gapped and mirroring sites). rigger writes `/etc/rancher/rke2/registries.yaml` (mode 0600: it holds credentials) on every node before RKE2 starts, and sets RKE2's `system-default-registry` on the servers.",
  type: 'object',
  additionalProperties: false,
  properties: {
    systemDefault: {
      description:
        "RKE2's `system-default-registry` (a server setting): the registry (`host`, `host:port`, optionally with a path, no scheme) that RKE2's own images and its bundled charts' images are pulled from, e.g. `registry.example.internal:5000`.",
      type: 'string',
      pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)*/?$',
    },
    mirrors: {
      description:
        "registries.yaml `mirrors`: for each registry name images are pulled by (`docker.io`, `quay.io`, `*` for all), the site's endpoints, tried in order.",
      type: 'object',
      propertyNames: { pattern: '^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?)$' },
      additionalProperties: { $ref: '#/$defs/registryMirror' },
      default: {},
    },
    configs: {
      description:
        'registries.yaml `configs`: for each registry host (`host:port` as in the endpoints), its credentials and TLS settings.',
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$' },
      additionalProperties: { $ref: '#/$defs/registryConfig' },
      default: {},
    },
  },
};
const schema47 = {
  description: "The endpoints that serve one registry's images.",
  type: 'object',
  additionalProperties: false,
  required: ['endpoints'],
  properties: {
    endpoints: {
      description: 'Registry URLs (`https://registry.example.internal:5000`), tried in order.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', format: 'uri', pattern: '^https?://' },
    },
    rewrite: {
      description:
        'registries.yaml `rewrite`: regular expression to replacement, applied to image names pulled through these endpoints (a site that keeps images under another project).',
      type: 'object',
      additionalProperties: { type: 'string' },
    },
  },
};
const pattern11 = new RegExp(
  '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)*/?$',
  'u',
);
const pattern12 = new RegExp('^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?)$', 'u');
const pattern13 = new RegExp('^https?://', 'u');
const pattern14 = new RegExp('^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$', 'u');
const formats16 = require('ajv-formats/dist/formats').fullFormats.uri;
const schema48 = {
  description: 'How nodes authenticate to one registry and trust it.',
  type: 'object',
  additionalProperties: false,
  properties: {
    auth: {
      description: 'Basic authentication: the user name, and the password (or token) as a secret reference.',
      type: 'object',
      additionalProperties: false,
      required: ['username', 'password'],
      properties: {
        username: {
          description: 'User name (not a secret: it is shown in plans as it is).',
          type: 'string',
          minLength: 1,
        },
        password: { description: 'Password or token, as a secret reference.', $ref: '#/$defs/secretRef' },
      },
    },
    tls: {
      description:
        "TLS towards this registry. Its certificate must be signed by a CA the nodes' operating system trusts (containerd verifies against the system trust store).",
      type: 'object',
      additionalProperties: false,
      properties: {
        insecureSkipVerify: {
          description: "Do not verify the registry's certificate (a lab; never production).",
          type: 'boolean',
          default: false,
        },
      },
    },
  },
};
function validate29(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === 'auth' || key0 === 'tls')) {
        const err0 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema48,
          data,
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.auth !== undefined) {
      let data0 = data.auth;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.username === undefined) {
          const err1 = {
            instancePath: instancePath + '/auth',
            schemaPath: '#/properties/auth/required',
            keyword: 'required',
            params: { missingProperty: 'username' },
            message: "must have required property '" + 'username' + "'",
            schema: schema48.properties.auth.required,
            parentSchema: schema48.properties.auth,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.password === undefined) {
          const err2 = {
            instancePath: instancePath + '/auth',
            schemaPath: '#/properties/auth/required',
            keyword: 'required',
            params: { missingProperty: 'password' },
            message: "must have required property '" + 'password' + "'",
            schema: schema48.properties.auth.required,
            parentSchema: schema48.properties.auth,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === 'username' || key1 === 'password')) {
            const err3 = {
              instancePath: instancePath + '/auth',
              schemaPath: '#/properties/auth/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema48.properties.auth,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.username !== undefined) {
          let data1 = data0.username;
          if (typeof data1 === 'string') {
            if (func2(data1) < 1) {
              const err4 = {
                instancePath: instancePath + '/auth/username',
                schemaPath: '#/properties/auth/properties/username/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema48.properties.auth.properties.username,
                data: data1,
              };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = {
              instancePath: instancePath + '/auth/username',
              schemaPath: '#/properties/auth/properties/username/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema48.properties.auth.properties.username.type,
              parentSchema: schema48.properties.auth.properties.username,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.password !== undefined) {
          let data2 = data0.password;
          if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
            if (Object.keys(data2).length > 1) {
              const err6 = {
                instancePath: instancePath + '/auth/password',
                schemaPath: '#/$defs/secretRef/maxProperties',
                keyword: 'maxProperties',
                params: { limit: 1 },
                message: 'must NOT have more than 1 properties',
                schema: 1,
                parentSchema: schema43,
                data: data2,
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (Object.keys(data2).length < 1) {
              const err7 = {
                instancePath: instancePath + '/auth/password',
                schemaPath: '#/$defs/secretRef/minProperties',
                keyword: 'minProperties',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 properties',
                schema: 1,
                parentSchema: schema43,
                data: data2,
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            for (const key2 in data2) {
              if (!(key2 === 'env' || key2 === 'file')) {
                const err8 = {
                  instancePath: instancePath + '/auth/password',
                  schemaPath: '#/$defs/secretRef/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key2 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema43,
                  data: data2,
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data2.env !== undefined) {
              let data3 = data2.env;
              if (typeof data3 === 'string') {
                if (!pattern10.test(data3)) {
                  const err9 = {
                    instancePath: instancePath + '/auth/password/env',
                    schemaPath: '#/$defs/secretRef/properties/env/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                    message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                    schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                    parentSchema: schema43.properties.env,
                    data: data3,
                  };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              } else {
                const err10 = {
                  instancePath: instancePath + '/auth/password/env',
                  schemaPath: '#/$defs/secretRef/properties/env/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema43.properties.env.type,
                  parentSchema: schema43.properties.env,
                  data: data3,
                };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data2.file !== undefined) {
              let data4 = data2.file;
              if (typeof data4 === 'string') {
                if (func2(data4) < 1) {
                  const err11 = {
                    instancePath: instancePath + '/auth/password/file',
                    schemaPath: '#/$defs/secretRef/properties/file/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema43.properties.file,
                    data: data4,
                  };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = {
                  instancePath: instancePath + '/auth/password/file',
                  schemaPath: '#/$defs/secretRef/properties/file/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema43.properties.file.type,
                  parentSchema: schema43.properties.file,
                  data: data4,
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
          } else {
            const err13 = {
              instancePath: instancePath + '/auth/password',
              schemaPath: '#/$defs/secretRef/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema43.type,
              parentSchema: schema43,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          if (errors > 0) {
            const emErrors0 = { type: [], minProperties: [], maxProperties: [] };
            const templates0 = {};
            for (const err14 of vErrors) {
              if (
                err14.keyword !== 'errorMessage' &&
                !err14.emUsed &&
                err14.instancePath === instancePath + '/auth/password' &&
                err14.keyword in emErrors0 &&
                err14.schemaPath.indexOf('#/$defs/secretRef') === 0 &&
                /^\/[^\/]*$/.test(err14.schemaPath.slice(17))
              ) {
                emErrors0[err14.keyword].push(err14);
                err14.emUsed = true;
              }
            }
            for (const key3 in emErrors0) {
              if (emErrors0[key3].length) {
                const err15 = {
                  instancePath: instancePath + '/auth/password',
                  schemaPath: '#/$defs/secretRef/errorMessage',
                  keyword: 'errorMessage',
                  params: { errors: emErrors0[key3] },
                  message: key3 in templates0 ? templates0[key3]() : schema43.errorMessage[key3],
                  schema: schema43.errorMessage,
                  parentSchema: schema43,
                  data: data2,
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            const emErrs0 = [];
            for (const err16 of vErrors) {
              if (!err16.emUsed) {
                emErrs0.push(err16);
              }
            }
            vErrors = emErrs0;
            errors = emErrs0.length;
          }
        }
      } else {
        const err17 = {
          instancePath: instancePath + '/auth',
          schemaPath: '#/properties/auth/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema48.properties.auth.type,
          parentSchema: schema48.properties.auth,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.tls !== undefined) {
      let data5 = data.tls;
      if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
        if (data5.insecureSkipVerify === undefined) {
          data5.insecureSkipVerify = false;
        }
        for (const key4 in data5) {
          if (!(key4 === 'insecureSkipVerify')) {
            const err18 = {
              instancePath: instancePath + '/tls',
              schemaPath: '#/properties/tls/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key4 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema48.properties.tls,
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        let data6 = data5.insecureSkipVerify;
        if (typeof data6 !== 'boolean') {
          const err19 = {
            instancePath: instancePath + '/tls/insecureSkipVerify',
            schemaPath: '#/properties/tls/properties/insecureSkipVerify/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema48.properties.tls.properties.insecureSkipVerify.type,
            parentSchema: schema48.properties.tls.properties.insecureSkipVerify,
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = {
          instancePath: instancePath + '/tls',
          schemaPath: '#/properties/tls/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema48.properties.tls.type,
          parentSchema: schema48.properties.tls,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
  } else {
    const err21 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema48.type,
      parentSchema: schema48,
      data,
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate28(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.mirrors === undefined) {
      data.mirrors = {};
    }
    if (data.configs === undefined) {
      data.configs = {};
    }
    for (const key0 in data) {
      if (!(key0 === 'systemDefault' || key0 === 'mirrors' || key0 === 'configs')) {
        const err0 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema46,
          data,
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.systemDefault !== undefined) {
      let data0 = data.systemDefault;
      if (typeof data0 === 'string') {
        if (!pattern11.test(data0)) {
          const err1 = {
            instancePath: instancePath + '/systemDefault',
            schemaPath: '#/properties/systemDefault/pattern',
            keyword: 'pattern',
            params: {
              pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)*/?$',
            },
            message:
              'must match pattern "' +
              '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)*/?$' +
              '"',
            schema: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)*/?$',
            parentSchema: schema46.properties.systemDefault,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/systemDefault',
          schemaPath: '#/properties/systemDefault/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema46.properties.systemDefault.type,
          parentSchema: schema46.properties.systemDefault,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    let data1 = data.mirrors;
    if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
      for (const key1 in data1) {
        const _errs6 = errors;
        if (typeof key1 === 'string') {
          if (!pattern12.test(key1)) {
            const err3 = {
              instancePath: instancePath + '/mirrors',
              schemaPath: '#/properties/mirrors/propertyNames/pattern',
              keyword: 'pattern',
              params: { pattern: '^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?)$' },
              message:
                'must match pattern "' +
                '^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?)$' +
                '"',
              schema: '^(\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?)$',
              parentSchema: schema46.properties.mirrors.propertyNames,
              data: key1,
              propertyName: key1,
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        var valid1 = _errs6 === errors;
        if (!valid1) {
          const err4 = {
            instancePath: instancePath + '/mirrors',
            schemaPath: '#/properties/mirrors/propertyNames',
            keyword: 'propertyNames',
            params: { propertyName: key1 },
            message: 'property name must be valid',
            schema: schema46.properties.mirrors.propertyNames,
            parentSchema: schema46.properties.mirrors,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
      for (const key2 in data1) {
        let data2 = data1[key2];
        if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
          if (data2.endpoints === undefined) {
            const err5 = {
              instancePath: instancePath + '/mirrors/' + key2.replace(/~/g, '~0').replace(/\//g, '~1'),
              schemaPath: '#/$defs/registryMirror/required',
              keyword: 'required',
              params: { missingProperty: 'endpoints' },
              message: "must have required property '" + 'endpoints' + "'",
              schema: schema47.required,
              parentSchema: schema47,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
          for (const key3 in data2) {
            if (!(key3 === 'endpoints' || key3 === 'rewrite')) {
              const err6 = {
                instancePath: instancePath + '/mirrors/' + key2.replace(/~/g, '~0').replace(/\//g, '~1'),
                schemaPath: '#/$defs/registryMirror/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key3 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema47,
                data: data2,
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          }
          if (data2.endpoints !== undefined) {
            let data3 = data2.endpoints;
            if (Array.isArray(data3)) {
              if (data3.length < 1) {
                const err7 = {
                  instancePath:
                    instancePath + '/mirrors/' + key2.replace(/~/g, '~0').replace(/\//g, '~1') + '/endpoints',
                  schemaPath: '#/$defs/registryMirror/properties/endpoints/minItems',
                  keyword: 'minItems',
                  params: { limit: 1 },
                  message: 'must NOT have fewer than 1 items',
                  schema: 1,
                  parentSchema: schema47.properties.endpoints,
                  data: data3,
                };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
              const len0 = data3.length;
              for (let i0 = 0; i0 < len0; i0++) {
                let data4 = data3[i0];
                if (typeof data4 === 'string') {
                  if (!pattern13.test(data4)) {
                    const err8 = {
                      instancePath:
                        instancePath +
                        '/mirrors/' +
                        key2.replace(/~/g, '~0').replace(/\//g, '~1') +
                        '/endpoints/' +
                        i0,
                      schemaPath: '#/$defs/registryMirror/properties/endpoints/items/pattern',
                      keyword: 'pattern',
                      params: { pattern: '^https?://' },
                      message: 'must match pattern "' + '^https?://' + '"',
                      schema: '^https?://',
                      parentSchema: schema47.properties.endpoints.items,
                      data: data4,
                    };
                    if (vErrors === null) {
                      vErrors = [err8];
                    } else {
                      vErrors.push(err8);
                    }
                    errors++;
                  }
                  if (!formats16(data4)) {
                    const err9 = {
                      instancePath:
                        instancePath +
                        '/mirrors/' +
                        key2.replace(/~/g, '~0').replace(/\//g, '~1') +
                        '/endpoints/' +
                        i0,
                      schemaPath: '#/$defs/registryMirror/properties/endpoints/items/format',
                      keyword: 'format',
                      params: { format: 'uri' },
                      message: 'must match format "' + 'uri' + '"',
                      schema: 'uri',
                      parentSchema: schema47.properties.endpoints.items,
                      data: data4,
                    };
                    if (vErrors === null) {
                      vErrors = [err9];
                    } else {
                      vErrors.push(err9);
                    }
                    errors++;
                  }
                } else {
                  const err10 = {
                    instancePath:
                      instancePath +
                      '/mirrors/' +
                      key2.replace(/~/g, '~0').replace(/\//g, '~1') +
                      '/endpoints/' +
                      i0,
                    schemaPath: '#/$defs/registryMirror/properties/endpoints/items/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema47.properties.endpoints.items.type,
                    parentSchema: schema47.properties.endpoints.items,
                    data: data4,
                  };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              }
            } else {
              const err11 = {
                instancePath:
                  instancePath + '/mirrors/' + key2.replace(/~/g, '~0').replace(/\//g, '~1') + '/endpoints',
                schemaPath: '#/$defs/registryMirror/properties/endpoints/type',
                keyword: 'type',
                params: { type: 'array' },
                message: 'must be array',
                schema: schema47.properties.endpoints.type,
                parentSchema: schema47.properties.endpoints,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
          if (data2.rewrite !== undefined) {
            let data5 = data2.rewrite;
            if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
              for (const key4 in data5) {
                let data6 = data5[key4];
                if (typeof data6 !== 'string') {
                  const err12 = {
                    instancePath:
                      instancePath +
                      '/mirrors/' +
                      key2.replace(/~/g, '~0').replace(/\//g, '~1') +
                      '/rewrite/' +
                      key4.replace(/~/g, '~0').replace(/\//g, '~1'),
                    schemaPath: '#/$defs/registryMirror/properties/rewrite/additionalProperties/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema47.properties.rewrite.additionalProperties.type,
                    parentSchema: schema47.properties.rewrite.additionalProperties,
                    data: data6,
                  };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              }
            } else {
              const err13 = {
                instancePath:
                  instancePath + '/mirrors/' + key2.replace(/~/g, '~0').replace(/\//g, '~1') + '/rewrite',
                schemaPath: '#/$defs/registryMirror/properties/rewrite/type',
                keyword: 'type',
                params: { type: 'object' },
                message: 'must be object',
                schema: schema47.properties.rewrite.type,
                parentSchema: schema47.properties.rewrite,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          }
        } else {
          const err14 = {
            instancePath: instancePath + '/mirrors/' + key2.replace(/~/g, '~0').replace(/\//g, '~1'),
            schemaPath: '#/$defs/registryMirror/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema47.type,
            parentSchema: schema47,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      }
    } else {
      const err15 = {
        instancePath: instancePath + '/mirrors',
        schemaPath: '#/properties/mirrors/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema46.properties.mirrors.type,
        parentSchema: schema46.properties.mirrors,
        data: data1,
      };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    let data7 = data.configs;
    if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
      for (const key5 in data7) {
        const _errs23 = errors;
        if (typeof key5 === 'string') {
          if (!pattern14.test(key5)) {
            const err16 = {
              instancePath: instancePath + '/configs',
              schemaPath: '#/properties/configs/propertyNames/pattern',
              keyword: 'pattern',
              params: { pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$' },
              message:
                'must match pattern "' + '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$' + '"',
              schema: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?(:[0-9]{1,5})?$',
              parentSchema: schema46.properties.configs.propertyNames,
              data: key5,
              propertyName: key5,
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        var valid8 = _errs23 === errors;
        if (!valid8) {
          const err17 = {
            instancePath: instancePath + '/configs',
            schemaPath: '#/properties/configs/propertyNames',
            keyword: 'propertyNames',
            params: { propertyName: key5 },
            message: 'property name must be valid',
            schema: schema46.properties.configs.propertyNames,
            parentSchema: schema46.properties.configs,
            data: data7,
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
      for (const key6 in data7) {
        if (
          !validate29(data7[key6], {
            instancePath: instancePath + '/configs/' + key6.replace(/~/g, '~0').replace(/\//g, '~1'),
            parentData: data7,
            parentDataProperty: key6,
            rootData,
            dynamicAnchors,
          })
        ) {
          vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
          errors = vErrors.length;
        }
      }
    } else {
      const err18 = {
        instancePath: instancePath + '/configs',
        schemaPath: '#/properties/configs/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema46.properties.configs.type,
        parentSchema: schema46.properties.configs,
        data: data7,
      };
      if (vErrors === null) {
        vErrors = [err18];
      } else {
        vErrors.push(err18);
      }
      errors++;
    }
  } else {
    const err19 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema46.type,
      parentSchema: schema46,
      data,
    };
    if (vErrors === null) {
      vErrors = [err19];
    } else {
      vErrors.push(err19);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
validate28.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate25(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.rke2 === undefined) {
      data.rke2 = {};
    }
    if (data.tlsSans === undefined) {
      data.tlsSans = [];
    }
    if (data.clusterCidr === undefined) {
      data.clusterCidr = '10.42.0.0/16';
    }
    if (data.serviceCidr === undefined) {
      data.serviceCidr = '10.43.0.0/16';
    }
    if (data.install === undefined) {
      data.install = {};
    }
    if (data.allowSingleServer === undefined) {
      data.allowSingleServer = false;
    }
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
        schema: schema37.required,
        parentSchema: schema37,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.registrationAddress === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'registrationAddress' },
        message: "must have required property '" + 'registrationAddress' + "'",
        schema: schema37.required,
        parentSchema: schema37,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.token === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'token' },
        message: "must have required property '" + 'token' + "'",
        schema: schema37.required,
        parentSchema: schema37,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema37.properties, key0)) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema37,
          data,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === 'string') {
        if (!pattern4.test(data0)) {
          const err4 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/properties/name/pattern',
            keyword: 'pattern',
            params: { pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
            message: 'must match pattern "' + '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' + '"',
            schema: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
            parentSchema: schema37.properties.name,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema37.properties.name.type,
          parentSchema: schema37.properties.name,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    let data1 = data.rke2;
    if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
      if (data1.version === undefined) {
        data1.version = 'v1.35.7+rke2r1';
      }
      if (data1.snapshotSchedule === undefined) {
        data1.snapshotSchedule = '0 */12 * * *';
      }
      if (data1.snapshotRetention === undefined) {
        data1.snapshotRetention = 5;
      }
      if (data1.readyTimeoutSeconds === undefined) {
        data1.readyTimeoutSeconds = 600;
      }
      for (const key1 in data1) {
        if (!(
          key1 === 'version' ||
          key1 === 'snapshotSchedule' ||
          key1 === 'snapshotRetention' ||
          key1 === 'readyTimeoutSeconds'
        )) {
          const err6 = {
            instancePath: instancePath + '/rke2',
            schemaPath: '#/$defs/rke2/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema38,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
      let data2 = data1.version;
      if (typeof data2 === 'string') {
        if (!pattern5.test(data2)) {
          const err7 = {
            instancePath: instancePath + '/rke2/version',
            schemaPath: '#/$defs/rke2/properties/version/pattern',
            keyword: 'pattern',
            params: { pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+\\+rke2r[0-9]+$' },
            message: 'must match pattern "' + '^v[0-9]+\\.[0-9]+\\.[0-9]+\\+rke2r[0-9]+$' + '"',
            schema: '^v[0-9]+\\.[0-9]+\\.[0-9]+\\+rke2r[0-9]+$',
            parentSchema: schema38.properties.version,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/rke2/version',
          schemaPath: '#/$defs/rke2/properties/version/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema38.properties.version.type,
          parentSchema: schema38.properties.version,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      let data3 = data1.snapshotSchedule;
      if (typeof data3 === 'string') {
        if (func2(data3) < 9) {
          const err9 = {
            instancePath: instancePath + '/rke2/snapshotSchedule',
            schemaPath: '#/$defs/rke2/properties/snapshotSchedule/minLength',
            keyword: 'minLength',
            params: { limit: 9 },
            message: 'must NOT have fewer than 9 characters',
            schema: 9,
            parentSchema: schema38.properties.snapshotSchedule,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + '/rke2/snapshotSchedule',
          schemaPath: '#/$defs/rke2/properties/snapshotSchedule/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema38.properties.snapshotSchedule.type,
          parentSchema: schema38.properties.snapshotSchedule,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      let data4 = data1.snapshotRetention;
      if (!(typeof data4 == 'number' && !(data4 % 1) && !isNaN(data4) && isFinite(data4))) {
        const err11 = {
          instancePath: instancePath + '/rke2/snapshotRetention',
          schemaPath: '#/$defs/rke2/properties/snapshotRetention/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema38.properties.snapshotRetention.type,
          parentSchema: schema38.properties.snapshotRetention,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (typeof data4 == 'number' && isFinite(data4)) {
        if (data4 < 1 || isNaN(data4)) {
          const err12 = {
            instancePath: instancePath + '/rke2/snapshotRetention',
            schemaPath: '#/$defs/rke2/properties/snapshotRetention/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
            schema: 1,
            parentSchema: schema38.properties.snapshotRetention,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      }
      let data5 = data1.readyTimeoutSeconds;
      if (!(typeof data5 == 'number' && !(data5 % 1) && !isNaN(data5) && isFinite(data5))) {
        const err13 = {
          instancePath: instancePath + '/rke2/readyTimeoutSeconds',
          schemaPath: '#/$defs/rke2/properties/readyTimeoutSeconds/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema38.properties.readyTimeoutSeconds.type,
          parentSchema: schema38.properties.readyTimeoutSeconds,
          data: data5,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (typeof data5 == 'number' && isFinite(data5)) {
        if (data5 < 10 || isNaN(data5)) {
          const err14 = {
            instancePath: instancePath + '/rke2/readyTimeoutSeconds',
            schemaPath: '#/$defs/rke2/properties/readyTimeoutSeconds/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 10 },
            message: 'must be >= 10',
            schema: 10,
            parentSchema: schema38.properties.readyTimeoutSeconds,
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      }
    } else {
      const err15 = {
        instancePath: instancePath + '/rke2',
        schemaPath: '#/$defs/rke2/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema38.type,
        parentSchema: schema38,
        data: data1,
      };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    if (data.registrationAddress !== undefined) {
      let data6 = data.registrationAddress;
      if (typeof data6 !== 'string') {
        const err16 = {
          instancePath: instancePath + '/registrationAddress',
          schemaPath: '#/$defs/address/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema39.type,
          parentSchema: schema39,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      const _errs19 = errors;
      const _errs20 = errors;
      const _errs21 = errors;
      const _errs22 = errors;
      if (errors === _errs22) {
        if (typeof data6 === 'string') {
          if (!formats0.test(data6)) {
            const err17 = {};
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
      }
      var valid5 = _errs22 === errors;
      if (valid5) {
        const err18 = {};
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      } else {
        errors = _errs21;
        if (vErrors !== null) {
          if (_errs21) {
            vErrors.length = _errs21;
          } else {
            vErrors = null;
          }
        }
      }
      if (errors === _errs20) {
        if (typeof data6 === 'string') {
          if (!pattern6.test(data6)) {
            const err19 = {};
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
      }
      var valid4 = _errs20 === errors;
      if (valid4) {
        const err20 = {
          instancePath: instancePath + '/registrationAddress',
          schemaPath: '#/$defs/address/not',
          keyword: 'not',
          params: {},
          message: 'must NOT be valid',
          schema: schema39.not,
          parentSchema: schema39,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      } else {
        errors = _errs19;
        if (vErrors !== null) {
          if (_errs19) {
            vErrors.length = _errs19;
          } else {
            vErrors = null;
          }
        }
      }
      const _errs23 = errors;
      let valid6 = false;
      const _errs24 = errors;
      if (typeof data6 === 'string') {
        if (!formats0.test(data6)) {
          const err21 = {
            instancePath: instancePath + '/registrationAddress',
            schemaPath: '#/$defs/address/anyOf/0/format',
            keyword: 'format',
            params: { format: 'ipv4' },
            message: 'must match format "' + 'ipv4' + '"',
            schema: 'ipv4',
            parentSchema: schema39.anyOf[0],
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      }
      var _valid0 = _errs24 === errors;
      valid6 = valid6 || _valid0;
      const _errs25 = errors;
      if (typeof data6 === 'string') {
        if (!formats4.test(data6)) {
          const err22 = {
            instancePath: instancePath + '/registrationAddress',
            schemaPath: '#/$defs/address/anyOf/1/format',
            keyword: 'format',
            params: { format: 'ipv6' },
            message: 'must match format "' + 'ipv6' + '"',
            schema: 'ipv6',
            parentSchema: schema39.anyOf[1],
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      }
      var _valid0 = _errs25 === errors;
      valid6 = valid6 || _valid0;
      const _errs26 = errors;
      if (typeof data6 === 'string') {
        if (!formats6.test(data6)) {
          const err23 = {
            instancePath: instancePath + '/registrationAddress',
            schemaPath: '#/$defs/address/anyOf/2/format',
            keyword: 'format',
            params: { format: 'hostname' },
            message: 'must match format "' + 'hostname' + '"',
            schema: 'hostname',
            parentSchema: schema39.anyOf[2],
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      }
      var _valid0 = _errs26 === errors;
      valid6 = valid6 || _valid0;
      if (!valid6) {
        const err24 = {
          instancePath: instancePath + '/registrationAddress',
          schemaPath: '#/$defs/address/anyOf',
          keyword: 'anyOf',
          params: {},
          message: 'must match a schema in anyOf',
          schema: schema39.anyOf,
          parentSchema: schema39,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      } else {
        errors = _errs23;
        if (vErrors !== null) {
          if (_errs23) {
            vErrors.length = _errs23;
          } else {
            vErrors = null;
          }
        }
      }
      if (errors > 0) {
        const emErrors0 = { anyOf: [], not: [] };
        const templates0 = {};
        for (const err25 of vErrors) {
          if (
            err25.keyword !== 'errorMessage' &&
            !err25.emUsed &&
            err25.instancePath === instancePath + '/registrationAddress' &&
            err25.keyword in emErrors0 &&
            err25.schemaPath.indexOf('#/$defs/address') === 0 &&
            /^\/[^\/]*$/.test(err25.schemaPath.slice(15))
          ) {
            emErrors0[err25.keyword].push(err25);
            err25.emUsed = true;
          }
        }
        for (const key2 in emErrors0) {
          if (emErrors0[key2].length) {
            const err26 = {
              instancePath: instancePath + '/registrationAddress',
              schemaPath: '#/$defs/address/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors0[key2] },
              message: key2 in templates0 ? templates0[key2]() : schema39.errorMessage[key2],
              schema: schema39.errorMessage,
              parentSchema: schema39,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        const emErrs0 = [];
        for (const err27 of vErrors) {
          if (!err27.emUsed) {
            emErrs0.push(err27);
          }
        }
        vErrors = emErrs0;
        errors = emErrs0.length;
      }
    }
    let data7 = data.tlsSans;
    if (Array.isArray(data7)) {
      const len0 = data7.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data8 = data7[i0];
        if (typeof data8 !== 'string') {
          const err28 = {
            instancePath: instancePath + '/tlsSans/' + i0,
            schemaPath: '#/$defs/address/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema39.type,
            parentSchema: schema39,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
        const _errs32 = errors;
        const _errs33 = errors;
        const _errs34 = errors;
        const _errs35 = errors;
        if (errors === _errs35) {
          if (typeof data8 === 'string') {
            if (!formats0.test(data8)) {
              const err29 = {};
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          }
        }
        var valid11 = _errs35 === errors;
        if (valid11) {
          const err30 = {};
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        } else {
          errors = _errs34;
          if (vErrors !== null) {
            if (_errs34) {
              vErrors.length = _errs34;
            } else {
              vErrors = null;
            }
          }
        }
        if (errors === _errs33) {
          if (typeof data8 === 'string') {
            if (!pattern6.test(data8)) {
              const err31 = {};
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
        }
        var valid10 = _errs33 === errors;
        if (valid10) {
          const err32 = {
            instancePath: instancePath + '/tlsSans/' + i0,
            schemaPath: '#/$defs/address/not',
            keyword: 'not',
            params: {},
            message: 'must NOT be valid',
            schema: schema39.not,
            parentSchema: schema39,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        } else {
          errors = _errs32;
          if (vErrors !== null) {
            if (_errs32) {
              vErrors.length = _errs32;
            } else {
              vErrors = null;
            }
          }
        }
        const _errs36 = errors;
        let valid12 = false;
        const _errs37 = errors;
        if (typeof data8 === 'string') {
          if (!formats0.test(data8)) {
            const err33 = {
              instancePath: instancePath + '/tlsSans/' + i0,
              schemaPath: '#/$defs/address/anyOf/0/format',
              keyword: 'format',
              params: { format: 'ipv4' },
              message: 'must match format "' + 'ipv4' + '"',
              schema: 'ipv4',
              parentSchema: schema39.anyOf[0],
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        var _valid1 = _errs37 === errors;
        valid12 = valid12 || _valid1;
        const _errs38 = errors;
        if (typeof data8 === 'string') {
          if (!formats4.test(data8)) {
            const err34 = {
              instancePath: instancePath + '/tlsSans/' + i0,
              schemaPath: '#/$defs/address/anyOf/1/format',
              keyword: 'format',
              params: { format: 'ipv6' },
              message: 'must match format "' + 'ipv6' + '"',
              schema: 'ipv6',
              parentSchema: schema39.anyOf[1],
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        var _valid1 = _errs38 === errors;
        valid12 = valid12 || _valid1;
        const _errs39 = errors;
        if (typeof data8 === 'string') {
          if (!formats6.test(data8)) {
            const err35 = {
              instancePath: instancePath + '/tlsSans/' + i0,
              schemaPath: '#/$defs/address/anyOf/2/format',
              keyword: 'format',
              params: { format: 'hostname' },
              message: 'must match format "' + 'hostname' + '"',
              schema: 'hostname',
              parentSchema: schema39.anyOf[2],
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        var _valid1 = _errs39 === errors;
        valid12 = valid12 || _valid1;
        if (!valid12) {
          const err36 = {
            instancePath: instancePath + '/tlsSans/' + i0,
            schemaPath: '#/$defs/address/anyOf',
            keyword: 'anyOf',
            params: {},
            message: 'must match a schema in anyOf',
            schema: schema39.anyOf,
            parentSchema: schema39,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        } else {
          errors = _errs36;
          if (vErrors !== null) {
            if (_errs36) {
              vErrors.length = _errs36;
            } else {
              vErrors = null;
            }
          }
        }
        if (errors > 0) {
          const emErrors1 = { anyOf: [], not: [] };
          const templates1 = {};
          for (const err37 of vErrors) {
            if (
              err37.keyword !== 'errorMessage' &&
              !err37.emUsed &&
              err37.instancePath === instancePath + '/tlsSans/' + i0 &&
              err37.keyword in emErrors1 &&
              err37.schemaPath.indexOf('#/$defs/address') === 0 &&
              /^\/[^\/]*$/.test(err37.schemaPath.slice(15))
            ) {
              emErrors1[err37.keyword].push(err37);
              err37.emUsed = true;
            }
          }
          for (const key3 in emErrors1) {
            if (emErrors1[key3].length) {
              const err38 = {
                instancePath: instancePath + '/tlsSans/' + i0,
                schemaPath: '#/$defs/address/errorMessage',
                keyword: 'errorMessage',
                params: { errors: emErrors1[key3] },
                message: key3 in templates1 ? templates1[key3]() : schema39.errorMessage[key3],
                schema: schema39.errorMessage,
                parentSchema: schema39,
                data: data8,
              };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
          }
          const emErrs1 = [];
          for (const err39 of vErrors) {
            if (!err39.emUsed) {
              emErrs1.push(err39);
            }
          }
          vErrors = emErrs1;
          errors = emErrs1.length;
        }
      }
      let i1 = data7.length;
      let j0;
      if (i1 > 1) {
        outer0: for (; i1--;) {
          for (j0 = i1; j0--;) {
            if (func0(data7[i1], data7[j0])) {
              const err40 = {
                instancePath: instancePath + '/tlsSans',
                schemaPath: '#/properties/tlsSans/uniqueItems',
                keyword: 'uniqueItems',
                params: { i: i1, j: j0 },
                message: 'must NOT have duplicate items (items ## ' + j0 + ' and ' + i1 + ' are identical)',
                schema: true,
                parentSchema: schema37.properties.tlsSans,
                data: data7,
              };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
              break outer0;
            }
          }
        }
      }
    } else {
      const err41 = {
        instancePath: instancePath + '/tlsSans',
        schemaPath: '#/properties/tlsSans/type',
        keyword: 'type',
        params: { type: 'array' },
        message: 'must be array',
        schema: schema37.properties.tlsSans.type,
        parentSchema: schema37.properties.tlsSans,
        data: data7,
      };
      if (vErrors === null) {
        vErrors = [err41];
      } else {
        vErrors.push(err41);
      }
      errors++;
    }
    let data9 = data.clusterCidr;
    if (typeof data9 === 'string') {
      if (!pattern8.test(data9)) {
        const err42 = {
          instancePath: instancePath + '/clusterCidr',
          schemaPath: '#/$defs/cidr/pattern',
          keyword: 'pattern',
          params: { pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' },
          message: 'must match pattern "' + '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' + '"',
          schema: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$',
          parentSchema: schema41,
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
    } else {
      const err43 = {
        instancePath: instancePath + '/clusterCidr',
        schemaPath: '#/$defs/cidr/type',
        keyword: 'type',
        params: { type: 'string' },
        message: 'must be string',
        schema: schema41.type,
        parentSchema: schema41,
        data: data9,
      };
      if (vErrors === null) {
        vErrors = [err43];
      } else {
        vErrors.push(err43);
      }
      errors++;
    }
    if (errors > 0) {
      const emErrors2 = { pattern: [] };
      const templates2 = {};
      for (const err44 of vErrors) {
        if (
          err44.keyword !== 'errorMessage' &&
          !err44.emUsed &&
          err44.instancePath === instancePath + '/clusterCidr' &&
          err44.keyword in emErrors2 &&
          err44.schemaPath.indexOf('#/$defs/cidr') === 0 &&
          /^\/[^\/]*$/.test(err44.schemaPath.slice(12))
        ) {
          emErrors2[err44.keyword].push(err44);
          err44.emUsed = true;
        }
      }
      for (const key4 in emErrors2) {
        if (emErrors2[key4].length) {
          const err45 = {
            instancePath: instancePath + '/clusterCidr',
            schemaPath: '#/$defs/cidr/errorMessage',
            keyword: 'errorMessage',
            params: { errors: emErrors2[key4] },
            message: key4 in templates2 ? templates2[key4]() : schema41.errorMessage[key4],
            schema: schema41.errorMessage,
            parentSchema: schema41,
            data: data9,
          };
          if (vErrors === null) {
            vErrors = [err45];
          } else {
            vErrors.push(err45);
          }
          errors++;
        }
      }
      const emErrs2 = [];
      for (const err46 of vErrors) {
        if (!err46.emUsed) {
          emErrs2.push(err46);
        }
      }
      vErrors = emErrs2;
      errors = emErrs2.length;
    }
    let data10 = data.serviceCidr;
    if (typeof data10 === 'string') {
      if (!pattern8.test(data10)) {
        const err47 = {
          instancePath: instancePath + '/serviceCidr',
          schemaPath: '#/$defs/cidr/pattern',
          keyword: 'pattern',
          params: { pattern: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' },
          message: 'must match pattern "' + '^[0-9A-Fa-f:.]+/[0-9]{1,3}$' + '"',
          schema: '^[0-9A-Fa-f:.]+/[0-9]{1,3}$',
          parentSchema: schema41,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    } else {
      const err48 = {
        instancePath: instancePath + '/serviceCidr',
        schemaPath: '#/$defs/cidr/type',
        keyword: 'type',
        params: { type: 'string' },
        message: 'must be string',
        schema: schema41.type,
        parentSchema: schema41,
        data: data10,
      };
      if (vErrors === null) {
        vErrors = [err48];
      } else {
        vErrors.push(err48);
      }
      errors++;
    }
    if (errors > 0) {
      const emErrors3 = { pattern: [] };
      const templates3 = {};
      for (const err49 of vErrors) {
        if (
          err49.keyword !== 'errorMessage' &&
          !err49.emUsed &&
          err49.instancePath === instancePath + '/serviceCidr' &&
          err49.keyword in emErrors3 &&
          err49.schemaPath.indexOf('#/$defs/cidr') === 0 &&
          /^\/[^\/]*$/.test(err49.schemaPath.slice(12))
        ) {
          emErrors3[err49.keyword].push(err49);
          err49.emUsed = true;
        }
      }
      for (const key5 in emErrors3) {
        if (emErrors3[key5].length) {
          const err50 = {
            instancePath: instancePath + '/serviceCidr',
            schemaPath: '#/$defs/cidr/errorMessage',
            keyword: 'errorMessage',
            params: { errors: emErrors3[key5] },
            message: key5 in templates3 ? templates3[key5]() : schema41.errorMessage[key5],
            schema: schema41.errorMessage,
            parentSchema: schema41,
            data: data10,
          };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
      }
      const emErrs3 = [];
      for (const err51 of vErrors) {
        if (!err51.emUsed) {
          emErrs3.push(err51);
        }
      }
      vErrors = emErrs3;
      errors = emErrs3.length;
    }
    if (data.token !== undefined) {
      let data11 = data.token;
      if (data11 && typeof data11 == 'object' && !Array.isArray(data11)) {
        if (Object.keys(data11).length > 1) {
          const err52 = {
            instancePath: instancePath + '/token',
            schemaPath: '#/$defs/secretRef/maxProperties',
            keyword: 'maxProperties',
            params: { limit: 1 },
            message: 'must NOT have more than 1 properties',
            schema: 1,
            parentSchema: schema43,
            data: data11,
          };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        if (Object.keys(data11).length < 1) {
          const err53 = {
            instancePath: instancePath + '/token',
            schemaPath: '#/$defs/secretRef/minProperties',
            keyword: 'minProperties',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 properties',
            schema: 1,
            parentSchema: schema43,
            data: data11,
          };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        for (const key6 in data11) {
          if (!(key6 === 'env' || key6 === 'file')) {
            const err54 = {
              instancePath: instancePath + '/token',
              schemaPath: '#/$defs/secretRef/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key6 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema43,
              data: data11,
            };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
        if (data11.env !== undefined) {
          let data12 = data11.env;
          if (typeof data12 === 'string') {
            if (!pattern10.test(data12)) {
              const err55 = {
                instancePath: instancePath + '/token/env',
                schemaPath: '#/$defs/secretRef/properties/env/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                parentSchema: schema43.properties.env,
                data: data12,
              };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
          } else {
            const err56 = {
              instancePath: instancePath + '/token/env',
              schemaPath: '#/$defs/secretRef/properties/env/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema43.properties.env.type,
              parentSchema: schema43.properties.env,
              data: data12,
            };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
        }
        if (data11.file !== undefined) {
          let data13 = data11.file;
          if (typeof data13 === 'string') {
            if (func2(data13) < 1) {
              const err57 = {
                instancePath: instancePath + '/token/file',
                schemaPath: '#/$defs/secretRef/properties/file/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema43.properties.file,
                data: data13,
              };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
          } else {
            const err58 = {
              instancePath: instancePath + '/token/file',
              schemaPath: '#/$defs/secretRef/properties/file/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema43.properties.file.type,
              parentSchema: schema43.properties.file,
              data: data13,
            };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
      } else {
        const err59 = {
          instancePath: instancePath + '/token',
          schemaPath: '#/$defs/secretRef/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema43.type,
          parentSchema: schema43,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
      if (errors > 0) {
        const emErrors4 = { type: [], minProperties: [], maxProperties: [] };
        const templates4 = {};
        for (const err60 of vErrors) {
          if (
            err60.keyword !== 'errorMessage' &&
            !err60.emUsed &&
            err60.instancePath === instancePath + '/token' &&
            err60.keyword in emErrors4 &&
            err60.schemaPath.indexOf('#/$defs/secretRef') === 0 &&
            /^\/[^\/]*$/.test(err60.schemaPath.slice(17))
          ) {
            emErrors4[err60.keyword].push(err60);
            err60.emUsed = true;
          }
        }
        for (const key7 in emErrors4) {
          if (emErrors4[key7].length) {
            const err61 = {
              instancePath: instancePath + '/token',
              schemaPath: '#/$defs/secretRef/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors4[key7] },
              message: key7 in templates4 ? templates4[key7]() : schema43.errorMessage[key7],
              schema: schema43.errorMessage,
              parentSchema: schema43,
              data: data11,
            };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        const emErrs4 = [];
        for (const err62 of vErrors) {
          if (!err62.emUsed) {
            emErrs4.push(err62);
          }
        }
        vErrors = emErrs4;
        errors = emErrs4.length;
      }
    }
    if (
      !validate26(data.install, {
        instancePath: instancePath + '/install',
        parentData: data,
        parentDataProperty: 'install',
        rootData,
        dynamicAnchors,
      })
    ) {
      vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
      errors = vErrors.length;
    }
    if (data.registry !== undefined) {
      if (
        !validate28(data.registry, {
          instancePath: instancePath + '/registry',
          parentData: data,
          parentDataProperty: 'registry',
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
        errors = vErrors.length;
      }
    }
    let data16 = data.allowSingleServer;
    if (typeof data16 !== 'boolean') {
      const err63 = {
        instancePath: instancePath + '/allowSingleServer',
        schemaPath: '#/properties/allowSingleServer/type',
        keyword: 'type',
        params: { type: 'boolean' },
        message: 'must be boolean',
        schema: schema37.properties.allowSingleServer.type,
        parentSchema: schema37.properties.allowSingleServer,
        data: data16,
      };
      if (vErrors === null) {
        vErrors = [err63];
      } else {
        vErrors.push(err63);
      }
      errors++;
    }
  } else {
    const err64 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema37.type,
      parentSchema: schema37,
      data,
    };
    if (vErrors === null) {
      vErrors = [err64];
    } else {
      vErrors.push(err64);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema50 = {
  description: 'How rigger reaches hosts. Host keys are always verified.',
  type: 'object',
  additionalProperties: false,
  properties: {
    user: { description: 'Login user.', type: 'string', minLength: 1, default: 'root' },
    port: { description: 'SSH port.', type: 'integer', minimum: 1, maximum: 65535, default: 22 },
    privateKeyPath: {
      description:
        'Private key file. Without it, rigger uses the SSH agent (`SSH_AUTH_SOCK`), like `ssh` does.',
      $ref: '#/$defs/path',
    },
    knownHostsPath: {
      description: "known_hosts file the hosts' keys are checked against.",
      $ref: '#/$defs/path',
      default: '~/.ssh/known_hosts',
    },
    hostKeyPolicy: {
      description:
        '`strict`: a host whose key is not in known_hosts is refused. `accept-new`: trust on first use, the key is appended (a changed key is still refused).',
      enum: ['strict', 'accept-new'],
      default: 'strict',
    },
    bastion: { $ref: '#/$defs/bastion' },
    become: {
      description: 'Run commands through `sudo -n` (for a non-root user).',
      type: 'boolean',
      default: false,
    },
    connectTimeout: {
      description: 'Seconds to wait for a connection.',
      type: 'integer',
      minimum: 1,
      default: 10,
    },
    commandTimeout: {
      description: 'Seconds a single remote command may run before it is stopped.',
      type: 'integer',
      minimum: 1,
      default: 600,
    },
    parallel: {
      description: 'How many hosts rigger works on at once.',
      type: 'integer',
      minimum: 1,
      default: 30,
    },
  },
};
const schema53 = {
  description:
    "A jump host every connection goes through (like OpenSSH's ProxyJump). Its host key is checked against the same known_hosts.",
  type: 'object',
  additionalProperties: false,
  required: ['host'],
  properties: {
    host: { description: 'Bastion address.', $ref: '#/$defs/address' },
    port: { description: 'Bastion SSH port.', type: 'integer', minimum: 1, maximum: 65535, default: 22 },
    user: { description: 'Bastion login user; defaults to `ssh.user`.', type: 'string', minLength: 1 },
    privateKeyPath: { description: 'Bastion key; defaults to `ssh.privateKeyPath`.', $ref: '#/$defs/path' },
  },
};
function validate34(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate34.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.port === undefined) {
      data.port = 22;
    }
    if (data.host === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'host' },
        message: "must have required property '" + 'host' + "'",
        schema: schema53.required,
        parentSchema: schema53,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'host' || key0 === 'port' || key0 === 'user' || key0 === 'privateKeyPath')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema53,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.host !== undefined) {
      let data0 = data.host;
      if (typeof data0 !== 'string') {
        const err2 = {
          instancePath: instancePath + '/host',
          schemaPath: '#/$defs/address/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema39.type,
          parentSchema: schema39,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs5 = errors;
      const _errs6 = errors;
      const _errs7 = errors;
      const _errs8 = errors;
      if (errors === _errs8) {
        if (typeof data0 === 'string') {
          if (!formats0.test(data0)) {
            const err3 = {};
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
      }
      var valid3 = _errs8 === errors;
      if (valid3) {
        const err4 = {};
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      } else {
        errors = _errs7;
        if (vErrors !== null) {
          if (_errs7) {
            vErrors.length = _errs7;
          } else {
            vErrors = null;
          }
        }
      }
      if (errors === _errs6) {
        if (typeof data0 === 'string') {
          if (!pattern6.test(data0)) {
            const err5 = {};
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
      }
      var valid2 = _errs6 === errors;
      if (valid2) {
        const err6 = {
          instancePath: instancePath + '/host',
          schemaPath: '#/$defs/address/not',
          keyword: 'not',
          params: {},
          message: 'must NOT be valid',
          schema: schema39.not,
          parentSchema: schema39,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
      const _errs9 = errors;
      let valid4 = false;
      const _errs10 = errors;
      if (typeof data0 === 'string') {
        if (!formats0.test(data0)) {
          const err7 = {
            instancePath: instancePath + '/host',
            schemaPath: '#/$defs/address/anyOf/0/format',
            keyword: 'format',
            params: { format: 'ipv4' },
            message: 'must match format "' + 'ipv4' + '"',
            schema: 'ipv4',
            parentSchema: schema39.anyOf[0],
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
      var _valid0 = _errs10 === errors;
      valid4 = valid4 || _valid0;
      const _errs11 = errors;
      if (typeof data0 === 'string') {
        if (!formats4.test(data0)) {
          const err8 = {
            instancePath: instancePath + '/host',
            schemaPath: '#/$defs/address/anyOf/1/format',
            keyword: 'format',
            params: { format: 'ipv6' },
            message: 'must match format "' + 'ipv6' + '"',
            schema: 'ipv6',
            parentSchema: schema39.anyOf[1],
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      }
      var _valid0 = _errs11 === errors;
      valid4 = valid4 || _valid0;
      const _errs12 = errors;
      if (typeof data0 === 'string') {
        if (!formats6.test(data0)) {
          const err9 = {
            instancePath: instancePath + '/host',
            schemaPath: '#/$defs/address/anyOf/2/format',
            keyword: 'format',
            params: { format: 'hostname' },
            message: 'must match format "' + 'hostname' + '"',
            schema: 'hostname',
            parentSchema: schema39.anyOf[2],
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
      var _valid0 = _errs12 === errors;
      valid4 = valid4 || _valid0;
      if (!valid4) {
        const err10 = {
          instancePath: instancePath + '/host',
          schemaPath: '#/$defs/address/anyOf',
          keyword: 'anyOf',
          params: {},
          message: 'must match a schema in anyOf',
          schema: schema39.anyOf,
          parentSchema: schema39,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      } else {
        errors = _errs9;
        if (vErrors !== null) {
          if (_errs9) {
            vErrors.length = _errs9;
          } else {
            vErrors = null;
          }
        }
      }
      if (errors > 0) {
        const emErrors0 = { anyOf: [], not: [] };
        const templates0 = {};
        for (const err11 of vErrors) {
          if (
            err11.keyword !== 'errorMessage' &&
            !err11.emUsed &&
            err11.instancePath === instancePath + '/host' &&
            err11.keyword in emErrors0 &&
            err11.schemaPath.indexOf('#/$defs/address') === 0 &&
            /^\/[^\/]*$/.test(err11.schemaPath.slice(15))
          ) {
            emErrors0[err11.keyword].push(err11);
            err11.emUsed = true;
          }
        }
        for (const key1 in emErrors0) {
          if (emErrors0[key1].length) {
            const err12 = {
              instancePath: instancePath + '/host',
              schemaPath: '#/$defs/address/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors0[key1] },
              message: key1 in templates0 ? templates0[key1]() : schema39.errorMessage[key1],
              schema: schema39.errorMessage,
              parentSchema: schema39,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        const emErrs0 = [];
        for (const err13 of vErrors) {
          if (!err13.emUsed) {
            emErrs0.push(err13);
          }
        }
        vErrors = emErrs0;
        errors = emErrs0.length;
      }
    }
    let data1 = data.port;
    if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
      const err14 = {
        instancePath: instancePath + '/port',
        schemaPath: '#/properties/port/type',
        keyword: 'type',
        params: { type: 'integer' },
        message: 'must be integer',
        schema: schema53.properties.port.type,
        parentSchema: schema53.properties.port,
        data: data1,
      };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    if (typeof data1 == 'number' && isFinite(data1)) {
      if (data1 > 65535 || isNaN(data1)) {
        const err15 = {
          instancePath: instancePath + '/port',
          schemaPath: '#/properties/port/maximum',
          keyword: 'maximum',
          params: { comparison: '<=', limit: 65535 },
          message: 'must be <= 65535',
          schema: 65535,
          parentSchema: schema53.properties.port,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (data1 < 1 || isNaN(data1)) {
        const err16 = {
          instancePath: instancePath + '/port',
          schemaPath: '#/properties/port/minimum',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
          schema: 1,
          parentSchema: schema53.properties.port,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.user !== undefined) {
      let data2 = data.user;
      if (typeof data2 === 'string') {
        if (func2(data2) < 1) {
          const err17 = {
            instancePath: instancePath + '/user',
            schemaPath: '#/properties/user/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema53.properties.user,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = {
          instancePath: instancePath + '/user',
          schemaPath: '#/properties/user/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema53.properties.user.type,
          parentSchema: schema53.properties.user,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.privateKeyPath !== undefined) {
      let data3 = data.privateKeyPath;
      if (typeof data3 === 'string') {
        if (func2(data3) < 1) {
          const err19 = {
            instancePath: instancePath + '/privateKeyPath',
            schemaPath: '#/$defs/path/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema45,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = {
          instancePath: instancePath + '/privateKeyPath',
          schemaPath: '#/$defs/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema45.type,
          parentSchema: schema45,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
  } else {
    const err21 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema53.type,
      parentSchema: schema53,
      data,
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate34.errors = vErrors;
  return errors === 0;
}
validate34.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate33(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate33.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.user === undefined) {
      data.user = 'root';
    }
    if (data.port === undefined) {
      data.port = 22;
    }
    if (data.knownHostsPath === undefined) {
      data.knownHostsPath = '~/.ssh/known_hosts';
    }
    if (data.hostKeyPolicy === undefined) {
      data.hostKeyPolicy = 'strict';
    }
    if (data.become === undefined) {
      data.become = false;
    }
    if (data.connectTimeout === undefined) {
      data.connectTimeout = 10;
    }
    if (data.commandTimeout === undefined) {
      data.commandTimeout = 600;
    }
    if (data.parallel === undefined) {
      data.parallel = 30;
    }
    for (const key0 in data) {
      if (!func1.call(schema50.properties, key0)) {
        const err0 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema50,
          data,
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    let data0 = data.user;
    if (typeof data0 === 'string') {
      if (func2(data0) < 1) {
        const err1 = {
          instancePath: instancePath + '/user',
          schemaPath: '#/properties/user/minLength',
          keyword: 'minLength',
          params: { limit: 1 },
          message: 'must NOT have fewer than 1 characters',
          schema: 1,
          parentSchema: schema50.properties.user,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    } else {
      const err2 = {
        instancePath: instancePath + '/user',
        schemaPath: '#/properties/user/type',
        keyword: 'type',
        params: { type: 'string' },
        message: 'must be string',
        schema: schema50.properties.user.type,
        parentSchema: schema50.properties.user,
        data: data0,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    let data1 = data.port;
    if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
      const err3 = {
        instancePath: instancePath + '/port',
        schemaPath: '#/properties/port/type',
        keyword: 'type',
        params: { type: 'integer' },
        message: 'must be integer',
        schema: schema50.properties.port.type,
        parentSchema: schema50.properties.port,
        data: data1,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (typeof data1 == 'number' && isFinite(data1)) {
      if (data1 > 65535 || isNaN(data1)) {
        const err4 = {
          instancePath: instancePath + '/port',
          schemaPath: '#/properties/port/maximum',
          keyword: 'maximum',
          params: { comparison: '<=', limit: 65535 },
          message: 'must be <= 65535',
          schema: 65535,
          parentSchema: schema50.properties.port,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (data1 < 1 || isNaN(data1)) {
        const err5 = {
          instancePath: instancePath + '/port',
          schemaPath: '#/properties/port/minimum',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
          schema: 1,
          parentSchema: schema50.properties.port,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.privateKeyPath !== undefined) {
      let data2 = data.privateKeyPath;
      if (typeof data2 === 'string') {
        if (func2(data2) < 1) {
          const err6 = {
            instancePath: instancePath + '/privateKeyPath',
            schemaPath: '#/$defs/path/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema45,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + '/privateKeyPath',
          schemaPath: '#/$defs/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema45.type,
          parentSchema: schema45,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    let data3 = data.knownHostsPath;
    if (typeof data3 === 'string') {
      if (func2(data3) < 1) {
        const err8 = {
          instancePath: instancePath + '/knownHostsPath',
          schemaPath: '#/$defs/path/minLength',
          keyword: 'minLength',
          params: { limit: 1 },
          message: 'must NOT have fewer than 1 characters',
          schema: 1,
          parentSchema: schema45,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    } else {
      const err9 = {
        instancePath: instancePath + '/knownHostsPath',
        schemaPath: '#/$defs/path/type',
        keyword: 'type',
        params: { type: 'string' },
        message: 'must be string',
        schema: schema45.type,
        parentSchema: schema45,
        data: data3,
      };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    let data4 = data.hostKeyPolicy;
    if (!(data4 === 'strict' || data4 === 'accept-new')) {
      const err10 = {
        instancePath: instancePath + '/hostKeyPolicy',
        schemaPath: '#/properties/hostKeyPolicy/enum',
        keyword: 'enum',
        params: { allowedValues: schema50.properties.hostKeyPolicy.enum },
        message: 'must be equal to one of the allowed values',
        schema: schema50.properties.hostKeyPolicy.enum,
        parentSchema: schema50.properties.hostKeyPolicy,
        data: data4,
      };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.bastion !== undefined) {
      if (
        !validate34(data.bastion, {
          instancePath: instancePath + '/bastion',
          parentData: data,
          parentDataProperty: 'bastion',
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
        errors = vErrors.length;
      }
    }
    let data6 = data.become;
    if (typeof data6 !== 'boolean') {
      const err11 = {
        instancePath: instancePath + '/become',
        schemaPath: '#/properties/become/type',
        keyword: 'type',
        params: { type: 'boolean' },
        message: 'must be boolean',
        schema: schema50.properties.become.type,
        parentSchema: schema50.properties.become,
        data: data6,
      };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    let data7 = data.connectTimeout;
    if (!(typeof data7 == 'number' && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
      const err12 = {
        instancePath: instancePath + '/connectTimeout',
        schemaPath: '#/properties/connectTimeout/type',
        keyword: 'type',
        params: { type: 'integer' },
        message: 'must be integer',
        schema: schema50.properties.connectTimeout.type,
        parentSchema: schema50.properties.connectTimeout,
        data: data7,
      };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (typeof data7 == 'number' && isFinite(data7)) {
      if (data7 < 1 || isNaN(data7)) {
        const err13 = {
          instancePath: instancePath + '/connectTimeout',
          schemaPath: '#/properties/connectTimeout/minimum',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
          schema: 1,
          parentSchema: schema50.properties.connectTimeout,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    let data8 = data.commandTimeout;
    if (!(typeof data8 == 'number' && !(data8 % 1) && !isNaN(data8) && isFinite(data8))) {
      const err14 = {
        instancePath: instancePath + '/commandTimeout',
        schemaPath: '#/properties/commandTimeout/type',
        keyword: 'type',
        params: { type: 'integer' },
        message: 'must be integer',
        schema: schema50.properties.commandTimeout.type,
        parentSchema: schema50.properties.commandTimeout,
        data: data8,
      };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    if (typeof data8 == 'number' && isFinite(data8)) {
      if (data8 < 1 || isNaN(data8)) {
        const err15 = {
          instancePath: instancePath + '/commandTimeout',
          schemaPath: '#/properties/commandTimeout/minimum',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
          schema: 1,
          parentSchema: schema50.properties.commandTimeout,
          data: data8,
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    let data9 = data.parallel;
    if (!(typeof data9 == 'number' && !(data9 % 1) && !isNaN(data9) && isFinite(data9))) {
      const err16 = {
        instancePath: instancePath + '/parallel',
        schemaPath: '#/properties/parallel/type',
        keyword: 'type',
        params: { type: 'integer' },
        message: 'must be integer',
        schema: schema50.properties.parallel.type,
        parentSchema: schema50.properties.parallel,
        data: data9,
      };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    if (typeof data9 == 'number' && isFinite(data9)) {
      if (data9 < 1 || isNaN(data9)) {
        const err17 = {
          instancePath: instancePath + '/parallel',
          schemaPath: '#/properties/parallel/minimum',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 1 },
          message: 'must be >= 1',
          schema: 1,
          parentSchema: schema50.properties.parallel,
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema50.type,
      parentSchema: schema50,
      data,
    };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
validate33.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema56 = {
  description: 'One machine.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'address', 'roles', 'os'],
  properties: {
    name: {
      description: 'Host and Kubernetes node name: a unique RFC 1123 label. rigger sets the hostname to it.',
      type: 'string',
      pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
      errorMessage: { pattern: "must be an RFC 1123 label: lowercase letters, digits and '-', at most 63" },
    },
    address: { description: 'Address rigger connects to, also the node IP.', $ref: '#/$defs/address' },
    roles: {
      description:
        'What the host runs: `control-plane` (RKE2 server with etcd), `worker` (RKE2 agent), `storage` (Ceph OSDs on `storage.devices`).',
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: ['control-plane', 'worker', 'storage'] },
    },
    os: {
      description: "Operating system, checked against the host's facts before anything changes.",
      enum: ['ubuntu', 'flatcar'],
    },
    labels: {
      description:
        'Kubernetes node labels, which the kubelet sets on its own Node (RKE2 `node-label`). Keys and values are checked as the API server checks them; keys in the kubernetes.io and k8s.io namespaces only as far as a kubelet may set them (`node.kubernetes.io/*`, `kubelet.kubernetes.io/*`, `topology.kubernetes.io/zone` and a few more; not `node-role.kubernetes.io/*`).',
      type: 'object',
      additionalProperties: { type: 'string', maxLength: 63 },
      default: {},
    },
    taints: {
      description:
        'Kubernetes node taints as `key=value:Effect` or `key:Effect` (RKE2 `node-taint`), checked as the kubelet and the API server check them: the key like a label key, the value like a label value, unique by key and effect.',
      type: 'array',
      items: {
        type: 'string',
        pattern: '^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$',
        errorMessage: {
          pattern:
            'must be key=value:Effect or key:Effect, Effect one of NoSchedule, PreferNoSchedule, NoExecute',
        },
      },
      default: [],
    },
    storage: {
      description: 'Storage for Ceph on hosts with the `storage` role.',
      type: 'object',
      additionalProperties: false,
      properties: {
        devices: {
          description: 'Raw disks (no filesystem) that Ceph OSDs take over, e.g. `/dev/sdb`.',
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', pattern: '^/dev/[A-Za-z0-9/_-]+$' },
        },
      },
    },
    network: {
      description:
        "The host's network, used for Flatcar's Ignition config and to check that MetalLB pools sit in a host subnet.",
      type: 'object',
      additionalProperties: false,
      required: ['prefixLength'],
      properties: {
        interface: { description: 'Interface name, e.g. `eno1`.', type: 'string', minLength: 1 },
        prefixLength: {
          description: "Prefix length of the host's subnet.",
          type: 'integer',
          minimum: 0,
          maximum: 128,
        },
        gateway: {
          description: 'Default gateway.',
          type: 'string',
          anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }],
        },
        dns: {
          description: 'DNS servers.',
          type: 'array',
          items: { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] },
        },
      },
    },
    ssh: { $ref: '#/$defs/hostSsh' },
  },
};
const pattern19 = new RegExp(
  '^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$',
  'u',
);
const pattern20 = new RegExp('^/dev/[A-Za-z0-9/_-]+$', 'u');
const schema58 = {
  description: 'Per-host overrides of `ssh`.',
  type: 'object',
  additionalProperties: false,
  properties: {
    user: { description: 'Login user.', type: 'string', minLength: 1 },
    port: { description: 'SSH port.', type: 'integer', minimum: 1, maximum: 65535 },
    privateKeyPath: { description: 'Private key file.', $ref: '#/$defs/path' },
    become: { description: 'Run commands through `sudo -n`.', type: 'boolean' },
    bastion: {
      description: 'A jump host for this host only, or `false` to connect directly.',
      oneOf: [{ $ref: '#/$defs/bastion' }, { const: false }],
    },
  },
};
function validate38(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate38.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(
        key0 === 'user' ||
        key0 === 'port' ||
        key0 === 'privateKeyPath' ||
        key0 === 'become' ||
        key0 === 'bastion'
      )) {
        const err0 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema58,
          data,
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.user !== undefined) {
      let data0 = data.user;
      if (typeof data0 === 'string') {
        if (func2(data0) < 1) {
          const err1 = {
            instancePath: instancePath + '/user',
            schemaPath: '#/properties/user/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema58.properties.user,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/user',
          schemaPath: '#/properties/user/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema58.properties.user.type,
          parentSchema: schema58.properties.user,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.port !== undefined) {
      let data1 = data.port;
      if (!(typeof data1 == 'number' && !(data1 % 1) && !isNaN(data1) && isFinite(data1))) {
        const err3 = {
          instancePath: instancePath + '/port',
          schemaPath: '#/properties/port/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
          schema: schema58.properties.port.type,
          parentSchema: schema58.properties.port,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data1 == 'number' && isFinite(data1)) {
        if (data1 > 65535 || isNaN(data1)) {
          const err4 = {
            instancePath: instancePath + '/port',
            schemaPath: '#/properties/port/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 65535 },
            message: 'must be <= 65535',
            schema: 65535,
            parentSchema: schema58.properties.port,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (data1 < 1 || isNaN(data1)) {
          const err5 = {
            instancePath: instancePath + '/port',
            schemaPath: '#/properties/port/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
            schema: 1,
            parentSchema: schema58.properties.port,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.privateKeyPath !== undefined) {
      let data2 = data.privateKeyPath;
      if (typeof data2 === 'string') {
        if (func2(data2) < 1) {
          const err6 = {
            instancePath: instancePath + '/privateKeyPath',
            schemaPath: '#/$defs/path/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema45,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + '/privateKeyPath',
          schemaPath: '#/$defs/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema45.type,
          parentSchema: schema45,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.become !== undefined) {
      let data3 = data.become;
      if (typeof data3 !== 'boolean') {
        const err8 = {
          instancePath: instancePath + '/become',
          schemaPath: '#/properties/become/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema58.properties.become.type,
          parentSchema: schema58.properties.become,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.bastion !== undefined) {
      let data4 = data.bastion;
      const _errs12 = errors;
      let valid2 = false;
      let passing0 = null;
      const _errs13 = errors;
      if (
        !validate34(data4, {
          instancePath: instancePath + '/bastion',
          parentData: data,
          parentDataProperty: 'bastion',
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
        errors = vErrors.length;
      }
      var _valid0 = _errs13 === errors;
      if (_valid0) {
        valid2 = true;
        passing0 = 0;
      }
      const _errs14 = errors;
      if (false !== data4) {
        const err9 = {
          instancePath: instancePath + '/bastion',
          schemaPath: '#/properties/bastion/oneOf/1/const',
          keyword: 'const',
          params: { allowedValue: false },
          message: 'must be equal to constant',
          schema: false,
          parentSchema: schema58.properties.bastion.oneOf[1],
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      var _valid0 = _errs14 === errors;
      if (_valid0 && valid2) {
        valid2 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid2 = true;
          passing0 = 1;
        }
      }
      if (!valid2) {
        const err10 = {
          instancePath: instancePath + '/bastion',
          schemaPath: '#/properties/bastion/oneOf',
          keyword: 'oneOf',
          params: { passingSchemas: passing0 },
          message: 'must match exactly one schema in oneOf',
          schema: schema58.properties.bastion.oneOf,
          parentSchema: schema58.properties.bastion,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      } else {
        errors = _errs12;
        if (vErrors !== null) {
          if (_errs12) {
            vErrors.length = _errs12;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err11 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema58.type,
      parentSchema: schema58,
      data,
    };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate38.errors = vErrors;
  return errors === 0;
}
validate38.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate37(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate37.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.labels === undefined) {
      data.labels = {};
    }
    if (data.taints === undefined) {
      data.taints = [];
    }
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
        schema: schema56.required,
        parentSchema: schema56,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.address === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'address' },
        message: "must have required property '" + 'address' + "'",
        schema: schema56.required,
        parentSchema: schema56,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.roles === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'roles' },
        message: "must have required property '" + 'roles' + "'",
        schema: schema56.required,
        parentSchema: schema56,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.os === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'os' },
        message: "must have required property '" + 'os' + "'",
        schema: schema56.required,
        parentSchema: schema56,
        data,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema56.properties, key0)) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema56,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === 'string') {
        if (!pattern4.test(data0)) {
          const err5 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/properties/name/pattern',
            keyword: 'pattern',
            params: { pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
            message: 'must match pattern "' + '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' + '"',
            schema: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
            parentSchema: schema56.properties.name,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema56.properties.name.type,
          parentSchema: schema56.properties.name,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (errors > 0) {
        const emErrors0 = { pattern: [] };
        const templates0 = {};
        for (const err7 of vErrors) {
          if (
            err7.keyword !== 'errorMessage' &&
            !err7.emUsed &&
            err7.instancePath === instancePath + '/name' &&
            err7.keyword in emErrors0 &&
            err7.schemaPath.indexOf('#/properties/name') === 0 &&
            /^\/[^\/]*$/.test(err7.schemaPath.slice(17))
          ) {
            emErrors0[err7.keyword].push(err7);
            err7.emUsed = true;
          }
        }
        for (const key1 in emErrors0) {
          if (emErrors0[key1].length) {
            const err8 = {
              instancePath: instancePath + '/name',
              schemaPath: '#/properties/name/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors0[key1] },
              message: key1 in templates0 ? templates0[key1]() : schema56.properties.name.errorMessage[key1],
              schema: schema56.properties.name.errorMessage,
              parentSchema: schema56.properties.name,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        const emErrs0 = [];
        for (const err9 of vErrors) {
          if (!err9.emUsed) {
            emErrs0.push(err9);
          }
        }
        vErrors = emErrs0;
        errors = emErrs0.length;
      }
    }
    if (data.address !== undefined) {
      let data1 = data.address;
      if (typeof data1 !== 'string') {
        const err10 = {
          instancePath: instancePath + '/address',
          schemaPath: '#/$defs/address/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema39.type,
          parentSchema: schema39,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      const _errs7 = errors;
      const _errs8 = errors;
      const _errs9 = errors;
      const _errs10 = errors;
      if (errors === _errs10) {
        if (typeof data1 === 'string') {
          if (!formats0.test(data1)) {
            const err11 = {};
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      }
      var valid3 = _errs10 === errors;
      if (valid3) {
        const err12 = {};
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      } else {
        errors = _errs9;
        if (vErrors !== null) {
          if (_errs9) {
            vErrors.length = _errs9;
          } else {
            vErrors = null;
          }
        }
      }
      if (errors === _errs8) {
        if (typeof data1 === 'string') {
          if (!pattern6.test(data1)) {
            const err13 = {};
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      }
      var valid2 = _errs8 === errors;
      if (valid2) {
        const err14 = {
          instancePath: instancePath + '/address',
          schemaPath: '#/$defs/address/not',
          keyword: 'not',
          params: {},
          message: 'must NOT be valid',
          schema: schema39.not,
          parentSchema: schema39,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      } else {
        errors = _errs7;
        if (vErrors !== null) {
          if (_errs7) {
            vErrors.length = _errs7;
          } else {
            vErrors = null;
          }
        }
      }
      const _errs11 = errors;
      let valid4 = false;
      const _errs12 = errors;
      if (typeof data1 === 'string') {
        if (!formats0.test(data1)) {
          const err15 = {
            instancePath: instancePath + '/address',
            schemaPath: '#/$defs/address/anyOf/0/format',
            keyword: 'format',
            params: { format: 'ipv4' },
            message: 'must match format "' + 'ipv4' + '"',
            schema: 'ipv4',
            parentSchema: schema39.anyOf[0],
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
      var _valid0 = _errs12 === errors;
      valid4 = valid4 || _valid0;
      const _errs13 = errors;
      if (typeof data1 === 'string') {
        if (!formats4.test(data1)) {
          const err16 = {
            instancePath: instancePath + '/address',
            schemaPath: '#/$defs/address/anyOf/1/format',
            keyword: 'format',
            params: { format: 'ipv6' },
            message: 'must match format "' + 'ipv6' + '"',
            schema: 'ipv6',
            parentSchema: schema39.anyOf[1],
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
      var _valid0 = _errs13 === errors;
      valid4 = valid4 || _valid0;
      const _errs14 = errors;
      if (typeof data1 === 'string') {
        if (!formats6.test(data1)) {
          const err17 = {
            instancePath: instancePath + '/address',
            schemaPath: '#/$defs/address/anyOf/2/format',
            keyword: 'format',
            params: { format: 'hostname' },
            message: 'must match format "' + 'hostname' + '"',
            schema: 'hostname',
            parentSchema: schema39.anyOf[2],
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
      var _valid0 = _errs14 === errors;
      valid4 = valid4 || _valid0;
      if (!valid4) {
        const err18 = {
          instancePath: instancePath + '/address',
          schemaPath: '#/$defs/address/anyOf',
          keyword: 'anyOf',
          params: {},
          message: 'must match a schema in anyOf',
          schema: schema39.anyOf,
          parentSchema: schema39,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      } else {
        errors = _errs11;
        if (vErrors !== null) {
          if (_errs11) {
            vErrors.length = _errs11;
          } else {
            vErrors = null;
          }
        }
      }
      if (errors > 0) {
        const emErrors1 = { anyOf: [], not: [] };
        const templates1 = {};
        for (const err19 of vErrors) {
          if (
            err19.keyword !== 'errorMessage' &&
            !err19.emUsed &&
            err19.instancePath === instancePath + '/address' &&
            err19.keyword in emErrors1 &&
            err19.schemaPath.indexOf('#/$defs/address') === 0 &&
            /^\/[^\/]*$/.test(err19.schemaPath.slice(15))
          ) {
            emErrors1[err19.keyword].push(err19);
            err19.emUsed = true;
          }
        }
        for (const key2 in emErrors1) {
          if (emErrors1[key2].length) {
            const err20 = {
              instancePath: instancePath + '/address',
              schemaPath: '#/$defs/address/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors1[key2] },
              message: key2 in templates1 ? templates1[key2]() : schema39.errorMessage[key2],
              schema: schema39.errorMessage,
              parentSchema: schema39,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        const emErrs1 = [];
        for (const err21 of vErrors) {
          if (!err21.emUsed) {
            emErrs1.push(err21);
          }
        }
        vErrors = emErrs1;
        errors = emErrs1.length;
      }
    }
    if (data.roles !== undefined) {
      let data2 = data.roles;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err22 = {
            instancePath: instancePath + '/roles',
            schemaPath: '#/properties/roles/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema56.properties.roles,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (!(data3 === 'control-plane' || data3 === 'worker' || data3 === 'storage')) {
            const err23 = {
              instancePath: instancePath + '/roles/' + i0,
              schemaPath: '#/properties/roles/items/enum',
              keyword: 'enum',
              params: { allowedValues: schema56.properties.roles.items.enum },
              message: 'must be equal to one of the allowed values',
              schema: schema56.properties.roles.items.enum,
              parentSchema: schema56.properties.roles.items,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        let i1 = data2.length;
        let j0;
        if (i1 > 1) {
          outer0: for (; i1--;) {
            for (j0 = i1; j0--;) {
              if (func0(data2[i1], data2[j0])) {
                const err24 = {
                  instancePath: instancePath + '/roles',
                  schemaPath: '#/properties/roles/uniqueItems',
                  keyword: 'uniqueItems',
                  params: { i: i1, j: j0 },
                  message: 'must NOT have duplicate items (items ## ' + j0 + ' and ' + i1 + ' are identical)',
                  schema: true,
                  parentSchema: schema56.properties.roles,
                  data: data2,
                };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
                break outer0;
              }
            }
          }
        }
      } else {
        const err25 = {
          instancePath: instancePath + '/roles',
          schemaPath: '#/properties/roles/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema56.properties.roles.type,
          parentSchema: schema56.properties.roles,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.os !== undefined) {
      let data4 = data.os;
      if (!(data4 === 'ubuntu' || data4 === 'flatcar')) {
        const err26 = {
          instancePath: instancePath + '/os',
          schemaPath: '#/properties/os/enum',
          keyword: 'enum',
          params: { allowedValues: schema56.properties.os.enum },
          message: 'must be equal to one of the allowed values',
          schema: schema56.properties.os.enum,
          parentSchema: schema56.properties.os,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    let data5 = data.labels;
    if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
      for (const key3 in data5) {
        let data6 = data5[key3];
        if (typeof data6 === 'string') {
          if (func2(data6) > 63) {
            const err27 = {
              instancePath: instancePath + '/labels/' + key3.replace(/~/g, '~0').replace(/\//g, '~1'),
              schemaPath: '#/properties/labels/additionalProperties/maxLength',
              keyword: 'maxLength',
              params: { limit: 63 },
              message: 'must NOT have more than 63 characters',
              schema: 63,
              parentSchema: schema56.properties.labels.additionalProperties,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        } else {
          const err28 = {
            instancePath: instancePath + '/labels/' + key3.replace(/~/g, '~0').replace(/\//g, '~1'),
            schemaPath: '#/properties/labels/additionalProperties/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema56.properties.labels.additionalProperties.type,
            parentSchema: schema56.properties.labels.additionalProperties,
            data: data6,
          };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      }
    } else {
      const err29 = {
        instancePath: instancePath + '/labels',
        schemaPath: '#/properties/labels/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema56.properties.labels.type,
        parentSchema: schema56.properties.labels,
        data: data5,
      };
      if (vErrors === null) {
        vErrors = [err29];
      } else {
        vErrors.push(err29);
      }
      errors++;
    }
    let data7 = data.taints;
    if (Array.isArray(data7)) {
      const len1 = data7.length;
      for (let i2 = 0; i2 < len1; i2++) {
        let data8 = data7[i2];
        if (typeof data8 === 'string') {
          if (!pattern19.test(data8)) {
            const err30 = {
              instancePath: instancePath + '/taints/' + i2,
              schemaPath: '#/properties/taints/items/pattern',
              keyword: 'pattern',
              params: {
                pattern: '^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$',
              },
              message:
                'must match pattern "' +
                '^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$' +
                '"',
              schema: '^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$',
              parentSchema: schema56.properties.taints.items,
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        } else {
          const err31 = {
            instancePath: instancePath + '/taints/' + i2,
            schemaPath: '#/properties/taints/items/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema56.properties.taints.items.type,
            parentSchema: schema56.properties.taints.items,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        if (errors > 0) {
          const emErrors2 = { pattern: [] };
          const templates2 = {};
          for (const err32 of vErrors) {
            if (
              err32.keyword !== 'errorMessage' &&
              !err32.emUsed &&
              err32.instancePath === instancePath + '/taints/' + i2 &&
              err32.keyword in emErrors2 &&
              err32.schemaPath.indexOf('#/properties/taints/items') === 0 &&
              /^\/[^\/]*$/.test(err32.schemaPath.slice(25))
            ) {
              emErrors2[err32.keyword].push(err32);
              err32.emUsed = true;
            }
          }
          for (const key4 in emErrors2) {
            if (emErrors2[key4].length) {
              const err33 = {
                instancePath: instancePath + '/taints/' + i2,
                schemaPath: '#/properties/taints/items/errorMessage',
                keyword: 'errorMessage',
                params: { errors: emErrors2[key4] },
                message:
                  key4 in templates2
                    ? templates2[key4]()
                    : schema56.properties.taints.items.errorMessage[key4],
                schema: schema56.properties.taints.items.errorMessage,
                parentSchema: schema56.properties.taints.items,
                data: data8,
              };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          }
          const emErrs2 = [];
          for (const err34 of vErrors) {
            if (!err34.emUsed) {
              emErrs2.push(err34);
            }
          }
          vErrors = emErrs2;
          errors = emErrs2.length;
        }
      }
    } else {
      const err35 = {
        instancePath: instancePath + '/taints',
        schemaPath: '#/properties/taints/type',
        keyword: 'type',
        params: { type: 'array' },
        message: 'must be array',
        schema: schema56.properties.taints.type,
        parentSchema: schema56.properties.taints,
        data: data7,
      };
      if (vErrors === null) {
        vErrors = [err35];
      } else {
        vErrors.push(err35);
      }
      errors++;
    }
    if (data.storage !== undefined) {
      let data9 = data.storage;
      if (data9 && typeof data9 == 'object' && !Array.isArray(data9)) {
        for (const key5 in data9) {
          if (!(key5 === 'devices')) {
            const err36 = {
              instancePath: instancePath + '/storage',
              schemaPath: '#/properties/storage/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key5 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema56.properties.storage,
              data: data9,
            };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data9.devices !== undefined) {
          let data10 = data9.devices;
          if (Array.isArray(data10)) {
            const len2 = data10.length;
            for (let i3 = 0; i3 < len2; i3++) {
              let data11 = data10[i3];
              if (typeof data11 === 'string') {
                if (!pattern20.test(data11)) {
                  const err37 = {
                    instancePath: instancePath + '/storage/devices/' + i3,
                    schemaPath: '#/properties/storage/properties/devices/items/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^/dev/[A-Za-z0-9/_-]+$' },
                    message: 'must match pattern "' + '^/dev/[A-Za-z0-9/_-]+$' + '"',
                    schema: '^/dev/[A-Za-z0-9/_-]+$',
                    parentSchema: schema56.properties.storage.properties.devices.items,
                    data: data11,
                  };
                  if (vErrors === null) {
                    vErrors = [err37];
                  } else {
                    vErrors.push(err37);
                  }
                  errors++;
                }
              } else {
                const err38 = {
                  instancePath: instancePath + '/storage/devices/' + i3,
                  schemaPath: '#/properties/storage/properties/devices/items/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema56.properties.storage.properties.devices.items.type,
                  parentSchema: schema56.properties.storage.properties.devices.items,
                  data: data11,
                };
                if (vErrors === null) {
                  vErrors = [err38];
                } else {
                  vErrors.push(err38);
                }
                errors++;
              }
            }
            let i4 = data10.length;
            let j1;
            if (i4 > 1) {
              const indices0 = {};
              for (; i4--;) {
                let item0 = data10[i4];
                if (typeof item0 !== 'string') {
                  continue;
                }
                if (typeof indices0[item0] == 'number') {
                  j1 = indices0[item0];
                  const err39 = {
                    instancePath: instancePath + '/storage/devices',
                    schemaPath: '#/properties/storage/properties/devices/uniqueItems',
                    keyword: 'uniqueItems',
                    params: { i: i4, j: j1 },
                    message:
                      'must NOT have duplicate items (items ## ' + j1 + ' and ' + i4 + ' are identical)',
                    schema: true,
                    parentSchema: schema56.properties.storage.properties.devices,
                    data: data10,
                  };
                  if (vErrors === null) {
                    vErrors = [err39];
                  } else {
                    vErrors.push(err39);
                  }
                  errors++;
                  break;
                }
                indices0[item0] = i4;
              }
            }
          } else {
            const err40 = {
              instancePath: instancePath + '/storage/devices',
              schemaPath: '#/properties/storage/properties/devices/type',
              keyword: 'type',
              params: { type: 'array' },
              message: 'must be array',
              schema: schema56.properties.storage.properties.devices.type,
              parentSchema: schema56.properties.storage.properties.devices,
              data: data10,
            };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = {
          instancePath: instancePath + '/storage',
          schemaPath: '#/properties/storage/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema56.properties.storage.type,
          parentSchema: schema56.properties.storage,
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.network !== undefined) {
      let data12 = data.network;
      if (data12 && typeof data12 == 'object' && !Array.isArray(data12)) {
        if (data12.prefixLength === undefined) {
          const err42 = {
            instancePath: instancePath + '/network',
            schemaPath: '#/properties/network/required',
            keyword: 'required',
            params: { missingProperty: 'prefixLength' },
            message: "must have required property '" + 'prefixLength' + "'",
            schema: schema56.properties.network.required,
            parentSchema: schema56.properties.network,
            data: data12,
          };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
        for (const key6 in data12) {
          if (!(key6 === 'interface' || key6 === 'prefixLength' || key6 === 'gateway' || key6 === 'dns')) {
            const err43 = {
              instancePath: instancePath + '/network',
              schemaPath: '#/properties/network/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key6 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema56.properties.network,
              data: data12,
            };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
        if (data12.interface !== undefined) {
          let data13 = data12.interface;
          if (typeof data13 === 'string') {
            if (func2(data13) < 1) {
              const err44 = {
                instancePath: instancePath + '/network/interface',
                schemaPath: '#/properties/network/properties/interface/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema56.properties.network.properties.interface,
                data: data13,
              };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = {
              instancePath: instancePath + '/network/interface',
              schemaPath: '#/properties/network/properties/interface/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema56.properties.network.properties.interface.type,
              parentSchema: schema56.properties.network.properties.interface,
              data: data13,
            };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data12.prefixLength !== undefined) {
          let data14 = data12.prefixLength;
          if (!(typeof data14 == 'number' && !(data14 % 1) && !isNaN(data14) && isFinite(data14))) {
            const err46 = {
              instancePath: instancePath + '/network/prefixLength',
              schemaPath: '#/properties/network/properties/prefixLength/type',
              keyword: 'type',
              params: { type: 'integer' },
              message: 'must be integer',
              schema: schema56.properties.network.properties.prefixLength.type,
              parentSchema: schema56.properties.network.properties.prefixLength,
              data: data14,
            };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
          if (typeof data14 == 'number' && isFinite(data14)) {
            if (data14 > 128 || isNaN(data14)) {
              const err47 = {
                instancePath: instancePath + '/network/prefixLength',
                schemaPath: '#/properties/network/properties/prefixLength/maximum',
                keyword: 'maximum',
                params: { comparison: '<=', limit: 128 },
                message: 'must be <= 128',
                schema: 128,
                parentSchema: schema56.properties.network.properties.prefixLength,
                data: data14,
              };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
            if (data14 < 0 || isNaN(data14)) {
              const err48 = {
                instancePath: instancePath + '/network/prefixLength',
                schemaPath: '#/properties/network/properties/prefixLength/minimum',
                keyword: 'minimum',
                params: { comparison: '>=', limit: 0 },
                message: 'must be >= 0',
                schema: 0,
                parentSchema: schema56.properties.network.properties.prefixLength,
                data: data14,
              };
              if (vErrors === null) {
                vErrors = [err48];
              } else {
                vErrors.push(err48);
              }
              errors++;
            }
          }
        }
        if (data12.gateway !== undefined) {
          let data15 = data12.gateway;
          if (typeof data15 !== 'string') {
            const err49 = {
              instancePath: instancePath + '/network/gateway',
              schemaPath: '#/properties/network/properties/gateway/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema56.properties.network.properties.gateway.type,
              parentSchema: schema56.properties.network.properties.gateway,
              data: data15,
            };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
          const _errs44 = errors;
          let valid16 = false;
          const _errs45 = errors;
          if (typeof data15 === 'string') {
            if (!formats0.test(data15)) {
              const err50 = {
                instancePath: instancePath + '/network/gateway',
                schemaPath: '#/properties/network/properties/gateway/anyOf/0/format',
                keyword: 'format',
                params: { format: 'ipv4' },
                message: 'must match format "' + 'ipv4' + '"',
                schema: 'ipv4',
                parentSchema: schema56.properties.network.properties.gateway.anyOf[0],
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err50];
              } else {
                vErrors.push(err50);
              }
              errors++;
            }
          }
          var _valid1 = _errs45 === errors;
          valid16 = valid16 || _valid1;
          const _errs46 = errors;
          if (typeof data15 === 'string') {
            if (!formats4.test(data15)) {
              const err51 = {
                instancePath: instancePath + '/network/gateway',
                schemaPath: '#/properties/network/properties/gateway/anyOf/1/format',
                keyword: 'format',
                params: { format: 'ipv6' },
                message: 'must match format "' + 'ipv6' + '"',
                schema: 'ipv6',
                parentSchema: schema56.properties.network.properties.gateway.anyOf[1],
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
          }
          var _valid1 = _errs46 === errors;
          valid16 = valid16 || _valid1;
          if (!valid16) {
            const err52 = {
              instancePath: instancePath + '/network/gateway',
              schemaPath: '#/properties/network/properties/gateway/anyOf',
              keyword: 'anyOf',
              params: {},
              message: 'must match a schema in anyOf',
              schema: schema56.properties.network.properties.gateway.anyOf,
              parentSchema: schema56.properties.network.properties.gateway,
              data: data15,
            };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          } else {
            errors = _errs44;
            if (vErrors !== null) {
              if (_errs44) {
                vErrors.length = _errs44;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data12.dns !== undefined) {
          let data16 = data12.dns;
          if (Array.isArray(data16)) {
            const len3 = data16.length;
            for (let i5 = 0; i5 < len3; i5++) {
              let data17 = data16[i5];
              if (typeof data17 !== 'string') {
                const err53 = {
                  instancePath: instancePath + '/network/dns/' + i5,
                  schemaPath: '#/properties/network/properties/dns/items/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema56.properties.network.properties.dns.items.type,
                  parentSchema: schema56.properties.network.properties.dns.items,
                  data: data17,
                };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
              const _errs51 = errors;
              let valid19 = false;
              const _errs52 = errors;
              if (typeof data17 === 'string') {
                if (!formats0.test(data17)) {
                  const err54 = {
                    instancePath: instancePath + '/network/dns/' + i5,
                    schemaPath: '#/properties/network/properties/dns/items/anyOf/0/format',
                    keyword: 'format',
                    params: { format: 'ipv4' },
                    message: 'must match format "' + 'ipv4' + '"',
                    schema: 'ipv4',
                    parentSchema: schema56.properties.network.properties.dns.items.anyOf[0],
                    data: data17,
                  };
                  if (vErrors === null) {
                    vErrors = [err54];
                  } else {
                    vErrors.push(err54);
                  }
                  errors++;
                }
              }
              var _valid2 = _errs52 === errors;
              valid19 = valid19 || _valid2;
              const _errs53 = errors;
              if (typeof data17 === 'string') {
                if (!formats4.test(data17)) {
                  const err55 = {
                    instancePath: instancePath + '/network/dns/' + i5,
                    schemaPath: '#/properties/network/properties/dns/items/anyOf/1/format',
                    keyword: 'format',
                    params: { format: 'ipv6' },
                    message: 'must match format "' + 'ipv6' + '"',
                    schema: 'ipv6',
                    parentSchema: schema56.properties.network.properties.dns.items.anyOf[1],
                    data: data17,
                  };
                  if (vErrors === null) {
                    vErrors = [err55];
                  } else {
                    vErrors.push(err55);
                  }
                  errors++;
                }
              }
              var _valid2 = _errs53 === errors;
              valid19 = valid19 || _valid2;
              if (!valid19) {
                const err56 = {
                  instancePath: instancePath + '/network/dns/' + i5,
                  schemaPath: '#/properties/network/properties/dns/items/anyOf',
                  keyword: 'anyOf',
                  params: {},
                  message: 'must match a schema in anyOf',
                  schema: schema56.properties.network.properties.dns.items.anyOf,
                  parentSchema: schema56.properties.network.properties.dns.items,
                  data: data17,
                };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              } else {
                errors = _errs51;
                if (vErrors !== null) {
                  if (_errs51) {
                    vErrors.length = _errs51;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
          } else {
            const err57 = {
              instancePath: instancePath + '/network/dns',
              schemaPath: '#/properties/network/properties/dns/type',
              keyword: 'type',
              params: { type: 'array' },
              message: 'must be array',
              schema: schema56.properties.network.properties.dns.type,
              parentSchema: schema56.properties.network.properties.dns,
              data: data16,
            };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors++;
          }
        }
      } else {
        const err58 = {
          instancePath: instancePath + '/network',
          schemaPath: '#/properties/network/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema56.properties.network.type,
          parentSchema: schema56.properties.network,
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err58];
        } else {
          vErrors.push(err58);
        }
        errors++;
      }
    }
    if (data.ssh !== undefined) {
      if (
        !validate38(data.ssh, {
          instancePath: instancePath + '/ssh',
          parentData: data,
          parentDataProperty: 'ssh',
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err59 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema56.type,
      parentSchema: schema56,
      data,
    };
    if (vErrors === null) {
      vErrors = [err59];
    } else {
      vErrors.push(err59);
    }
    errors++;
  }
  validate37.errors = vErrors;
  return errors === 0;
}
validate37.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema60 = {
  description:
    'The platform installed on the cluster. Every add-on has `enabled`, a pinned chart `version` and `values` overrides.',
  type: 'object',
  additionalProperties: false,
  properties: {
    timeoutSeconds: {
      description:
        "How long rigger waits for each add-on: its chart's install job, the CRDs it brings and the workloads of its release.",
      type: 'integer',
      minimum: 10,
      default: 600,
    },
    chartRepository: {
      description:
        "One Helm chart repository (a site's mirror, e.g. `http://charts.example.internal/`) for every add-on chart, instead of each chart's upstream repository. An add-on's own `chartRepository` wins.",
      type: 'string',
      format: 'uri',
      pattern: '^(https?|oci)://',
    },
    storage: {
      description:
        'The storage every claim of the platform (Prometheus, Alertmanager, Grafana, Loki, Tempo, Thanos) uses.',
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        persistence: {
          description:
            'Give the stateful add-ons persistent volumes. `false`: they keep their data in `emptyDir` (lost when a pod moves); only for labs and CI.',
          type: 'boolean',
          default: true,
        },
        storageClass: {
          description:
            'The StorageClass of every claim. With Rook-Ceph enabled rigger creates it (Ceph RBD, the default class; default name `ceph-block`); without, it must already exist on the cluster, and `validate` requires it unless `persistence` is false.',
          type: 'string',
          pattern: '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$',
        },
      },
    },
    cilium: {
      description:
        "Cilium CNI with kube-proxy replacement, as RKE2 ships it: `cni: cilium` and rigger's values in the HelmChartConfig `rke2-cilium`.",
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { description: 'Install Cilium as the CNI.', type: 'boolean', default: true },
        version: {
          description:
            'The Cilium that the pinned RKE2 release bundles (its `rke2-cilium` chart, which RKE2 deploys): checked, not chosen; `validate` refuses another.',
          type: 'string',
          default: '1.19.6',
        },
        values: { $ref: '#/$defs/values', default: {} },
        kubeProxyReplacement: {
          description: 'Replace kube-proxy (RKE2 runs with `disable-kube-proxy`).',
          type: 'boolean',
          default: true,
        },
      },
    },
    metallb: {
      description: "MetalLB in L2 mode, announcing the pools' addresses.",
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { description: 'Install MetalLB.', type: 'boolean', default: false },
        version: { description: 'Chart version.', type: 'string', default: '0.16.1' },
        values: { $ref: '#/$defs/values', default: {} },
        pools: {
          description: 'Address pools, e.g. `public` and `internal`.',
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'addresses'],
            properties: {
              name: {
                description: 'Pool name (an RFC 1123 label).',
                type: 'string',
                pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
              },
              addresses: {
                description: 'Ranges `first-last` or CIDRs.',
                type: 'array',
                minItems: 1,
                items: { type: 'string', minLength: 1 },
              },
              autoAssign: {
                description: 'Hand out addresses to Services that do not ask for one.',
                type: 'boolean',
                default: true,
              },
            },
          },
        },
        chartRepository: {
          description:
            "Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
          type: 'string',
          format: 'uri',
          pattern: '^(https?|oci)://',
        },
      },
    },
    ingressNginx: {
      description:
        'Two F5 NGINX Ingress Controller instances (chart `nginx-ingress`), `public` and `internal`, each a DaemonSet with its own IngressClass and MetalLB address. (The community ingress-nginx this key was named after is retired.)',
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { description: 'Install the NGINX Ingress Controllers.', type: 'boolean', default: false },
        version: {
          description: 'nginx-ingress chart version (F5 NGINX Ingress Controller).',
          type: 'string',
          default: '2.6.4',
        },
        values: { $ref: '#/$defs/values', default: {} },
        public: { $ref: '#/$defs/ingressInstance' },
        internal: { $ref: '#/$defs/ingressInstance' },
        chartRepository: {
          description:
            "Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
          type: 'string',
          format: 'uri',
          pattern: '^(https?|oci)://',
        },
      },
    },
    rookCeph: {
      description:
        "Rook-Ceph: the operator, a CephCluster on the `storage` hosts' devices (3 mons, 2 mgrs), a replicated block pool with the platform's default StorageClass, and the Ceph CSI drivers.",
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { description: 'Install Rook-Ceph.', type: 'boolean', default: false },
        version: {
          description: 'Rook chart version (rook-ceph and rook-ceph-cluster).',
          type: 'string',
          default: 'v1.20.6',
        },
        values: { $ref: '#/$defs/values', default: {} },
        dataDirHostPath: {
          description: 'Where Ceph keeps its state on each host.',
          type: 'string',
          default: '/var/lib/rook',
        },
        chartRepository: {
          description:
            "Helm chart repository to fetch this add-on's charts from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
          type: 'string',
          format: 'uri',
          pattern: '^(https?|oci)://',
        },
        csiDriversVersion: {
          description:
            'ceph-csi-drivers chart version (Rook v1.20 no longer deploys the CSI drivers itself).',
          type: 'string',
          default: '1.0.4',
        },
      },
    },
    velero: {
      description: 'Velero backups to S3-compatible storage.',
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { description: 'Install Velero.', type: 'boolean', default: false },
        version: { description: 'Chart version.', type: 'string', default: '12.1.0' },
        values: { $ref: '#/$defs/values', default: {} },
        s3: { $ref: '#/$defs/s3' },
        schedule: {
          description: 'Backup schedule (cron).',
          type: 'string',
          minLength: 9,
          default: '0 2 * * *',
        },
        ttl: {
          description: 'How long backups are kept, e.g. `720h`.',
          type: 'string',
          pattern: '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$',
          default: '720h',
        },
        chartRepository: {
          description:
            "Helm chart repository to fetch this add-on's chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
          type: 'string',
          format: 'uri',
          pattern: '^(https?|oci)://',
        },
      },
      if: { properties: { enabled: { const: true } }, required: ['enabled'] },
      then: { required: ['s3'] },
    },
    observability: {
      description: 'Metrics, alerts, dashboards, logs and traces.',
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        objectStorage: {
          description: 'S3-compatible storage shared by Thanos, Loki and Tempo (each has its own bucket).',
          $ref: '#/$defs/objectStorage',
        },
        prometheus: {
          description:
            'Prometheus, from the kube-prometheus-stack chart (which also ships Alertmanager and Grafana).',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install kube-prometheus-stack.', type: 'boolean', default: false },
            version: {
              description: 'kube-prometheus-stack chart version.',
              type: 'string',
              default: '88.5.3',
            },
            values: { $ref: '#/$defs/values', default: {} },
            retention: { description: 'Local retention, e.g. `24h`.', type: 'string', default: '24h' },
            chartRepository: {
              description:
                "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
        alertmanager: {
          description: 'Alertmanager, part of kube-prometheus-stack (its version is `prometheus.version`).',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Run Alertmanager.', type: 'boolean', default: true },
            values: { $ref: '#/$defs/values', default: {} },
          },
        },
        grafana: {
          description: 'Grafana, part of kube-prometheus-stack (its version is `prometheus.version`).',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Run Grafana.', type: 'boolean', default: true },
            values: { $ref: '#/$defs/values', default: {} },
            adminPassword: { description: 'Grafana admin password.', $ref: '#/$defs/secretRef' },
          },
        },
        thanos: {
          description:
            'Thanos: the sidecar shipping Prometheus blocks to object storage, and Query, Store Gateway and Compactor (chart `thanos` of thanos-community) reading and compacting them; Grafana queries through Thanos Query.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Run Thanos.', type: 'boolean', default: false },
            version: {
              description: 'thanos chart version (github.com/thanos-community/helm-charts).',
              type: 'string',
              default: '0.38.0',
            },
            imageTag: {
              description:
                "Thanos image tag of the sidecar and of every Thanos component (the chart's appVersion).",
              type: 'string',
              default: 'v0.42.4',
            },
            values: { $ref: '#/$defs/values', default: {} },
            bucket: { description: 'Bucket for metric blocks.', type: 'string', minLength: 3 },
            chartRepository: {
              description:
                "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
        loki: {
          description: 'Loki log store on object storage.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install Loki.', type: 'boolean', default: false },
            version: { description: 'Chart version.', type: 'string', default: '18.11.0' },
            values: { $ref: '#/$defs/values', default: {} },
            bucket: { description: 'Bucket for log chunks.', type: 'string', minLength: 3 },
            chartRepository: {
              description:
                "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
        logs: {
          description: 'The log shipper (Grafana Alloy) sending pod and host logs to Loki.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install the log shipper.', type: 'boolean', default: false },
            version: { description: 'Alloy chart version.', type: 'string', default: '1.11.1' },
            values: { $ref: '#/$defs/values', default: {} },
            chartRepository: {
              description:
                "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
        tempo: {
          description: 'Tempo trace store on object storage.',
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { description: 'Install Tempo.', type: 'boolean', default: false },
            version: { description: 'Chart version.', type: 'string', default: '2.2.4' },
            values: { $ref: '#/$defs/values', default: {} },
            bucket: { description: 'Bucket for traces.', type: 'string', minLength: 3 },
            chartRepository: {
              description:
                "Helm chart repository to fetch this chart from, instead of `addons.chartRepository` or the upstream one (a site's mirror).",
              type: 'string',
              format: 'uri',
              pattern: '^(https?|oci)://',
            },
          },
        },
      },
    },
  },
};
const schema61 = {
  description: "Helm values merged over rigger's own values for this chart (yours win).",
  type: 'object',
  additionalProperties: true,
};
const schema64 = {
  description: 'One NGINX Ingress Controller instance.',
  type: 'object',
  additionalProperties: false,
  required: ['loadBalancerIP', 'className'],
  properties: {
    loadBalancerIP: {
      description: "The Service's address; must lie in a MetalLB pool.",
      type: 'string',
      anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }],
      errorMessage: { anyOf: 'must be an IPv4 or IPv6 address' },
    },
    className: {
      description: 'IngressClass name; the instance serves only Ingresses of this class (`-ingress-class`).',
      type: 'string',
      pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
    },
    pool: {
      description: 'MetalLB pool to take the address from; by default the pool that contains it.',
      type: 'string',
    },
  },
};
const pattern21 = new RegExp('^(https?|oci)://', 'u');
const pattern22 = new RegExp('^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$', 'u');
const pattern30 = new RegExp('^([0-9]+h)?([0-9]+m)?([0-9]+s)?$', 'u');
const schema68 = {
  description: 'An S3-compatible bucket.',
  type: 'object',
  additionalProperties: false,
  required: ['endpoint', 'bucket', 'credentials'],
  properties: {
    endpoint: { description: 'Endpoint URL, e.g. `https://s3.example.com`.', type: 'string', format: 'uri' },
    bucket: { description: 'Bucket name.', type: 'string', minLength: 3 },
    region: { description: 'Region.', type: 'string', default: 'us-east-1' },
    forcePathStyle: {
      description: 'Use path-style bucket URLs (MinIO, Ceph RGW).',
      type: 'boolean',
      default: true,
    },
    credentials: {
      description:
        'A secret holding `accessKeyId` and `secretAccessKey` in the AWS credentials file format or as `ACCESS_KEY:SECRET_KEY`.',
      $ref: '#/$defs/secretRef',
    },
  },
};
function validate43(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate43.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.region === undefined) {
      data.region = 'us-east-1';
    }
    if (data.forcePathStyle === undefined) {
      data.forcePathStyle = true;
    }
    if (data.endpoint === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'endpoint' },
        message: "must have required property '" + 'endpoint' + "'",
        schema: schema68.required,
        parentSchema: schema68,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.bucket === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'bucket' },
        message: "must have required property '" + 'bucket' + "'",
        schema: schema68.required,
        parentSchema: schema68,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.credentials === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'credentials' },
        message: "must have required property '" + 'credentials' + "'",
        schema: schema68.required,
        parentSchema: schema68,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === 'endpoint' ||
        key0 === 'bucket' ||
        key0 === 'region' ||
        key0 === 'forcePathStyle' ||
        key0 === 'credentials'
      )) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema68,
          data,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.endpoint !== undefined) {
      let data0 = data.endpoint;
      if (typeof data0 === 'string') {
        if (!formats16(data0)) {
          const err4 = {
            instancePath: instancePath + '/endpoint',
            schemaPath: '#/properties/endpoint/format',
            keyword: 'format',
            params: { format: 'uri' },
            message: 'must match format "' + 'uri' + '"',
            schema: 'uri',
            parentSchema: schema68.properties.endpoint,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/endpoint',
          schemaPath: '#/properties/endpoint/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema68.properties.endpoint.type,
          parentSchema: schema68.properties.endpoint,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.bucket !== undefined) {
      let data1 = data.bucket;
      if (typeof data1 === 'string') {
        if (func2(data1) < 3) {
          const err6 = {
            instancePath: instancePath + '/bucket',
            schemaPath: '#/properties/bucket/minLength',
            keyword: 'minLength',
            params: { limit: 3 },
            message: 'must NOT have fewer than 3 characters',
            schema: 3,
            parentSchema: schema68.properties.bucket,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = {
          instancePath: instancePath + '/bucket',
          schemaPath: '#/properties/bucket/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema68.properties.bucket.type,
          parentSchema: schema68.properties.bucket,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    let data2 = data.region;
    if (typeof data2 !== 'string') {
      const err8 = {
        instancePath: instancePath + '/region',
        schemaPath: '#/properties/region/type',
        keyword: 'type',
        params: { type: 'string' },
        message: 'must be string',
        schema: schema68.properties.region.type,
        parentSchema: schema68.properties.region,
        data: data2,
      };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    let data3 = data.forcePathStyle;
    if (typeof data3 !== 'boolean') {
      const err9 = {
        instancePath: instancePath + '/forcePathStyle',
        schemaPath: '#/properties/forcePathStyle/type',
        keyword: 'type',
        params: { type: 'boolean' },
        message: 'must be boolean',
        schema: schema68.properties.forcePathStyle.type,
        parentSchema: schema68.properties.forcePathStyle,
        data: data3,
      };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.credentials !== undefined) {
      let data4 = data.credentials;
      if (data4 && typeof data4 == 'object' && !Array.isArray(data4)) {
        if (Object.keys(data4).length > 1) {
          const err10 = {
            instancePath: instancePath + '/credentials',
            schemaPath: '#/$defs/secretRef/maxProperties',
            keyword: 'maxProperties',
            params: { limit: 1 },
            message: 'must NOT have more than 1 properties',
            schema: 1,
            parentSchema: schema43,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        if (Object.keys(data4).length < 1) {
          const err11 = {
            instancePath: instancePath + '/credentials',
            schemaPath: '#/$defs/secretRef/minProperties',
            keyword: 'minProperties',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 properties',
            schema: 1,
            parentSchema: schema43,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        for (const key1 in data4) {
          if (!(key1 === 'env' || key1 === 'file')) {
            const err12 = {
              instancePath: instancePath + '/credentials',
              schemaPath: '#/$defs/secretRef/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema43,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data4.env !== undefined) {
          let data5 = data4.env;
          if (typeof data5 === 'string') {
            if (!pattern10.test(data5)) {
              const err13 = {
                instancePath: instancePath + '/credentials/env',
                schemaPath: '#/$defs/secretRef/properties/env/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                parentSchema: schema43.properties.env,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = {
              instancePath: instancePath + '/credentials/env',
              schemaPath: '#/$defs/secretRef/properties/env/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema43.properties.env.type,
              parentSchema: schema43.properties.env,
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data4.file !== undefined) {
          let data6 = data4.file;
          if (typeof data6 === 'string') {
            if (func2(data6) < 1) {
              const err15 = {
                instancePath: instancePath + '/credentials/file',
                schemaPath: '#/$defs/secretRef/properties/file/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema43.properties.file,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = {
              instancePath: instancePath + '/credentials/file',
              schemaPath: '#/$defs/secretRef/properties/file/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema43.properties.file.type,
              parentSchema: schema43.properties.file,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = {
          instancePath: instancePath + '/credentials',
          schemaPath: '#/$defs/secretRef/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema43.type,
          parentSchema: schema43,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (errors > 0) {
        const emErrors0 = { type: [], minProperties: [], maxProperties: [] };
        const templates0 = {};
        for (const err18 of vErrors) {
          if (
            err18.keyword !== 'errorMessage' &&
            !err18.emUsed &&
            err18.instancePath === instancePath + '/credentials' &&
            err18.keyword in emErrors0 &&
            err18.schemaPath.indexOf('#/$defs/secretRef') === 0 &&
            /^\/[^\/]*$/.test(err18.schemaPath.slice(17))
          ) {
            emErrors0[err18.keyword].push(err18);
            err18.emUsed = true;
          }
        }
        for (const key2 in emErrors0) {
          if (emErrors0[key2].length) {
            const err19 = {
              instancePath: instancePath + '/credentials',
              schemaPath: '#/$defs/secretRef/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors0[key2] },
              message: key2 in templates0 ? templates0[key2]() : schema43.errorMessage[key2],
              schema: schema43.errorMessage,
              parentSchema: schema43,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        const emErrs0 = [];
        for (const err20 of vErrors) {
          if (!err20.emUsed) {
            emErrs0.push(err20);
          }
        }
        vErrors = emErrs0;
        errors = emErrs0.length;
      }
    }
  } else {
    const err21 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema68.type,
      parentSchema: schema68,
      data,
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate43.errors = vErrors;
  return errors === 0;
}
validate43.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema70 = {
  description: 'An S3-compatible endpoint and credentials.',
  type: 'object',
  additionalProperties: false,
  required: ['endpoint', 'credentials'],
  properties: {
    endpoint: { description: 'Endpoint URL, e.g. `https://s3.example.com`.', type: 'string', format: 'uri' },
    region: { description: 'Region.', type: 'string', default: 'us-east-1' },
    forcePathStyle: {
      description: 'Use path-style bucket URLs (MinIO, Ceph RGW).',
      type: 'boolean',
      default: true,
    },
    credentials: {
      description:
        'A secret holding `accessKeyId` and `secretAccessKey` in the AWS credentials file format or as `ACCESS_KEY:SECRET_KEY`.',
      $ref: '#/$defs/secretRef',
    },
  },
};
function validate45(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate45.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.region === undefined) {
      data.region = 'us-east-1';
    }
    if (data.forcePathStyle === undefined) {
      data.forcePathStyle = true;
    }
    if (data.endpoint === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'endpoint' },
        message: "must have required property '" + 'endpoint' + "'",
        schema: schema70.required,
        parentSchema: schema70,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.credentials === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'credentials' },
        message: "must have required property '" + 'credentials' + "'",
        schema: schema70.required,
        parentSchema: schema70,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === 'endpoint' ||
        key0 === 'region' ||
        key0 === 'forcePathStyle' ||
        key0 === 'credentials'
      )) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema70,
          data,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.endpoint !== undefined) {
      let data0 = data.endpoint;
      if (typeof data0 === 'string') {
        if (!formats16(data0)) {
          const err3 = {
            instancePath: instancePath + '/endpoint',
            schemaPath: '#/properties/endpoint/format',
            keyword: 'format',
            params: { format: 'uri' },
            message: 'must match format "' + 'uri' + '"',
            schema: 'uri',
            parentSchema: schema70.properties.endpoint,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/endpoint',
          schemaPath: '#/properties/endpoint/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema70.properties.endpoint.type,
          parentSchema: schema70.properties.endpoint,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    let data1 = data.region;
    if (typeof data1 !== 'string') {
      const err5 = {
        instancePath: instancePath + '/region',
        schemaPath: '#/properties/region/type',
        keyword: 'type',
        params: { type: 'string' },
        message: 'must be string',
        schema: schema70.properties.region.type,
        parentSchema: schema70.properties.region,
        data: data1,
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    let data2 = data.forcePathStyle;
    if (typeof data2 !== 'boolean') {
      const err6 = {
        instancePath: instancePath + '/forcePathStyle',
        schemaPath: '#/properties/forcePathStyle/type',
        keyword: 'type',
        params: { type: 'boolean' },
        message: 'must be boolean',
        schema: schema70.properties.forcePathStyle.type,
        parentSchema: schema70.properties.forcePathStyle,
        data: data2,
      };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.credentials !== undefined) {
      let data3 = data.credentials;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (Object.keys(data3).length > 1) {
          const err7 = {
            instancePath: instancePath + '/credentials',
            schemaPath: '#/$defs/secretRef/maxProperties',
            keyword: 'maxProperties',
            params: { limit: 1 },
            message: 'must NOT have more than 1 properties',
            schema: 1,
            parentSchema: schema43,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (Object.keys(data3).length < 1) {
          const err8 = {
            instancePath: instancePath + '/credentials',
            schemaPath: '#/$defs/secretRef/minProperties',
            keyword: 'minProperties',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 properties',
            schema: 1,
            parentSchema: schema43,
            data: data3,
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        for (const key1 in data3) {
          if (!(key1 === 'env' || key1 === 'file')) {
            const err9 = {
              instancePath: instancePath + '/credentials',
              schemaPath: '#/$defs/secretRef/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema43,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data3.env !== undefined) {
          let data4 = data3.env;
          if (typeof data4 === 'string') {
            if (!pattern10.test(data4)) {
              const err10 = {
                instancePath: instancePath + '/credentials/env',
                schemaPath: '#/$defs/secretRef/properties/env/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                parentSchema: schema43.properties.env,
                data: data4,
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = {
              instancePath: instancePath + '/credentials/env',
              schemaPath: '#/$defs/secretRef/properties/env/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema43.properties.env.type,
              parentSchema: schema43.properties.env,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data3.file !== undefined) {
          let data5 = data3.file;
          if (typeof data5 === 'string') {
            if (func2(data5) < 1) {
              const err12 = {
                instancePath: instancePath + '/credentials/file',
                schemaPath: '#/$defs/secretRef/properties/file/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema43.properties.file,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = {
              instancePath: instancePath + '/credentials/file',
              schemaPath: '#/$defs/secretRef/properties/file/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema43.properties.file.type,
              parentSchema: schema43.properties.file,
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = {
          instancePath: instancePath + '/credentials',
          schemaPath: '#/$defs/secretRef/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema43.type,
          parentSchema: schema43,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      if (errors > 0) {
        const emErrors0 = { type: [], minProperties: [], maxProperties: [] };
        const templates0 = {};
        for (const err15 of vErrors) {
          if (
            err15.keyword !== 'errorMessage' &&
            !err15.emUsed &&
            err15.instancePath === instancePath + '/credentials' &&
            err15.keyword in emErrors0 &&
            err15.schemaPath.indexOf('#/$defs/secretRef') === 0 &&
            /^\/[^\/]*$/.test(err15.schemaPath.slice(17))
          ) {
            emErrors0[err15.keyword].push(err15);
            err15.emUsed = true;
          }
        }
        for (const key2 in emErrors0) {
          if (emErrors0[key2].length) {
            const err16 = {
              instancePath: instancePath + '/credentials',
              schemaPath: '#/$defs/secretRef/errorMessage',
              keyword: 'errorMessage',
              params: { errors: emErrors0[key2] },
              message: key2 in templates0 ? templates0[key2]() : schema43.errorMessage[key2],
              schema: schema43.errorMessage,
              parentSchema: schema43,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        const emErrs0 = [];
        for (const err17 of vErrors) {
          if (!err17.emUsed) {
            emErrs0.push(err17);
          }
        }
        vErrors = emErrs0;
        errors = emErrs0.length;
      }
    }
  } else {
    const err18 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema70.type,
      parentSchema: schema70,
      data,
    };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate45.errors = vErrors;
  return errors === 0;
}
validate45.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate42(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate42.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.timeoutSeconds === undefined) {
      data.timeoutSeconds = 600;
    }
    if (data.storage === undefined) {
      data.storage = {};
    }
    if (data.cilium === undefined) {
      data.cilium = {};
    }
    if (data.metallb === undefined) {
      data.metallb = {};
    }
    if (data.ingressNginx === undefined) {
      data.ingressNginx = {};
    }
    if (data.rookCeph === undefined) {
      data.rookCeph = {};
    }
    if (data.velero === undefined) {
      data.velero = {};
    }
    if (data.observability === undefined) {
      data.observability = {};
    }
    for (const key0 in data) {
      if (!func1.call(schema60.properties, key0)) {
        const err0 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema60,
          data,
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    let data0 = data.timeoutSeconds;
    if (!(typeof data0 == 'number' && !(data0 % 1) && !isNaN(data0) && isFinite(data0))) {
      const err1 = {
        instancePath: instancePath + '/timeoutSeconds',
        schemaPath: '#/properties/timeoutSeconds/type',
        keyword: 'type',
        params: { type: 'integer' },
        message: 'must be integer',
        schema: schema60.properties.timeoutSeconds.type,
        parentSchema: schema60.properties.timeoutSeconds,
        data: data0,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (typeof data0 == 'number' && isFinite(data0)) {
      if (data0 < 10 || isNaN(data0)) {
        const err2 = {
          instancePath: instancePath + '/timeoutSeconds',
          schemaPath: '#/properties/timeoutSeconds/minimum',
          keyword: 'minimum',
          params: { comparison: '>=', limit: 10 },
          message: 'must be >= 10',
          schema: 10,
          parentSchema: schema60.properties.timeoutSeconds,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.chartRepository !== undefined) {
      let data1 = data.chartRepository;
      if (typeof data1 === 'string') {
        if (!pattern21.test(data1)) {
          const err3 = {
            instancePath: instancePath + '/chartRepository',
            schemaPath: '#/properties/chartRepository/pattern',
            keyword: 'pattern',
            params: { pattern: '^(https?|oci)://' },
            message: 'must match pattern "' + '^(https?|oci)://' + '"',
            schema: '^(https?|oci)://',
            parentSchema: schema60.properties.chartRepository,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (!formats16(data1)) {
          const err4 = {
            instancePath: instancePath + '/chartRepository',
            schemaPath: '#/properties/chartRepository/format',
            keyword: 'format',
            params: { format: 'uri' },
            message: 'must match format "' + 'uri' + '"',
            schema: 'uri',
            parentSchema: schema60.properties.chartRepository,
            data: data1,
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/chartRepository',
          schemaPath: '#/properties/chartRepository/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.chartRepository.type,
          parentSchema: schema60.properties.chartRepository,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    let data2 = data.storage;
    if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
      if (data2.persistence === undefined) {
        data2.persistence = true;
      }
      for (const key1 in data2) {
        if (!(key1 === 'persistence' || key1 === 'storageClass')) {
          const err6 = {
            instancePath: instancePath + '/storage',
            schemaPath: '#/properties/storage/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key1 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.storage,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      }
      let data3 = data2.persistence;
      if (typeof data3 !== 'boolean') {
        const err7 = {
          instancePath: instancePath + '/storage/persistence',
          schemaPath: '#/properties/storage/properties/persistence/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.storage.properties.persistence.type,
          parentSchema: schema60.properties.storage.properties.persistence,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (data2.storageClass !== undefined) {
        let data4 = data2.storageClass;
        if (typeof data4 === 'string') {
          if (!pattern22.test(data4)) {
            const err8 = {
              instancePath: instancePath + '/storage/storageClass',
              schemaPath: '#/properties/storage/properties/storageClass/pattern',
              keyword: 'pattern',
              params: { pattern: '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$' },
              message: 'must match pattern "' + '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$' + '"',
              schema: '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$',
              parentSchema: schema60.properties.storage.properties.storageClass,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        } else {
          const err9 = {
            instancePath: instancePath + '/storage/storageClass',
            schemaPath: '#/properties/storage/properties/storageClass/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.storage.properties.storageClass.type,
            parentSchema: schema60.properties.storage.properties.storageClass,
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    } else {
      const err10 = {
        instancePath: instancePath + '/storage',
        schemaPath: '#/properties/storage/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.storage.type,
        parentSchema: schema60.properties.storage,
        data: data2,
      };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    let data5 = data.cilium;
    if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
      if (data5.enabled === undefined) {
        data5.enabled = true;
      }
      if (data5.version === undefined) {
        data5.version = '1.19.6';
      }
      if (data5.values === undefined) {
        data5.values = {};
      }
      if (data5.kubeProxyReplacement === undefined) {
        data5.kubeProxyReplacement = true;
      }
      for (const key2 in data5) {
        if (!(
          key2 === 'enabled' ||
          key2 === 'version' ||
          key2 === 'values' ||
          key2 === 'kubeProxyReplacement'
        )) {
          const err11 = {
            instancePath: instancePath + '/cilium',
            schemaPath: '#/properties/cilium/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key2 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.cilium,
            data: data5,
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      }
      let data6 = data5.enabled;
      if (typeof data6 !== 'boolean') {
        const err12 = {
          instancePath: instancePath + '/cilium/enabled',
          schemaPath: '#/properties/cilium/properties/enabled/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.cilium.properties.enabled.type,
          parentSchema: schema60.properties.cilium.properties.enabled,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      let data7 = data5.version;
      if (typeof data7 !== 'string') {
        const err13 = {
          instancePath: instancePath + '/cilium/version',
          schemaPath: '#/properties/cilium/properties/version/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.cilium.properties.version.type,
          parentSchema: schema60.properties.cilium.properties.version,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      let data8 = data5.values;
      if (data8 && typeof data8 == 'object' && !Array.isArray(data8)) {
      } else {
        const err14 = {
          instancePath: instancePath + '/cilium/values',
          schemaPath: '#/$defs/values/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema61.type,
          parentSchema: schema61,
          data: data8,
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      let data9 = data5.kubeProxyReplacement;
      if (typeof data9 !== 'boolean') {
        const err15 = {
          instancePath: instancePath + '/cilium/kubeProxyReplacement',
          schemaPath: '#/properties/cilium/properties/kubeProxyReplacement/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.cilium.properties.kubeProxyReplacement.type,
          parentSchema: schema60.properties.cilium.properties.kubeProxyReplacement,
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    } else {
      const err16 = {
        instancePath: instancePath + '/cilium',
        schemaPath: '#/properties/cilium/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.cilium.type,
        parentSchema: schema60.properties.cilium,
        data: data5,
      };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    let data10 = data.metallb;
    if (data10 && typeof data10 == 'object' && !Array.isArray(data10)) {
      if (data10.enabled === undefined) {
        data10.enabled = false;
      }
      if (data10.version === undefined) {
        data10.version = '0.16.1';
      }
      if (data10.values === undefined) {
        data10.values = {};
      }
      if (data10.pools === undefined) {
        data10.pools = [];
      }
      for (const key3 in data10) {
        if (!(
          key3 === 'enabled' ||
          key3 === 'version' ||
          key3 === 'values' ||
          key3 === 'pools' ||
          key3 === 'chartRepository'
        )) {
          const err17 = {
            instancePath: instancePath + '/metallb',
            schemaPath: '#/properties/metallb/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key3 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.metallb,
            data: data10,
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
      let data11 = data10.enabled;
      if (typeof data11 !== 'boolean') {
        const err18 = {
          instancePath: instancePath + '/metallb/enabled',
          schemaPath: '#/properties/metallb/properties/enabled/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.metallb.properties.enabled.type,
          parentSchema: schema60.properties.metallb.properties.enabled,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      let data12 = data10.version;
      if (typeof data12 !== 'string') {
        const err19 = {
          instancePath: instancePath + '/metallb/version',
          schemaPath: '#/properties/metallb/properties/version/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.metallb.properties.version.type,
          parentSchema: schema60.properties.metallb.properties.version,
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
      let data13 = data10.values;
      if (data13 && typeof data13 == 'object' && !Array.isArray(data13)) {
      } else {
        const err20 = {
          instancePath: instancePath + '/metallb/values',
          schemaPath: '#/$defs/values/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema61.type,
          parentSchema: schema61,
          data: data13,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      let data14 = data10.pools;
      if (Array.isArray(data14)) {
        const len0 = data14.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data15 = data14[i0];
          if (data15 && typeof data15 == 'object' && !Array.isArray(data15)) {
            if (data15.autoAssign === undefined) {
              data15.autoAssign = true;
            }
            if (data15.name === undefined) {
              const err21 = {
                instancePath: instancePath + '/metallb/pools/' + i0,
                schemaPath: '#/properties/metallb/properties/pools/items/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema60.properties.metallb.properties.pools.items.required,
                parentSchema: schema60.properties.metallb.properties.pools.items,
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            if (data15.addresses === undefined) {
              const err22 = {
                instancePath: instancePath + '/metallb/pools/' + i0,
                schemaPath: '#/properties/metallb/properties/pools/items/required',
                keyword: 'required',
                params: { missingProperty: 'addresses' },
                message: "must have required property '" + 'addresses' + "'",
                schema: schema60.properties.metallb.properties.pools.items.required,
                parentSchema: schema60.properties.metallb.properties.pools.items,
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            for (const key4 in data15) {
              if (!(key4 === 'name' || key4 === 'addresses' || key4 === 'autoAssign')) {
                const err23 = {
                  instancePath: instancePath + '/metallb/pools/' + i0,
                  schemaPath: '#/properties/metallb/properties/pools/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key4 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema60.properties.metallb.properties.pools.items,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
            }
            if (data15.name !== undefined) {
              let data16 = data15.name;
              if (typeof data16 === 'string') {
                if (!pattern4.test(data16)) {
                  const err24 = {
                    instancePath: instancePath + '/metallb/pools/' + i0 + '/name',
                    schemaPath: '#/properties/metallb/properties/pools/items/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
                    message: 'must match pattern "' + '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' + '"',
                    schema: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
                    parentSchema: schema60.properties.metallb.properties.pools.items.properties.name,
                    data: data16,
                  };
                  if (vErrors === null) {
                    vErrors = [err24];
                  } else {
                    vErrors.push(err24);
                  }
                  errors++;
                }
              } else {
                const err25 = {
                  instancePath: instancePath + '/metallb/pools/' + i0 + '/name',
                  schemaPath: '#/properties/metallb/properties/pools/items/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema60.properties.metallb.properties.pools.items.properties.name.type,
                  parentSchema: schema60.properties.metallb.properties.pools.items.properties.name,
                  data: data16,
                };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
            if (data15.addresses !== undefined) {
              let data17 = data15.addresses;
              if (Array.isArray(data17)) {
                if (data17.length < 1) {
                  const err26 = {
                    instancePath: instancePath + '/metallb/pools/' + i0 + '/addresses',
                    schemaPath: '#/properties/metallb/properties/pools/items/properties/addresses/minItems',
                    keyword: 'minItems',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 items',
                    schema: 1,
                    parentSchema: schema60.properties.metallb.properties.pools.items.properties.addresses,
                    data: data17,
                  };
                  if (vErrors === null) {
                    vErrors = [err26];
                  } else {
                    vErrors.push(err26);
                  }
                  errors++;
                }
                const len1 = data17.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data18 = data17[i1];
                  if (typeof data18 === 'string') {
                    if (func2(data18) < 1) {
                      const err27 = {
                        instancePath: instancePath + '/metallb/pools/' + i0 + '/addresses/' + i1,
                        schemaPath:
                          '#/properties/metallb/properties/pools/items/properties/addresses/items/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema:
                          schema60.properties.metallb.properties.pools.items.properties.addresses.items,
                        data: data18,
                      };
                      if (vErrors === null) {
                        vErrors = [err27];
                      } else {
                        vErrors.push(err27);
                      }
                      errors++;
                    }
                  } else {
                    const err28 = {
                      instancePath: instancePath + '/metallb/pools/' + i0 + '/addresses/' + i1,
                      schemaPath:
                        '#/properties/metallb/properties/pools/items/properties/addresses/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema:
                        schema60.properties.metallb.properties.pools.items.properties.addresses.items.type,
                      parentSchema:
                        schema60.properties.metallb.properties.pools.items.properties.addresses.items,
                      data: data18,
                    };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
              } else {
                const err29 = {
                  instancePath: instancePath + '/metallb/pools/' + i0 + '/addresses',
                  schemaPath: '#/properties/metallb/properties/pools/items/properties/addresses/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema60.properties.metallb.properties.pools.items.properties.addresses.type,
                  parentSchema: schema60.properties.metallb.properties.pools.items.properties.addresses,
                  data: data17,
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            let data19 = data15.autoAssign;
            if (typeof data19 !== 'boolean') {
              const err30 = {
                instancePath: instancePath + '/metallb/pools/' + i0 + '/autoAssign',
                schemaPath: '#/properties/metallb/properties/pools/items/properties/autoAssign/type',
                keyword: 'type',
                params: { type: 'boolean' },
                message: 'must be boolean',
                schema: schema60.properties.metallb.properties.pools.items.properties.autoAssign.type,
                parentSchema: schema60.properties.metallb.properties.pools.items.properties.autoAssign,
                data: data19,
              };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          } else {
            const err31 = {
              instancePath: instancePath + '/metallb/pools/' + i0,
              schemaPath: '#/properties/metallb/properties/pools/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema60.properties.metallb.properties.pools.items.type,
              parentSchema: schema60.properties.metallb.properties.pools.items,
              data: data15,
            };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
      } else {
        const err32 = {
          instancePath: instancePath + '/metallb/pools',
          schemaPath: '#/properties/metallb/properties/pools/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema60.properties.metallb.properties.pools.type,
          parentSchema: schema60.properties.metallb.properties.pools,
          data: data14,
        };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
      if (data10.chartRepository !== undefined) {
        let data20 = data10.chartRepository;
        if (typeof data20 === 'string') {
          if (!pattern21.test(data20)) {
            const err33 = {
              instancePath: instancePath + '/metallb/chartRepository',
              schemaPath: '#/properties/metallb/properties/chartRepository/pattern',
              keyword: 'pattern',
              params: { pattern: '^(https?|oci)://' },
              message: 'must match pattern "' + '^(https?|oci)://' + '"',
              schema: '^(https?|oci)://',
              parentSchema: schema60.properties.metallb.properties.chartRepository,
              data: data20,
            };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
          if (!formats16(data20)) {
            const err34 = {
              instancePath: instancePath + '/metallb/chartRepository',
              schemaPath: '#/properties/metallb/properties/chartRepository/format',
              keyword: 'format',
              params: { format: 'uri' },
              message: 'must match format "' + 'uri' + '"',
              schema: 'uri',
              parentSchema: schema60.properties.metallb.properties.chartRepository,
              data: data20,
            };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        } else {
          const err35 = {
            instancePath: instancePath + '/metallb/chartRepository',
            schemaPath: '#/properties/metallb/properties/chartRepository/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.metallb.properties.chartRepository.type,
            parentSchema: schema60.properties.metallb.properties.chartRepository,
            data: data20,
          };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
      }
    } else {
      const err36 = {
        instancePath: instancePath + '/metallb',
        schemaPath: '#/properties/metallb/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.metallb.type,
        parentSchema: schema60.properties.metallb,
        data: data10,
      };
      if (vErrors === null) {
        vErrors = [err36];
      } else {
        vErrors.push(err36);
      }
      errors++;
    }
    let data21 = data.ingressNginx;
    if (data21 && typeof data21 == 'object' && !Array.isArray(data21)) {
      if (data21.enabled === undefined) {
        data21.enabled = false;
      }
      if (data21.version === undefined) {
        data21.version = '2.6.4';
      }
      if (data21.values === undefined) {
        data21.values = {};
      }
      for (const key5 in data21) {
        if (!(
          key5 === 'enabled' ||
          key5 === 'version' ||
          key5 === 'values' ||
          key5 === 'public' ||
          key5 === 'internal' ||
          key5 === 'chartRepository'
        )) {
          const err37 = {
            instancePath: instancePath + '/ingressNginx',
            schemaPath: '#/properties/ingressNginx/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key5 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.ingressNginx,
            data: data21,
          };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
      }
      let data22 = data21.enabled;
      if (typeof data22 !== 'boolean') {
        const err38 = {
          instancePath: instancePath + '/ingressNginx/enabled',
          schemaPath: '#/properties/ingressNginx/properties/enabled/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.ingressNginx.properties.enabled.type,
          parentSchema: schema60.properties.ingressNginx.properties.enabled,
          data: data22,
        };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
      let data23 = data21.version;
      if (typeof data23 !== 'string') {
        const err39 = {
          instancePath: instancePath + '/ingressNginx/version',
          schemaPath: '#/properties/ingressNginx/properties/version/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.ingressNginx.properties.version.type,
          parentSchema: schema60.properties.ingressNginx.properties.version,
          data: data23,
        };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
      let data24 = data21.values;
      if (data24 && typeof data24 == 'object' && !Array.isArray(data24)) {
      } else {
        const err40 = {
          instancePath: instancePath + '/ingressNginx/values',
          schemaPath: '#/$defs/values/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema61.type,
          parentSchema: schema61,
          data: data24,
        };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
      if (data21.public !== undefined) {
        let data25 = data21.public;
        if (data25 && typeof data25 == 'object' && !Array.isArray(data25)) {
          if (data25.loadBalancerIP === undefined) {
            const err41 = {
              instancePath: instancePath + '/ingressNginx/public',
              schemaPath: '#/$defs/ingressInstance/required',
              keyword: 'required',
              params: { missingProperty: 'loadBalancerIP' },
              message: "must have required property '" + 'loadBalancerIP' + "'",
              schema: schema64.required,
              parentSchema: schema64,
              data: data25,
            };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
          if (data25.className === undefined) {
            const err42 = {
              instancePath: instancePath + '/ingressNginx/public',
              schemaPath: '#/$defs/ingressInstance/required',
              keyword: 'required',
              params: { missingProperty: 'className' },
              message: "must have required property '" + 'className' + "'",
              schema: schema64.required,
              parentSchema: schema64,
              data: data25,
            };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
          for (const key6 in data25) {
            if (!(key6 === 'loadBalancerIP' || key6 === 'className' || key6 === 'pool')) {
              const err43 = {
                instancePath: instancePath + '/ingressNginx/public',
                schemaPath: '#/$defs/ingressInstance/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key6 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema64,
                data: data25,
              };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          }
          if (data25.loadBalancerIP !== undefined) {
            let data26 = data25.loadBalancerIP;
            if (typeof data26 !== 'string') {
              const err44 = {
                instancePath: instancePath + '/ingressNginx/public/loadBalancerIP',
                schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema64.properties.loadBalancerIP.type,
                parentSchema: schema64.properties.loadBalancerIP,
                data: data26,
              };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            const _errs69 = errors;
            let valid15 = false;
            const _errs70 = errors;
            if (typeof data26 === 'string') {
              if (!formats0.test(data26)) {
                const err45 = {
                  instancePath: instancePath + '/ingressNginx/public/loadBalancerIP',
                  schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/anyOf/0/format',
                  keyword: 'format',
                  params: { format: 'ipv4' },
                  message: 'must match format "' + 'ipv4' + '"',
                  schema: 'ipv4',
                  parentSchema: schema64.properties.loadBalancerIP.anyOf[0],
                  data: data26,
                };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
            var _valid0 = _errs70 === errors;
            valid15 = valid15 || _valid0;
            const _errs71 = errors;
            if (typeof data26 === 'string') {
              if (!formats4.test(data26)) {
                const err46 = {
                  instancePath: instancePath + '/ingressNginx/public/loadBalancerIP',
                  schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/anyOf/1/format',
                  keyword: 'format',
                  params: { format: 'ipv6' },
                  message: 'must match format "' + 'ipv6' + '"',
                  schema: 'ipv6',
                  parentSchema: schema64.properties.loadBalancerIP.anyOf[1],
                  data: data26,
                };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
            var _valid0 = _errs71 === errors;
            valid15 = valid15 || _valid0;
            if (!valid15) {
              const err47 = {
                instancePath: instancePath + '/ingressNginx/public/loadBalancerIP',
                schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/anyOf',
                keyword: 'anyOf',
                params: {},
                message: 'must match a schema in anyOf',
                schema: schema64.properties.loadBalancerIP.anyOf,
                parentSchema: schema64.properties.loadBalancerIP,
                data: data26,
              };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            } else {
              errors = _errs69;
              if (vErrors !== null) {
                if (_errs69) {
                  vErrors.length = _errs69;
                } else {
                  vErrors = null;
                }
              }
            }
            if (errors > 0) {
              const emErrors0 = { anyOf: [] };
              const templates0 = {};
              for (const err48 of vErrors) {
                if (
                  err48.keyword !== 'errorMessage' &&
                  !err48.emUsed &&
                  err48.instancePath === instancePath + '/ingressNginx/public/loadBalancerIP' &&
                  err48.keyword in emErrors0 &&
                  err48.schemaPath.indexOf('#/$defs/ingressInstance/properties/loadBalancerIP') === 0 &&
                  /^\/[^\/]*$/.test(err48.schemaPath.slice(49))
                ) {
                  emErrors0[err48.keyword].push(err48);
                  err48.emUsed = true;
                }
              }
              for (const key7 in emErrors0) {
                if (emErrors0[key7].length) {
                  const err49 = {
                    instancePath: instancePath + '/ingressNginx/public/loadBalancerIP',
                    schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/errorMessage',
                    keyword: 'errorMessage',
                    params: { errors: emErrors0[key7] },
                    message:
                      key7 in templates0
                        ? templates0[key7]()
                        : schema64.properties.loadBalancerIP.errorMessage[key7],
                    schema: schema64.properties.loadBalancerIP.errorMessage,
                    parentSchema: schema64.properties.loadBalancerIP,
                    data: data26,
                  };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors++;
                }
              }
              const emErrs0 = [];
              for (const err50 of vErrors) {
                if (!err50.emUsed) {
                  emErrs0.push(err50);
                }
              }
              vErrors = emErrs0;
              errors = emErrs0.length;
            }
          }
          if (data25.className !== undefined) {
            let data27 = data25.className;
            if (typeof data27 === 'string') {
              if (!pattern4.test(data27)) {
                const err51 = {
                  instancePath: instancePath + '/ingressNginx/public/className',
                  schemaPath: '#/$defs/ingressInstance/properties/className/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
                  message: 'must match pattern "' + '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' + '"',
                  schema: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
                  parentSchema: schema64.properties.className,
                  data: data27,
                };
                if (vErrors === null) {
                  vErrors = [err51];
                } else {
                  vErrors.push(err51);
                }
                errors++;
              }
            } else {
              const err52 = {
                instancePath: instancePath + '/ingressNginx/public/className',
                schemaPath: '#/$defs/ingressInstance/properties/className/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema64.properties.className.type,
                parentSchema: schema64.properties.className,
                data: data27,
              };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
          }
          if (data25.pool !== undefined) {
            let data28 = data25.pool;
            if (typeof data28 !== 'string') {
              const err53 = {
                instancePath: instancePath + '/ingressNginx/public/pool',
                schemaPath: '#/$defs/ingressInstance/properties/pool/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema64.properties.pool.type,
                parentSchema: schema64.properties.pool,
                data: data28,
              };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
        } else {
          const err54 = {
            instancePath: instancePath + '/ingressNginx/public',
            schemaPath: '#/$defs/ingressInstance/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema64.type,
            parentSchema: schema64,
            data: data25,
          };
          if (vErrors === null) {
            vErrors = [err54];
          } else {
            vErrors.push(err54);
          }
          errors++;
        }
      }
      if (data21.internal !== undefined) {
        let data29 = data21.internal;
        if (data29 && typeof data29 == 'object' && !Array.isArray(data29)) {
          if (data29.loadBalancerIP === undefined) {
            const err55 = {
              instancePath: instancePath + '/ingressNginx/internal',
              schemaPath: '#/$defs/ingressInstance/required',
              keyword: 'required',
              params: { missingProperty: 'loadBalancerIP' },
              message: "must have required property '" + 'loadBalancerIP' + "'",
              schema: schema64.required,
              parentSchema: schema64,
              data: data29,
            };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
          if (data29.className === undefined) {
            const err56 = {
              instancePath: instancePath + '/ingressNginx/internal',
              schemaPath: '#/$defs/ingressInstance/required',
              keyword: 'required',
              params: { missingProperty: 'className' },
              message: "must have required property '" + 'className' + "'",
              schema: schema64.required,
              parentSchema: schema64,
              data: data29,
            };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
          for (const key8 in data29) {
            if (!(key8 === 'loadBalancerIP' || key8 === 'className' || key8 === 'pool')) {
              const err57 = {
                instancePath: instancePath + '/ingressNginx/internal',
                schemaPath: '#/$defs/ingressInstance/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key8 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema64,
                data: data29,
              };
              if (vErrors === null) {
                vErrors = [err57];
              } else {
                vErrors.push(err57);
              }
              errors++;
            }
          }
          if (data29.loadBalancerIP !== undefined) {
            let data30 = data29.loadBalancerIP;
            if (typeof data30 !== 'string') {
              const err58 = {
                instancePath: instancePath + '/ingressNginx/internal/loadBalancerIP',
                schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema64.properties.loadBalancerIP.type,
                parentSchema: schema64.properties.loadBalancerIP,
                data: data30,
              };
              if (vErrors === null) {
                vErrors = [err58];
              } else {
                vErrors.push(err58);
              }
              errors++;
            }
            const _errs82 = errors;
            let valid18 = false;
            const _errs83 = errors;
            if (typeof data30 === 'string') {
              if (!formats0.test(data30)) {
                const err59 = {
                  instancePath: instancePath + '/ingressNginx/internal/loadBalancerIP',
                  schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/anyOf/0/format',
                  keyword: 'format',
                  params: { format: 'ipv4' },
                  message: 'must match format "' + 'ipv4' + '"',
                  schema: 'ipv4',
                  parentSchema: schema64.properties.loadBalancerIP.anyOf[0],
                  data: data30,
                };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
            var _valid1 = _errs83 === errors;
            valid18 = valid18 || _valid1;
            const _errs84 = errors;
            if (typeof data30 === 'string') {
              if (!formats4.test(data30)) {
                const err60 = {
                  instancePath: instancePath + '/ingressNginx/internal/loadBalancerIP',
                  schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/anyOf/1/format',
                  keyword: 'format',
                  params: { format: 'ipv6' },
                  message: 'must match format "' + 'ipv6' + '"',
                  schema: 'ipv6',
                  parentSchema: schema64.properties.loadBalancerIP.anyOf[1],
                  data: data30,
                };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
            }
            var _valid1 = _errs84 === errors;
            valid18 = valid18 || _valid1;
            if (!valid18) {
              const err61 = {
                instancePath: instancePath + '/ingressNginx/internal/loadBalancerIP',
                schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/anyOf',
                keyword: 'anyOf',
                params: {},
                message: 'must match a schema in anyOf',
                schema: schema64.properties.loadBalancerIP.anyOf,
                parentSchema: schema64.properties.loadBalancerIP,
                data: data30,
              };
              if (vErrors === null) {
                vErrors = [err61];
              } else {
                vErrors.push(err61);
              }
              errors++;
            } else {
              errors = _errs82;
              if (vErrors !== null) {
                if (_errs82) {
                  vErrors.length = _errs82;
                } else {
                  vErrors = null;
                }
              }
            }
            if (errors > 0) {
              const emErrors1 = { anyOf: [] };
              const templates1 = {};
              for (const err62 of vErrors) {
                if (
                  err62.keyword !== 'errorMessage' &&
                  !err62.emUsed &&
                  err62.instancePath === instancePath + '/ingressNginx/internal/loadBalancerIP' &&
                  err62.keyword in emErrors1 &&
                  err62.schemaPath.indexOf('#/$defs/ingressInstance/properties/loadBalancerIP') === 0 &&
                  /^\/[^\/]*$/.test(err62.schemaPath.slice(49))
                ) {
                  emErrors1[err62.keyword].push(err62);
                  err62.emUsed = true;
                }
              }
              for (const key9 in emErrors1) {
                if (emErrors1[key9].length) {
                  const err63 = {
                    instancePath: instancePath + '/ingressNginx/internal/loadBalancerIP',
                    schemaPath: '#/$defs/ingressInstance/properties/loadBalancerIP/errorMessage',
                    keyword: 'errorMessage',
                    params: { errors: emErrors1[key9] },
                    message:
                      key9 in templates1
                        ? templates1[key9]()
                        : schema64.properties.loadBalancerIP.errorMessage[key9],
                    schema: schema64.properties.loadBalancerIP.errorMessage,
                    parentSchema: schema64.properties.loadBalancerIP,
                    data: data30,
                  };
                  if (vErrors === null) {
                    vErrors = [err63];
                  } else {
                    vErrors.push(err63);
                  }
                  errors++;
                }
              }
              const emErrs1 = [];
              for (const err64 of vErrors) {
                if (!err64.emUsed) {
                  emErrs1.push(err64);
                }
              }
              vErrors = emErrs1;
              errors = emErrs1.length;
            }
          }
          if (data29.className !== undefined) {
            let data31 = data29.className;
            if (typeof data31 === 'string') {
              if (!pattern4.test(data31)) {
                const err65 = {
                  instancePath: instancePath + '/ingressNginx/internal/className',
                  schemaPath: '#/$defs/ingressInstance/properties/className/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
                  message: 'must match pattern "' + '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' + '"',
                  schema: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
                  parentSchema: schema64.properties.className,
                  data: data31,
                };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            } else {
              const err66 = {
                instancePath: instancePath + '/ingressNginx/internal/className',
                schemaPath: '#/$defs/ingressInstance/properties/className/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema64.properties.className.type,
                parentSchema: schema64.properties.className,
                data: data31,
              };
              if (vErrors === null) {
                vErrors = [err66];
              } else {
                vErrors.push(err66);
              }
              errors++;
            }
          }
          if (data29.pool !== undefined) {
            let data32 = data29.pool;
            if (typeof data32 !== 'string') {
              const err67 = {
                instancePath: instancePath + '/ingressNginx/internal/pool',
                schemaPath: '#/$defs/ingressInstance/properties/pool/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema64.properties.pool.type,
                parentSchema: schema64.properties.pool,
                data: data32,
              };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          }
        } else {
          const err68 = {
            instancePath: instancePath + '/ingressNginx/internal',
            schemaPath: '#/$defs/ingressInstance/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema64.type,
            parentSchema: schema64,
            data: data29,
          };
          if (vErrors === null) {
            vErrors = [err68];
          } else {
            vErrors.push(err68);
          }
          errors++;
        }
      }
      if (data21.chartRepository !== undefined) {
        let data33 = data21.chartRepository;
        if (typeof data33 === 'string') {
          if (!pattern21.test(data33)) {
            const err69 = {
              instancePath: instancePath + '/ingressNginx/chartRepository',
              schemaPath: '#/properties/ingressNginx/properties/chartRepository/pattern',
              keyword: 'pattern',
              params: { pattern: '^(https?|oci)://' },
              message: 'must match pattern "' + '^(https?|oci)://' + '"',
              schema: '^(https?|oci)://',
              parentSchema: schema60.properties.ingressNginx.properties.chartRepository,
              data: data33,
            };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
          if (!formats16(data33)) {
            const err70 = {
              instancePath: instancePath + '/ingressNginx/chartRepository',
              schemaPath: '#/properties/ingressNginx/properties/chartRepository/format',
              keyword: 'format',
              params: { format: 'uri' },
              message: 'must match format "' + 'uri' + '"',
              schema: 'uri',
              parentSchema: schema60.properties.ingressNginx.properties.chartRepository,
              data: data33,
            };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
        } else {
          const err71 = {
            instancePath: instancePath + '/ingressNginx/chartRepository',
            schemaPath: '#/properties/ingressNginx/properties/chartRepository/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.ingressNginx.properties.chartRepository.type,
            parentSchema: schema60.properties.ingressNginx.properties.chartRepository,
            data: data33,
          };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
      }
    } else {
      const err72 = {
        instancePath: instancePath + '/ingressNginx',
        schemaPath: '#/properties/ingressNginx/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.ingressNginx.type,
        parentSchema: schema60.properties.ingressNginx,
        data: data21,
      };
      if (vErrors === null) {
        vErrors = [err72];
      } else {
        vErrors.push(err72);
      }
      errors++;
    }
    let data34 = data.rookCeph;
    if (data34 && typeof data34 == 'object' && !Array.isArray(data34)) {
      if (data34.enabled === undefined) {
        data34.enabled = false;
      }
      if (data34.version === undefined) {
        data34.version = 'v1.20.6';
      }
      if (data34.values === undefined) {
        data34.values = {};
      }
      if (data34.dataDirHostPath === undefined) {
        data34.dataDirHostPath = '/var/lib/rook';
      }
      if (data34.csiDriversVersion === undefined) {
        data34.csiDriversVersion = '1.0.4';
      }
      for (const key10 in data34) {
        if (!(
          key10 === 'enabled' ||
          key10 === 'version' ||
          key10 === 'values' ||
          key10 === 'dataDirHostPath' ||
          key10 === 'chartRepository' ||
          key10 === 'csiDriversVersion'
        )) {
          const err73 = {
            instancePath: instancePath + '/rookCeph',
            schemaPath: '#/properties/rookCeph/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key10 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.rookCeph,
            data: data34,
          };
          if (vErrors === null) {
            vErrors = [err73];
          } else {
            vErrors.push(err73);
          }
          errors++;
        }
      }
      let data35 = data34.enabled;
      if (typeof data35 !== 'boolean') {
        const err74 = {
          instancePath: instancePath + '/rookCeph/enabled',
          schemaPath: '#/properties/rookCeph/properties/enabled/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.rookCeph.properties.enabled.type,
          parentSchema: schema60.properties.rookCeph.properties.enabled,
          data: data35,
        };
        if (vErrors === null) {
          vErrors = [err74];
        } else {
          vErrors.push(err74);
        }
        errors++;
      }
      let data36 = data34.version;
      if (typeof data36 !== 'string') {
        const err75 = {
          instancePath: instancePath + '/rookCeph/version',
          schemaPath: '#/properties/rookCeph/properties/version/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.rookCeph.properties.version.type,
          parentSchema: schema60.properties.rookCeph.properties.version,
          data: data36,
        };
        if (vErrors === null) {
          vErrors = [err75];
        } else {
          vErrors.push(err75);
        }
        errors++;
      }
      let data37 = data34.values;
      if (data37 && typeof data37 == 'object' && !Array.isArray(data37)) {
      } else {
        const err76 = {
          instancePath: instancePath + '/rookCeph/values',
          schemaPath: '#/$defs/values/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema61.type,
          parentSchema: schema61,
          data: data37,
        };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
      let data38 = data34.dataDirHostPath;
      if (typeof data38 !== 'string') {
        const err77 = {
          instancePath: instancePath + '/rookCeph/dataDirHostPath',
          schemaPath: '#/properties/rookCeph/properties/dataDirHostPath/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.rookCeph.properties.dataDirHostPath.type,
          parentSchema: schema60.properties.rookCeph.properties.dataDirHostPath,
          data: data38,
        };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
      if (data34.chartRepository !== undefined) {
        let data39 = data34.chartRepository;
        if (typeof data39 === 'string') {
          if (!pattern21.test(data39)) {
            const err78 = {
              instancePath: instancePath + '/rookCeph/chartRepository',
              schemaPath: '#/properties/rookCeph/properties/chartRepository/pattern',
              keyword: 'pattern',
              params: { pattern: '^(https?|oci)://' },
              message: 'must match pattern "' + '^(https?|oci)://' + '"',
              schema: '^(https?|oci)://',
              parentSchema: schema60.properties.rookCeph.properties.chartRepository,
              data: data39,
            };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
          if (!formats16(data39)) {
            const err79 = {
              instancePath: instancePath + '/rookCeph/chartRepository',
              schemaPath: '#/properties/rookCeph/properties/chartRepository/format',
              keyword: 'format',
              params: { format: 'uri' },
              message: 'must match format "' + 'uri' + '"',
              schema: 'uri',
              parentSchema: schema60.properties.rookCeph.properties.chartRepository,
              data: data39,
            };
            if (vErrors === null) {
              vErrors = [err79];
            } else {
              vErrors.push(err79);
            }
            errors++;
          }
        } else {
          const err80 = {
            instancePath: instancePath + '/rookCeph/chartRepository',
            schemaPath: '#/properties/rookCeph/properties/chartRepository/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.rookCeph.properties.chartRepository.type,
            parentSchema: schema60.properties.rookCeph.properties.chartRepository,
            data: data39,
          };
          if (vErrors === null) {
            vErrors = [err80];
          } else {
            vErrors.push(err80);
          }
          errors++;
        }
      }
      let data40 = data34.csiDriversVersion;
      if (typeof data40 !== 'string') {
        const err81 = {
          instancePath: instancePath + '/rookCeph/csiDriversVersion',
          schemaPath: '#/properties/rookCeph/properties/csiDriversVersion/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.rookCeph.properties.csiDriversVersion.type,
          parentSchema: schema60.properties.rookCeph.properties.csiDriversVersion,
          data: data40,
        };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      }
    } else {
      const err82 = {
        instancePath: instancePath + '/rookCeph',
        schemaPath: '#/properties/rookCeph/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.rookCeph.type,
        parentSchema: schema60.properties.rookCeph,
        data: data34,
      };
      if (vErrors === null) {
        vErrors = [err82];
      } else {
        vErrors.push(err82);
      }
      errors++;
    }
    let data41 = data.velero;
    const _errs110 = errors;
    let valid21 = true;
    const _errs111 = errors;
    if (data41 && typeof data41 == 'object' && !Array.isArray(data41)) {
      let missing0;
      if (data41.enabled === undefined && (missing0 = 'enabled')) {
        const err83 = {};
        if (vErrors === null) {
          vErrors = [err83];
        } else {
          vErrors.push(err83);
        }
        errors++;
      } else {
        if (data41.enabled !== undefined) {
          if (true !== data41.enabled) {
            const err84 = {};
            if (vErrors === null) {
              vErrors = [err84];
            } else {
              vErrors.push(err84);
            }
            errors++;
          }
        }
      }
    }
    var _valid2 = _errs111 === errors;
    errors = _errs110;
    if (vErrors !== null) {
      if (_errs110) {
        vErrors.length = _errs110;
      } else {
        vErrors = null;
      }
    }
    if (_valid2) {
      const _errs113 = errors;
      if (data41 && typeof data41 == 'object' && !Array.isArray(data41)) {
        if (data41.s3 === undefined) {
          const err85 = {
            instancePath: instancePath + '/velero',
            schemaPath: '#/properties/velero/then/required',
            keyword: 'required',
            params: { missingProperty: 's3' },
            message: "must have required property '" + 's3' + "'",
            schema: schema60.properties.velero.then.required,
            parentSchema: schema60.properties.velero.then,
            data: data41,
          };
          if (vErrors === null) {
            vErrors = [err85];
          } else {
            vErrors.push(err85);
          }
          errors++;
        }
      }
      var _valid2 = _errs113 === errors;
      valid21 = _valid2;
    }
    if (!valid21) {
      const err86 = {
        instancePath: instancePath + '/velero',
        schemaPath: '#/properties/velero/if',
        keyword: 'if',
        params: { failingKeyword: 'then' },
        message: 'must match "then" schema',
        schema: schema60.properties.velero.if,
        parentSchema: schema60.properties.velero,
        data: data41,
      };
      if (vErrors === null) {
        vErrors = [err86];
      } else {
        vErrors.push(err86);
      }
      errors++;
    }
    if (data41 && typeof data41 == 'object' && !Array.isArray(data41)) {
      if (data41.enabled === undefined) {
        data41.enabled = false;
      }
      if (data41.version === undefined) {
        data41.version = '12.1.0';
      }
      if (data41.values === undefined) {
        data41.values = {};
      }
      if (data41.schedule === undefined) {
        data41.schedule = '0 2 * * *';
      }
      if (data41.ttl === undefined) {
        data41.ttl = '720h';
      }
      for (const key11 in data41) {
        if (!(
          key11 === 'enabled' ||
          key11 === 'version' ||
          key11 === 'values' ||
          key11 === 's3' ||
          key11 === 'schedule' ||
          key11 === 'ttl' ||
          key11 === 'chartRepository'
        )) {
          const err87 = {
            instancePath: instancePath + '/velero',
            schemaPath: '#/properties/velero/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key11 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.velero,
            data: data41,
          };
          if (vErrors === null) {
            vErrors = [err87];
          } else {
            vErrors.push(err87);
          }
          errors++;
        }
      }
      let data43 = data41.enabled;
      if (typeof data43 !== 'boolean') {
        const err88 = {
          instancePath: instancePath + '/velero/enabled',
          schemaPath: '#/properties/velero/properties/enabled/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
          schema: schema60.properties.velero.properties.enabled.type,
          parentSchema: schema60.properties.velero.properties.enabled,
          data: data43,
        };
        if (vErrors === null) {
          vErrors = [err88];
        } else {
          vErrors.push(err88);
        }
        errors++;
      }
      let data44 = data41.version;
      if (typeof data44 !== 'string') {
        const err89 = {
          instancePath: instancePath + '/velero/version',
          schemaPath: '#/properties/velero/properties/version/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.velero.properties.version.type,
          parentSchema: schema60.properties.velero.properties.version,
          data: data44,
        };
        if (vErrors === null) {
          vErrors = [err89];
        } else {
          vErrors.push(err89);
        }
        errors++;
      }
      let data45 = data41.values;
      if (data45 && typeof data45 == 'object' && !Array.isArray(data45)) {
      } else {
        const err90 = {
          instancePath: instancePath + '/velero/values',
          schemaPath: '#/$defs/values/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema61.type,
          parentSchema: schema61,
          data: data45,
        };
        if (vErrors === null) {
          vErrors = [err90];
        } else {
          vErrors.push(err90);
        }
        errors++;
      }
      if (data41.s3 !== undefined) {
        if (
          !validate43(data41.s3, {
            instancePath: instancePath + '/velero/s3',
            parentData: data41,
            parentDataProperty: 's3',
            rootData,
            dynamicAnchors,
          })
        ) {
          vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
          errors = vErrors.length;
        }
      }
      let data47 = data41.schedule;
      if (typeof data47 === 'string') {
        if (func2(data47) < 9) {
          const err91 = {
            instancePath: instancePath + '/velero/schedule',
            schemaPath: '#/properties/velero/properties/schedule/minLength',
            keyword: 'minLength',
            params: { limit: 9 },
            message: 'must NOT have fewer than 9 characters',
            schema: 9,
            parentSchema: schema60.properties.velero.properties.schedule,
            data: data47,
          };
          if (vErrors === null) {
            vErrors = [err91];
          } else {
            vErrors.push(err91);
          }
          errors++;
        }
      } else {
        const err92 = {
          instancePath: instancePath + '/velero/schedule',
          schemaPath: '#/properties/velero/properties/schedule/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.velero.properties.schedule.type,
          parentSchema: schema60.properties.velero.properties.schedule,
          data: data47,
        };
        if (vErrors === null) {
          vErrors = [err92];
        } else {
          vErrors.push(err92);
        }
        errors++;
      }
      let data48 = data41.ttl;
      if (typeof data48 === 'string') {
        if (!pattern30.test(data48)) {
          const err93 = {
            instancePath: instancePath + '/velero/ttl',
            schemaPath: '#/properties/velero/properties/ttl/pattern',
            keyword: 'pattern',
            params: { pattern: '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$' },
            message: 'must match pattern "' + '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$' + '"',
            schema: '^([0-9]+h)?([0-9]+m)?([0-9]+s)?$',
            parentSchema: schema60.properties.velero.properties.ttl,
            data: data48,
          };
          if (vErrors === null) {
            vErrors = [err93];
          } else {
            vErrors.push(err93);
          }
          errors++;
        }
      } else {
        const err94 = {
          instancePath: instancePath + '/velero/ttl',
          schemaPath: '#/properties/velero/properties/ttl/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema60.properties.velero.properties.ttl.type,
          parentSchema: schema60.properties.velero.properties.ttl,
          data: data48,
        };
        if (vErrors === null) {
          vErrors = [err94];
        } else {
          vErrors.push(err94);
        }
        errors++;
      }
      if (data41.chartRepository !== undefined) {
        let data49 = data41.chartRepository;
        if (typeof data49 === 'string') {
          if (!pattern21.test(data49)) {
            const err95 = {
              instancePath: instancePath + '/velero/chartRepository',
              schemaPath: '#/properties/velero/properties/chartRepository/pattern',
              keyword: 'pattern',
              params: { pattern: '^(https?|oci)://' },
              message: 'must match pattern "' + '^(https?|oci)://' + '"',
              schema: '^(https?|oci)://',
              parentSchema: schema60.properties.velero.properties.chartRepository,
              data: data49,
            };
            if (vErrors === null) {
              vErrors = [err95];
            } else {
              vErrors.push(err95);
            }
            errors++;
          }
          if (!formats16(data49)) {
            const err96 = {
              instancePath: instancePath + '/velero/chartRepository',
              schemaPath: '#/properties/velero/properties/chartRepository/format',
              keyword: 'format',
              params: { format: 'uri' },
              message: 'must match format "' + 'uri' + '"',
              schema: 'uri',
              parentSchema: schema60.properties.velero.properties.chartRepository,
              data: data49,
            };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
        } else {
          const err97 = {
            instancePath: instancePath + '/velero/chartRepository',
            schemaPath: '#/properties/velero/properties/chartRepository/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.velero.properties.chartRepository.type,
            parentSchema: schema60.properties.velero.properties.chartRepository,
            data: data49,
          };
          if (vErrors === null) {
            vErrors = [err97];
          } else {
            vErrors.push(err97);
          }
          errors++;
        }
      }
    } else {
      const err98 = {
        instancePath: instancePath + '/velero',
        schemaPath: '#/properties/velero/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.velero.type,
        parentSchema: schema60.properties.velero,
        data: data41,
      };
      if (vErrors === null) {
        vErrors = [err98];
      } else {
        vErrors.push(err98);
      }
      errors++;
    }
    let data50 = data.observability;
    if (data50 && typeof data50 == 'object' && !Array.isArray(data50)) {
      if (data50.prometheus === undefined) {
        data50.prometheus = {};
      }
      if (data50.alertmanager === undefined) {
        data50.alertmanager = {};
      }
      if (data50.grafana === undefined) {
        data50.grafana = {};
      }
      if (data50.thanos === undefined) {
        data50.thanos = {};
      }
      if (data50.loki === undefined) {
        data50.loki = {};
      }
      if (data50.logs === undefined) {
        data50.logs = {};
      }
      if (data50.tempo === undefined) {
        data50.tempo = {};
      }
      for (const key12 in data50) {
        if (!(
          key12 === 'objectStorage' ||
          key12 === 'prometheus' ||
          key12 === 'alertmanager' ||
          key12 === 'grafana' ||
          key12 === 'thanos' ||
          key12 === 'loki' ||
          key12 === 'logs' ||
          key12 === 'tempo'
        )) {
          const err99 = {
            instancePath: instancePath + '/observability',
            schemaPath: '#/properties/observability/additionalProperties',
            keyword: 'additionalProperties',
            params: { additionalProperty: key12 },
            message: 'must NOT have additional properties',
            schema: false,
            parentSchema: schema60.properties.observability,
            data: data50,
          };
          if (vErrors === null) {
            vErrors = [err99];
          } else {
            vErrors.push(err99);
          }
          errors++;
        }
      }
      if (data50.objectStorage !== undefined) {
        if (
          !validate45(data50.objectStorage, {
            instancePath: instancePath + '/observability/objectStorage',
            parentData: data50,
            parentDataProperty: 'objectStorage',
            rootData,
            dynamicAnchors,
          })
        ) {
          vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
          errors = vErrors.length;
        }
      }
      let data52 = data50.prometheus;
      if (data52 && typeof data52 == 'object' && !Array.isArray(data52)) {
        if (data52.enabled === undefined) {
          data52.enabled = false;
        }
        if (data52.version === undefined) {
          data52.version = '88.5.3';
        }
        if (data52.values === undefined) {
          data52.values = {};
        }
        if (data52.retention === undefined) {
          data52.retention = '24h';
        }
        for (const key13 in data52) {
          if (!(
            key13 === 'enabled' ||
            key13 === 'version' ||
            key13 === 'values' ||
            key13 === 'retention' ||
            key13 === 'chartRepository'
          )) {
            const err100 = {
              instancePath: instancePath + '/observability/prometheus',
              schemaPath: '#/properties/observability/properties/prometheus/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key13 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.prometheus,
              data: data52,
            };
            if (vErrors === null) {
              vErrors = [err100];
            } else {
              vErrors.push(err100);
            }
            errors++;
          }
        }
        let data53 = data52.enabled;
        if (typeof data53 !== 'boolean') {
          const err101 = {
            instancePath: instancePath + '/observability/prometheus/enabled',
            schemaPath: '#/properties/observability/properties/prometheus/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.prometheus.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.prometheus.properties.enabled,
            data: data53,
          };
          if (vErrors === null) {
            vErrors = [err101];
          } else {
            vErrors.push(err101);
          }
          errors++;
        }
        let data54 = data52.version;
        if (typeof data54 !== 'string') {
          const err102 = {
            instancePath: instancePath + '/observability/prometheus/version',
            schemaPath: '#/properties/observability/properties/prometheus/properties/version/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.prometheus.properties.version.type,
            parentSchema: schema60.properties.observability.properties.prometheus.properties.version,
            data: data54,
          };
          if (vErrors === null) {
            vErrors = [err102];
          } else {
            vErrors.push(err102);
          }
          errors++;
        }
        let data55 = data52.values;
        if (data55 && typeof data55 == 'object' && !Array.isArray(data55)) {
        } else {
          const err103 = {
            instancePath: instancePath + '/observability/prometheus/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data55,
          };
          if (vErrors === null) {
            vErrors = [err103];
          } else {
            vErrors.push(err103);
          }
          errors++;
        }
        let data56 = data52.retention;
        if (typeof data56 !== 'string') {
          const err104 = {
            instancePath: instancePath + '/observability/prometheus/retention',
            schemaPath: '#/properties/observability/properties/prometheus/properties/retention/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.prometheus.properties.retention.type,
            parentSchema: schema60.properties.observability.properties.prometheus.properties.retention,
            data: data56,
          };
          if (vErrors === null) {
            vErrors = [err104];
          } else {
            vErrors.push(err104);
          }
          errors++;
        }
        if (data52.chartRepository !== undefined) {
          let data57 = data52.chartRepository;
          if (typeof data57 === 'string') {
            if (!pattern21.test(data57)) {
              const err105 = {
                instancePath: instancePath + '/observability/prometheus/chartRepository',
                schemaPath:
                  '#/properties/observability/properties/prometheus/properties/chartRepository/pattern',
                keyword: 'pattern',
                params: { pattern: '^(https?|oci)://' },
                message: 'must match pattern "' + '^(https?|oci)://' + '"',
                schema: '^(https?|oci)://',
                parentSchema:
                  schema60.properties.observability.properties.prometheus.properties.chartRepository,
                data: data57,
              };
              if (vErrors === null) {
                vErrors = [err105];
              } else {
                vErrors.push(err105);
              }
              errors++;
            }
            if (!formats16(data57)) {
              const err106 = {
                instancePath: instancePath + '/observability/prometheus/chartRepository',
                schemaPath:
                  '#/properties/observability/properties/prometheus/properties/chartRepository/format',
                keyword: 'format',
                params: { format: 'uri' },
                message: 'must match format "' + 'uri' + '"',
                schema: 'uri',
                parentSchema:
                  schema60.properties.observability.properties.prometheus.properties.chartRepository,
                data: data57,
              };
              if (vErrors === null) {
                vErrors = [err106];
              } else {
                vErrors.push(err106);
              }
              errors++;
            }
          } else {
            const err107 = {
              instancePath: instancePath + '/observability/prometheus/chartRepository',
              schemaPath: '#/properties/observability/properties/prometheus/properties/chartRepository/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.prometheus.properties.chartRepository.type,
              parentSchema:
                schema60.properties.observability.properties.prometheus.properties.chartRepository,
              data: data57,
            };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
        }
      } else {
        const err108 = {
          instancePath: instancePath + '/observability/prometheus',
          schemaPath: '#/properties/observability/properties/prometheus/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.prometheus.type,
          parentSchema: schema60.properties.observability.properties.prometheus,
          data: data52,
        };
        if (vErrors === null) {
          vErrors = [err108];
        } else {
          vErrors.push(err108);
        }
        errors++;
      }
      let data58 = data50.alertmanager;
      if (data58 && typeof data58 == 'object' && !Array.isArray(data58)) {
        if (data58.enabled === undefined) {
          data58.enabled = true;
        }
        if (data58.values === undefined) {
          data58.values = {};
        }
        for (const key14 in data58) {
          if (!(key14 === 'enabled' || key14 === 'values')) {
            const err109 = {
              instancePath: instancePath + '/observability/alertmanager',
              schemaPath: '#/properties/observability/properties/alertmanager/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key14 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.alertmanager,
              data: data58,
            };
            if (vErrors === null) {
              vErrors = [err109];
            } else {
              vErrors.push(err109);
            }
            errors++;
          }
        }
        let data59 = data58.enabled;
        if (typeof data59 !== 'boolean') {
          const err110 = {
            instancePath: instancePath + '/observability/alertmanager/enabled',
            schemaPath: '#/properties/observability/properties/alertmanager/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.alertmanager.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.alertmanager.properties.enabled,
            data: data59,
          };
          if (vErrors === null) {
            vErrors = [err110];
          } else {
            vErrors.push(err110);
          }
          errors++;
        }
        let data60 = data58.values;
        if (data60 && typeof data60 == 'object' && !Array.isArray(data60)) {
        } else {
          const err111 = {
            instancePath: instancePath + '/observability/alertmanager/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data60,
          };
          if (vErrors === null) {
            vErrors = [err111];
          } else {
            vErrors.push(err111);
          }
          errors++;
        }
      } else {
        const err112 = {
          instancePath: instancePath + '/observability/alertmanager',
          schemaPath: '#/properties/observability/properties/alertmanager/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.alertmanager.type,
          parentSchema: schema60.properties.observability.properties.alertmanager,
          data: data58,
        };
        if (vErrors === null) {
          vErrors = [err112];
        } else {
          vErrors.push(err112);
        }
        errors++;
      }
      let data61 = data50.grafana;
      if (data61 && typeof data61 == 'object' && !Array.isArray(data61)) {
        if (data61.enabled === undefined) {
          data61.enabled = true;
        }
        if (data61.values === undefined) {
          data61.values = {};
        }
        for (const key15 in data61) {
          if (!(key15 === 'enabled' || key15 === 'values' || key15 === 'adminPassword')) {
            const err113 = {
              instancePath: instancePath + '/observability/grafana',
              schemaPath: '#/properties/observability/properties/grafana/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key15 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.grafana,
              data: data61,
            };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
        let data62 = data61.enabled;
        if (typeof data62 !== 'boolean') {
          const err114 = {
            instancePath: instancePath + '/observability/grafana/enabled',
            schemaPath: '#/properties/observability/properties/grafana/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.grafana.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.grafana.properties.enabled,
            data: data62,
          };
          if (vErrors === null) {
            vErrors = [err114];
          } else {
            vErrors.push(err114);
          }
          errors++;
        }
        let data63 = data61.values;
        if (data63 && typeof data63 == 'object' && !Array.isArray(data63)) {
        } else {
          const err115 = {
            instancePath: instancePath + '/observability/grafana/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data63,
          };
          if (vErrors === null) {
            vErrors = [err115];
          } else {
            vErrors.push(err115);
          }
          errors++;
        }
        if (data61.adminPassword !== undefined) {
          let data64 = data61.adminPassword;
          if (data64 && typeof data64 == 'object' && !Array.isArray(data64)) {
            if (Object.keys(data64).length > 1) {
              const err116 = {
                instancePath: instancePath + '/observability/grafana/adminPassword',
                schemaPath: '#/$defs/secretRef/maxProperties',
                keyword: 'maxProperties',
                params: { limit: 1 },
                message: 'must NOT have more than 1 properties',
                schema: 1,
                parentSchema: schema43,
                data: data64,
              };
              if (vErrors === null) {
                vErrors = [err116];
              } else {
                vErrors.push(err116);
              }
              errors++;
            }
            if (Object.keys(data64).length < 1) {
              const err117 = {
                instancePath: instancePath + '/observability/grafana/adminPassword',
                schemaPath: '#/$defs/secretRef/minProperties',
                keyword: 'minProperties',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 properties',
                schema: 1,
                parentSchema: schema43,
                data: data64,
              };
              if (vErrors === null) {
                vErrors = [err117];
              } else {
                vErrors.push(err117);
              }
              errors++;
            }
            for (const key16 in data64) {
              if (!(key16 === 'env' || key16 === 'file')) {
                const err118 = {
                  instancePath: instancePath + '/observability/grafana/adminPassword',
                  schemaPath: '#/$defs/secretRef/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key16 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema43,
                  data: data64,
                };
                if (vErrors === null) {
                  vErrors = [err118];
                } else {
                  vErrors.push(err118);
                }
                errors++;
              }
            }
            if (data64.env !== undefined) {
              let data65 = data64.env;
              if (typeof data65 === 'string') {
                if (!pattern10.test(data65)) {
                  const err119 = {
                    instancePath: instancePath + '/observability/grafana/adminPassword/env',
                    schemaPath: '#/$defs/secretRef/properties/env/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                    message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]*$' + '"',
                    schema: '^[A-Za-z_][A-Za-z0-9_]*$',
                    parentSchema: schema43.properties.env,
                    data: data65,
                  };
                  if (vErrors === null) {
                    vErrors = [err119];
                  } else {
                    vErrors.push(err119);
                  }
                  errors++;
                }
              } else {
                const err120 = {
                  instancePath: instancePath + '/observability/grafana/adminPassword/env',
                  schemaPath: '#/$defs/secretRef/properties/env/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema43.properties.env.type,
                  parentSchema: schema43.properties.env,
                  data: data65,
                };
                if (vErrors === null) {
                  vErrors = [err120];
                } else {
                  vErrors.push(err120);
                }
                errors++;
              }
            }
            if (data64.file !== undefined) {
              let data66 = data64.file;
              if (typeof data66 === 'string') {
                if (func2(data66) < 1) {
                  const err121 = {
                    instancePath: instancePath + '/observability/grafana/adminPassword/file',
                    schemaPath: '#/$defs/secretRef/properties/file/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema43.properties.file,
                    data: data66,
                  };
                  if (vErrors === null) {
                    vErrors = [err121];
                  } else {
                    vErrors.push(err121);
                  }
                  errors++;
                }
              } else {
                const err122 = {
                  instancePath: instancePath + '/observability/grafana/adminPassword/file',
                  schemaPath: '#/$defs/secretRef/properties/file/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema43.properties.file.type,
                  parentSchema: schema43.properties.file,
                  data: data66,
                };
                if (vErrors === null) {
                  vErrors = [err122];
                } else {
                  vErrors.push(err122);
                }
                errors++;
              }
            }
          } else {
            const err123 = {
              instancePath: instancePath + '/observability/grafana/adminPassword',
              schemaPath: '#/$defs/secretRef/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema43.type,
              parentSchema: schema43,
              data: data64,
            };
            if (vErrors === null) {
              vErrors = [err123];
            } else {
              vErrors.push(err123);
            }
            errors++;
          }
          if (errors > 0) {
            const emErrors2 = { type: [], minProperties: [], maxProperties: [] };
            const templates2 = {};
            for (const err124 of vErrors) {
              if (
                err124.keyword !== 'errorMessage' &&
                !err124.emUsed &&
                err124.instancePath === instancePath + '/observability/grafana/adminPassword' &&
                err124.keyword in emErrors2 &&
                err124.schemaPath.indexOf('#/$defs/secretRef') === 0 &&
                /^\/[^\/]*$/.test(err124.schemaPath.slice(17))
              ) {
                emErrors2[err124.keyword].push(err124);
                err124.emUsed = true;
              }
            }
            for (const key17 in emErrors2) {
              if (emErrors2[key17].length) {
                const err125 = {
                  instancePath: instancePath + '/observability/grafana/adminPassword',
                  schemaPath: '#/$defs/secretRef/errorMessage',
                  keyword: 'errorMessage',
                  params: { errors: emErrors2[key17] },
                  message: key17 in templates2 ? templates2[key17]() : schema43.errorMessage[key17],
                  schema: schema43.errorMessage,
                  parentSchema: schema43,
                  data: data64,
                };
                if (vErrors === null) {
                  vErrors = [err125];
                } else {
                  vErrors.push(err125);
                }
                errors++;
              }
            }
            const emErrs2 = [];
            for (const err126 of vErrors) {
              if (!err126.emUsed) {
                emErrs2.push(err126);
              }
            }
            vErrors = emErrs2;
            errors = emErrs2.length;
          }
        }
      } else {
        const err127 = {
          instancePath: instancePath + '/observability/grafana',
          schemaPath: '#/properties/observability/properties/grafana/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.grafana.type,
          parentSchema: schema60.properties.observability.properties.grafana,
          data: data61,
        };
        if (vErrors === null) {
          vErrors = [err127];
        } else {
          vErrors.push(err127);
        }
        errors++;
      }
      let data67 = data50.thanos;
      if (data67 && typeof data67 == 'object' && !Array.isArray(data67)) {
        if (data67.enabled === undefined) {
          data67.enabled = false;
        }
        if (data67.version === undefined) {
          data67.version = '0.38.0';
        }
        if (data67.imageTag === undefined) {
          data67.imageTag = 'v0.42.4';
        }
        if (data67.values === undefined) {
          data67.values = {};
        }
        for (const key18 in data67) {
          if (!(
            key18 === 'enabled' ||
            key18 === 'version' ||
            key18 === 'imageTag' ||
            key18 === 'values' ||
            key18 === 'bucket' ||
            key18 === 'chartRepository'
          )) {
            const err128 = {
              instancePath: instancePath + '/observability/thanos',
              schemaPath: '#/properties/observability/properties/thanos/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key18 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.thanos,
              data: data67,
            };
            if (vErrors === null) {
              vErrors = [err128];
            } else {
              vErrors.push(err128);
            }
            errors++;
          }
        }
        let data68 = data67.enabled;
        if (typeof data68 !== 'boolean') {
          const err129 = {
            instancePath: instancePath + '/observability/thanos/enabled',
            schemaPath: '#/properties/observability/properties/thanos/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.thanos.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.thanos.properties.enabled,
            data: data68,
          };
          if (vErrors === null) {
            vErrors = [err129];
          } else {
            vErrors.push(err129);
          }
          errors++;
        }
        let data69 = data67.version;
        if (typeof data69 !== 'string') {
          const err130 = {
            instancePath: instancePath + '/observability/thanos/version',
            schemaPath: '#/properties/observability/properties/thanos/properties/version/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.thanos.properties.version.type,
            parentSchema: schema60.properties.observability.properties.thanos.properties.version,
            data: data69,
          };
          if (vErrors === null) {
            vErrors = [err130];
          } else {
            vErrors.push(err130);
          }
          errors++;
        }
        let data70 = data67.imageTag;
        if (typeof data70 !== 'string') {
          const err131 = {
            instancePath: instancePath + '/observability/thanos/imageTag',
            schemaPath: '#/properties/observability/properties/thanos/properties/imageTag/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.thanos.properties.imageTag.type,
            parentSchema: schema60.properties.observability.properties.thanos.properties.imageTag,
            data: data70,
          };
          if (vErrors === null) {
            vErrors = [err131];
          } else {
            vErrors.push(err131);
          }
          errors++;
        }
        let data71 = data67.values;
        if (data71 && typeof data71 == 'object' && !Array.isArray(data71)) {
        } else {
          const err132 = {
            instancePath: instancePath + '/observability/thanos/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data71,
          };
          if (vErrors === null) {
            vErrors = [err132];
          } else {
            vErrors.push(err132);
          }
          errors++;
        }
        if (data67.bucket !== undefined) {
          let data72 = data67.bucket;
          if (typeof data72 === 'string') {
            if (func2(data72) < 3) {
              const err133 = {
                instancePath: instancePath + '/observability/thanos/bucket',
                schemaPath: '#/properties/observability/properties/thanos/properties/bucket/minLength',
                keyword: 'minLength',
                params: { limit: 3 },
                message: 'must NOT have fewer than 3 characters',
                schema: 3,
                parentSchema: schema60.properties.observability.properties.thanos.properties.bucket,
                data: data72,
              };
              if (vErrors === null) {
                vErrors = [err133];
              } else {
                vErrors.push(err133);
              }
              errors++;
            }
          } else {
            const err134 = {
              instancePath: instancePath + '/observability/thanos/bucket',
              schemaPath: '#/properties/observability/properties/thanos/properties/bucket/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.thanos.properties.bucket.type,
              parentSchema: schema60.properties.observability.properties.thanos.properties.bucket,
              data: data72,
            };
            if (vErrors === null) {
              vErrors = [err134];
            } else {
              vErrors.push(err134);
            }
            errors++;
          }
        }
        if (data67.chartRepository !== undefined) {
          let data73 = data67.chartRepository;
          if (typeof data73 === 'string') {
            if (!pattern21.test(data73)) {
              const err135 = {
                instancePath: instancePath + '/observability/thanos/chartRepository',
                schemaPath: '#/properties/observability/properties/thanos/properties/chartRepository/pattern',
                keyword: 'pattern',
                params: { pattern: '^(https?|oci)://' },
                message: 'must match pattern "' + '^(https?|oci)://' + '"',
                schema: '^(https?|oci)://',
                parentSchema: schema60.properties.observability.properties.thanos.properties.chartRepository,
                data: data73,
              };
              if (vErrors === null) {
                vErrors = [err135];
              } else {
                vErrors.push(err135);
              }
              errors++;
            }
            if (!formats16(data73)) {
              const err136 = {
                instancePath: instancePath + '/observability/thanos/chartRepository',
                schemaPath: '#/properties/observability/properties/thanos/properties/chartRepository/format',
                keyword: 'format',
                params: { format: 'uri' },
                message: 'must match format "' + 'uri' + '"',
                schema: 'uri',
                parentSchema: schema60.properties.observability.properties.thanos.properties.chartRepository,
                data: data73,
              };
              if (vErrors === null) {
                vErrors = [err136];
              } else {
                vErrors.push(err136);
              }
              errors++;
            }
          } else {
            const err137 = {
              instancePath: instancePath + '/observability/thanos/chartRepository',
              schemaPath: '#/properties/observability/properties/thanos/properties/chartRepository/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.thanos.properties.chartRepository.type,
              parentSchema: schema60.properties.observability.properties.thanos.properties.chartRepository,
              data: data73,
            };
            if (vErrors === null) {
              vErrors = [err137];
            } else {
              vErrors.push(err137);
            }
            errors++;
          }
        }
      } else {
        const err138 = {
          instancePath: instancePath + '/observability/thanos',
          schemaPath: '#/properties/observability/properties/thanos/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.thanos.type,
          parentSchema: schema60.properties.observability.properties.thanos,
          data: data67,
        };
        if (vErrors === null) {
          vErrors = [err138];
        } else {
          vErrors.push(err138);
        }
        errors++;
      }
      let data74 = data50.loki;
      if (data74 && typeof data74 == 'object' && !Array.isArray(data74)) {
        if (data74.enabled === undefined) {
          data74.enabled = false;
        }
        if (data74.version === undefined) {
          data74.version = '18.11.0';
        }
        if (data74.values === undefined) {
          data74.values = {};
        }
        for (const key19 in data74) {
          if (!(
            key19 === 'enabled' ||
            key19 === 'version' ||
            key19 === 'values' ||
            key19 === 'bucket' ||
            key19 === 'chartRepository'
          )) {
            const err139 = {
              instancePath: instancePath + '/observability/loki',
              schemaPath: '#/properties/observability/properties/loki/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key19 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.loki,
              data: data74,
            };
            if (vErrors === null) {
              vErrors = [err139];
            } else {
              vErrors.push(err139);
            }
            errors++;
          }
        }
        let data75 = data74.enabled;
        if (typeof data75 !== 'boolean') {
          const err140 = {
            instancePath: instancePath + '/observability/loki/enabled',
            schemaPath: '#/properties/observability/properties/loki/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.loki.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.loki.properties.enabled,
            data: data75,
          };
          if (vErrors === null) {
            vErrors = [err140];
          } else {
            vErrors.push(err140);
          }
          errors++;
        }
        let data76 = data74.version;
        if (typeof data76 !== 'string') {
          const err141 = {
            instancePath: instancePath + '/observability/loki/version',
            schemaPath: '#/properties/observability/properties/loki/properties/version/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.loki.properties.version.type,
            parentSchema: schema60.properties.observability.properties.loki.properties.version,
            data: data76,
          };
          if (vErrors === null) {
            vErrors = [err141];
          } else {
            vErrors.push(err141);
          }
          errors++;
        }
        let data77 = data74.values;
        if (data77 && typeof data77 == 'object' && !Array.isArray(data77)) {
        } else {
          const err142 = {
            instancePath: instancePath + '/observability/loki/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data77,
          };
          if (vErrors === null) {
            vErrors = [err142];
          } else {
            vErrors.push(err142);
          }
          errors++;
        }
        if (data74.bucket !== undefined) {
          let data78 = data74.bucket;
          if (typeof data78 === 'string') {
            if (func2(data78) < 3) {
              const err143 = {
                instancePath: instancePath + '/observability/loki/bucket',
                schemaPath: '#/properties/observability/properties/loki/properties/bucket/minLength',
                keyword: 'minLength',
                params: { limit: 3 },
                message: 'must NOT have fewer than 3 characters',
                schema: 3,
                parentSchema: schema60.properties.observability.properties.loki.properties.bucket,
                data: data78,
              };
              if (vErrors === null) {
                vErrors = [err143];
              } else {
                vErrors.push(err143);
              }
              errors++;
            }
          } else {
            const err144 = {
              instancePath: instancePath + '/observability/loki/bucket',
              schemaPath: '#/properties/observability/properties/loki/properties/bucket/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.loki.properties.bucket.type,
              parentSchema: schema60.properties.observability.properties.loki.properties.bucket,
              data: data78,
            };
            if (vErrors === null) {
              vErrors = [err144];
            } else {
              vErrors.push(err144);
            }
            errors++;
          }
        }
        if (data74.chartRepository !== undefined) {
          let data79 = data74.chartRepository;
          if (typeof data79 === 'string') {
            if (!pattern21.test(data79)) {
              const err145 = {
                instancePath: instancePath + '/observability/loki/chartRepository',
                schemaPath: '#/properties/observability/properties/loki/properties/chartRepository/pattern',
                keyword: 'pattern',
                params: { pattern: '^(https?|oci)://' },
                message: 'must match pattern "' + '^(https?|oci)://' + '"',
                schema: '^(https?|oci)://',
                parentSchema: schema60.properties.observability.properties.loki.properties.chartRepository,
                data: data79,
              };
              if (vErrors === null) {
                vErrors = [err145];
              } else {
                vErrors.push(err145);
              }
              errors++;
            }
            if (!formats16(data79)) {
              const err146 = {
                instancePath: instancePath + '/observability/loki/chartRepository',
                schemaPath: '#/properties/observability/properties/loki/properties/chartRepository/format',
                keyword: 'format',
                params: { format: 'uri' },
                message: 'must match format "' + 'uri' + '"',
                schema: 'uri',
                parentSchema: schema60.properties.observability.properties.loki.properties.chartRepository,
                data: data79,
              };
              if (vErrors === null) {
                vErrors = [err146];
              } else {
                vErrors.push(err146);
              }
              errors++;
            }
          } else {
            const err147 = {
              instancePath: instancePath + '/observability/loki/chartRepository',
              schemaPath: '#/properties/observability/properties/loki/properties/chartRepository/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.loki.properties.chartRepository.type,
              parentSchema: schema60.properties.observability.properties.loki.properties.chartRepository,
              data: data79,
            };
            if (vErrors === null) {
              vErrors = [err147];
            } else {
              vErrors.push(err147);
            }
            errors++;
          }
        }
      } else {
        const err148 = {
          instancePath: instancePath + '/observability/loki',
          schemaPath: '#/properties/observability/properties/loki/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.loki.type,
          parentSchema: schema60.properties.observability.properties.loki,
          data: data74,
        };
        if (vErrors === null) {
          vErrors = [err148];
        } else {
          vErrors.push(err148);
        }
        errors++;
      }
      let data80 = data50.logs;
      if (data80 && typeof data80 == 'object' && !Array.isArray(data80)) {
        if (data80.enabled === undefined) {
          data80.enabled = false;
        }
        if (data80.version === undefined) {
          data80.version = '1.11.1';
        }
        if (data80.values === undefined) {
          data80.values = {};
        }
        for (const key20 in data80) {
          if (!(
            key20 === 'enabled' ||
            key20 === 'version' ||
            key20 === 'values' ||
            key20 === 'chartRepository'
          )) {
            const err149 = {
              instancePath: instancePath + '/observability/logs',
              schemaPath: '#/properties/observability/properties/logs/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key20 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.logs,
              data: data80,
            };
            if (vErrors === null) {
              vErrors = [err149];
            } else {
              vErrors.push(err149);
            }
            errors++;
          }
        }
        let data81 = data80.enabled;
        if (typeof data81 !== 'boolean') {
          const err150 = {
            instancePath: instancePath + '/observability/logs/enabled',
            schemaPath: '#/properties/observability/properties/logs/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.logs.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.logs.properties.enabled,
            data: data81,
          };
          if (vErrors === null) {
            vErrors = [err150];
          } else {
            vErrors.push(err150);
          }
          errors++;
        }
        let data82 = data80.version;
        if (typeof data82 !== 'string') {
          const err151 = {
            instancePath: instancePath + '/observability/logs/version',
            schemaPath: '#/properties/observability/properties/logs/properties/version/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.logs.properties.version.type,
            parentSchema: schema60.properties.observability.properties.logs.properties.version,
            data: data82,
          };
          if (vErrors === null) {
            vErrors = [err151];
          } else {
            vErrors.push(err151);
          }
          errors++;
        }
        let data83 = data80.values;
        if (data83 && typeof data83 == 'object' && !Array.isArray(data83)) {
        } else {
          const err152 = {
            instancePath: instancePath + '/observability/logs/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data83,
          };
          if (vErrors === null) {
            vErrors = [err152];
          } else {
            vErrors.push(err152);
          }
          errors++;
        }
        if (data80.chartRepository !== undefined) {
          let data84 = data80.chartRepository;
          if (typeof data84 === 'string') {
            if (!pattern21.test(data84)) {
              const err153 = {
                instancePath: instancePath + '/observability/logs/chartRepository',
                schemaPath: '#/properties/observability/properties/logs/properties/chartRepository/pattern',
                keyword: 'pattern',
                params: { pattern: '^(https?|oci)://' },
                message: 'must match pattern "' + '^(https?|oci)://' + '"',
                schema: '^(https?|oci)://',
                parentSchema: schema60.properties.observability.properties.logs.properties.chartRepository,
                data: data84,
              };
              if (vErrors === null) {
                vErrors = [err153];
              } else {
                vErrors.push(err153);
              }
              errors++;
            }
            if (!formats16(data84)) {
              const err154 = {
                instancePath: instancePath + '/observability/logs/chartRepository',
                schemaPath: '#/properties/observability/properties/logs/properties/chartRepository/format',
                keyword: 'format',
                params: { format: 'uri' },
                message: 'must match format "' + 'uri' + '"',
                schema: 'uri',
                parentSchema: schema60.properties.observability.properties.logs.properties.chartRepository,
                data: data84,
              };
              if (vErrors === null) {
                vErrors = [err154];
              } else {
                vErrors.push(err154);
              }
              errors++;
            }
          } else {
            const err155 = {
              instancePath: instancePath + '/observability/logs/chartRepository',
              schemaPath: '#/properties/observability/properties/logs/properties/chartRepository/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.logs.properties.chartRepository.type,
              parentSchema: schema60.properties.observability.properties.logs.properties.chartRepository,
              data: data84,
            };
            if (vErrors === null) {
              vErrors = [err155];
            } else {
              vErrors.push(err155);
            }
            errors++;
          }
        }
      } else {
        const err156 = {
          instancePath: instancePath + '/observability/logs',
          schemaPath: '#/properties/observability/properties/logs/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.logs.type,
          parentSchema: schema60.properties.observability.properties.logs,
          data: data80,
        };
        if (vErrors === null) {
          vErrors = [err156];
        } else {
          vErrors.push(err156);
        }
        errors++;
      }
      let data85 = data50.tempo;
      if (data85 && typeof data85 == 'object' && !Array.isArray(data85)) {
        if (data85.enabled === undefined) {
          data85.enabled = false;
        }
        if (data85.version === undefined) {
          data85.version = '2.2.4';
        }
        if (data85.values === undefined) {
          data85.values = {};
        }
        for (const key21 in data85) {
          if (!(
            key21 === 'enabled' ||
            key21 === 'version' ||
            key21 === 'values' ||
            key21 === 'bucket' ||
            key21 === 'chartRepository'
          )) {
            const err157 = {
              instancePath: instancePath + '/observability/tempo',
              schemaPath: '#/properties/observability/properties/tempo/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key21 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema60.properties.observability.properties.tempo,
              data: data85,
            };
            if (vErrors === null) {
              vErrors = [err157];
            } else {
              vErrors.push(err157);
            }
            errors++;
          }
        }
        let data86 = data85.enabled;
        if (typeof data86 !== 'boolean') {
          const err158 = {
            instancePath: instancePath + '/observability/tempo/enabled',
            schemaPath: '#/properties/observability/properties/tempo/properties/enabled/type',
            keyword: 'type',
            params: { type: 'boolean' },
            message: 'must be boolean',
            schema: schema60.properties.observability.properties.tempo.properties.enabled.type,
            parentSchema: schema60.properties.observability.properties.tempo.properties.enabled,
            data: data86,
          };
          if (vErrors === null) {
            vErrors = [err158];
          } else {
            vErrors.push(err158);
          }
          errors++;
        }
        let data87 = data85.version;
        if (typeof data87 !== 'string') {
          const err159 = {
            instancePath: instancePath + '/observability/tempo/version',
            schemaPath: '#/properties/observability/properties/tempo/properties/version/type',
            keyword: 'type',
            params: { type: 'string' },
            message: 'must be string',
            schema: schema60.properties.observability.properties.tempo.properties.version.type,
            parentSchema: schema60.properties.observability.properties.tempo.properties.version,
            data: data87,
          };
          if (vErrors === null) {
            vErrors = [err159];
          } else {
            vErrors.push(err159);
          }
          errors++;
        }
        let data88 = data85.values;
        if (data88 && typeof data88 == 'object' && !Array.isArray(data88)) {
        } else {
          const err160 = {
            instancePath: instancePath + '/observability/tempo/values',
            schemaPath: '#/$defs/values/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema61.type,
            parentSchema: schema61,
            data: data88,
          };
          if (vErrors === null) {
            vErrors = [err160];
          } else {
            vErrors.push(err160);
          }
          errors++;
        }
        if (data85.bucket !== undefined) {
          let data89 = data85.bucket;
          if (typeof data89 === 'string') {
            if (func2(data89) < 3) {
              const err161 = {
                instancePath: instancePath + '/observability/tempo/bucket',
                schemaPath: '#/properties/observability/properties/tempo/properties/bucket/minLength',
                keyword: 'minLength',
                params: { limit: 3 },
                message: 'must NOT have fewer than 3 characters',
                schema: 3,
                parentSchema: schema60.properties.observability.properties.tempo.properties.bucket,
                data: data89,
              };
              if (vErrors === null) {
                vErrors = [err161];
              } else {
                vErrors.push(err161);
              }
              errors++;
            }
          } else {
            const err162 = {
              instancePath: instancePath + '/observability/tempo/bucket',
              schemaPath: '#/properties/observability/properties/tempo/properties/bucket/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.tempo.properties.bucket.type,
              parentSchema: schema60.properties.observability.properties.tempo.properties.bucket,
              data: data89,
            };
            if (vErrors === null) {
              vErrors = [err162];
            } else {
              vErrors.push(err162);
            }
            errors++;
          }
        }
        if (data85.chartRepository !== undefined) {
          let data90 = data85.chartRepository;
          if (typeof data90 === 'string') {
            if (!pattern21.test(data90)) {
              const err163 = {
                instancePath: instancePath + '/observability/tempo/chartRepository',
                schemaPath: '#/properties/observability/properties/tempo/properties/chartRepository/pattern',
                keyword: 'pattern',
                params: { pattern: '^(https?|oci)://' },
                message: 'must match pattern "' + '^(https?|oci)://' + '"',
                schema: '^(https?|oci)://',
                parentSchema: schema60.properties.observability.properties.tempo.properties.chartRepository,
                data: data90,
              };
              if (vErrors === null) {
                vErrors = [err163];
              } else {
                vErrors.push(err163);
              }
              errors++;
            }
            if (!formats16(data90)) {
              const err164 = {
                instancePath: instancePath + '/observability/tempo/chartRepository',
                schemaPath: '#/properties/observability/properties/tempo/properties/chartRepository/format',
                keyword: 'format',
                params: { format: 'uri' },
                message: 'must match format "' + 'uri' + '"',
                schema: 'uri',
                parentSchema: schema60.properties.observability.properties.tempo.properties.chartRepository,
                data: data90,
              };
              if (vErrors === null) {
                vErrors = [err164];
              } else {
                vErrors.push(err164);
              }
              errors++;
            }
          } else {
            const err165 = {
              instancePath: instancePath + '/observability/tempo/chartRepository',
              schemaPath: '#/properties/observability/properties/tempo/properties/chartRepository/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema60.properties.observability.properties.tempo.properties.chartRepository.type,
              parentSchema: schema60.properties.observability.properties.tempo.properties.chartRepository,
              data: data90,
            };
            if (vErrors === null) {
              vErrors = [err165];
            } else {
              vErrors.push(err165);
            }
            errors++;
          }
        }
      } else {
        const err166 = {
          instancePath: instancePath + '/observability/tempo',
          schemaPath: '#/properties/observability/properties/tempo/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema60.properties.observability.properties.tempo.type,
          parentSchema: schema60.properties.observability.properties.tempo,
          data: data85,
        };
        if (vErrors === null) {
          vErrors = [err166];
        } else {
          vErrors.push(err166);
        }
        errors++;
      }
    } else {
      const err167 = {
        instancePath: instancePath + '/observability',
        schemaPath: '#/properties/observability/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
        schema: schema60.properties.observability.type,
        parentSchema: schema60.properties.observability,
        data: data50,
      };
      if (vErrors === null) {
        vErrors = [err167];
      } else {
        vErrors.push(err167);
      }
      errors++;
    }
  } else {
    const err168 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema60.type,
      parentSchema: schema60,
      data,
    };
    if (vErrors === null) {
      vErrors = [err168];
    } else {
      vErrors.push(err168);
    }
    errors++;
  }
  validate42.errors = vErrors;
  return errors === 0;
}
validate42.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate24(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  /*# sourceURL="https://rigger.dev/schemas/inventory.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.ssh === undefined) {
      data.ssh = {};
    }
    if (data.addons === undefined) {
      data.addons = {};
    }
    if (data.cluster === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'cluster' },
        message: "must have required property '" + 'cluster' + "'",
        schema: schema36.required,
        parentSchema: schema36,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.hosts === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'hosts' },
        message: "must have required property '" + 'hosts' + "'",
        schema: schema36.required,
        parentSchema: schema36,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'cluster' || key0 === 'ssh' || key0 === 'hosts' || key0 === 'addons')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema36,
          data,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.cluster !== undefined) {
      if (
        !validate25(data.cluster, {
          instancePath: instancePath + '/cluster',
          parentData: data,
          parentDataProperty: 'cluster',
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
        errors = vErrors.length;
      }
    }
    if (
      !validate33(data.ssh, {
        instancePath: instancePath + '/ssh',
        parentData: data,
        parentDataProperty: 'ssh',
        rootData,
        dynamicAnchors,
      })
    ) {
      vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
      errors = vErrors.length;
    }
    if (data.hosts !== undefined) {
      let data2 = data.hosts;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err3 = {
            instancePath: instancePath + '/hosts',
            schemaPath: '#/properties/hosts/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema36.properties.hosts,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate37(data2[i0], {
              instancePath: instancePath + '/hosts/' + i0,
              parentData: data2,
              parentDataProperty: i0,
              rootData,
              dynamicAnchors,
            })
          ) {
            vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/hosts',
          schemaPath: '#/properties/hosts/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema36.properties.hosts.type,
          parentSchema: schema36.properties.hosts,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (
      !validate42(data.addons, {
        instancePath: instancePath + '/addons',
        parentData: data,
        parentDataProperty: 'addons',
        rootData,
        dynamicAnchors,
      })
    ) {
      vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
      errors = vErrors.length;
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema36.type,
      parentSchema: schema36,
      data,
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema80 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rigger.dev/schemas/playbook.schema.json',
  title: 'rigger playbook',
  description:
    'An ordered list of phases; each runs its tasks on the hosts it selects. Phases are barriers: a phase starts when the previous one has finished on every host.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'phases'],
  properties: {
    name: { description: 'Playbook name.', type: 'string', minLength: 1 },
    description: { description: 'What the playbook does.', type: 'string' },
    phases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'tasks'],
        properties: {
          name: {
            description: 'Phase name, used by --only and --skip.',
            type: 'string',
            pattern: '^[a-z0-9][-a-z0-9]*$',
          },
          description: { type: 'string' },
          target: {
            description:
              "`hosts`: tasks run on the selected hosts over SSH. `cluster`: tasks run once against the cluster's API (add-ons), after the host phases before them.",
            enum: ['hosts', 'cluster'],
            default: 'hosts',
          },
          hosts: {
            description:
              'Which hosts the phase runs on: every condition given must hold. No selector: all hosts.',
            type: 'object',
            additionalProperties: false,
            default: {},
            properties: {
              roles: {
                description: 'Hosts with any of these roles.',
                type: 'array',
                minItems: 1,
                items: { enum: ['control-plane', 'worker', 'storage'] },
              },
              os: {
                description: 'Hosts with one of these operating systems.',
                type: 'array',
                minItems: 1,
                items: { enum: ['ubuntu', 'flatcar'] },
              },
              names: {
                description: 'Hosts with these names.',
                type: 'array',
                minItems: 1,
                items: { type: 'string' },
              },
            },
          },
          strategy: {
            description:
              "`parallel`: hosts at once, up to the run's limit. `serial`: one host at a time, in inventory order. `N` or `N%`: batches of N hosts, or N% of them, one batch after another (a rolling change: no batch starts after a host failed).",
            type: 'string',
            pattern: '^(parallel|serial|[1-9][0-9]*|([1-9]|[1-9][0-9]|100)%)$',
            errorMessage: {
              pattern: 'must be parallel, serial, a number of hosts per batch (2) or a share of them (25%)',
            },
            default: 'parallel',
          },
          tasks: {
            description: 'Task names, run in order on each host (or, for a cluster phase, once, in order).',
            type: 'array',
            minItems: 1,
            items: { type: 'string' },
          },
        },
      },
    },
  },
};
const pattern39 = new RegExp('^[a-z0-9][-a-z0-9]*$', 'u');
const pattern40 = new RegExp('^(parallel|serial|[1-9][0-9]*|([1-9]|[1-9][0-9]|100)%)$', 'u');
function validate48(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  /*# sourceURL="https://rigger.dev/schemas/playbook.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate48.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
        schema: schema80.required,
        parentSchema: schema80,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.phases === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'phases' },
        message: "must have required property '" + 'phases' + "'",
        schema: schema80.required,
        parentSchema: schema80,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'name' || key0 === 'description' || key0 === 'phases')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema80,
          data,
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === 'string') {
        if (func2(data0) < 1) {
          const err3 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/properties/name/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
            schema: 1,
            parentSchema: schema80.properties.name,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema80.properties.name.type,
          parentSchema: schema80.properties.name,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      let data1 = data.description;
      if (typeof data1 !== 'string') {
        const err5 = {
          instancePath: instancePath + '/description',
          schemaPath: '#/properties/description/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
          schema: schema80.properties.description.type,
          parentSchema: schema80.properties.description,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.phases !== undefined) {
      let data2 = data.phases;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err6 = {
            instancePath: instancePath + '/phases',
            schemaPath: '#/properties/phases/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
            schema: 1,
            parentSchema: schema80.properties.phases,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
            if (data3.target === undefined) {
              data3.target = 'hosts';
            }
            if (data3.hosts === undefined) {
              data3.hosts = {};
            }
            if (data3.strategy === undefined) {
              data3.strategy = 'parallel';
            }
            if (data3.name === undefined) {
              const err7 = {
                instancePath: instancePath + '/phases/' + i0,
                schemaPath: '#/properties/phases/items/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema80.properties.phases.items.required,
                parentSchema: schema80.properties.phases.items,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (data3.tasks === undefined) {
              const err8 = {
                instancePath: instancePath + '/phases/' + i0,
                schemaPath: '#/properties/phases/items/required',
                keyword: 'required',
                params: { missingProperty: 'tasks' },
                message: "must have required property '" + 'tasks' + "'",
                schema: schema80.properties.phases.items.required,
                parentSchema: schema80.properties.phases.items,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            for (const key1 in data3) {
              if (!(
                key1 === 'name' ||
                key1 === 'description' ||
                key1 === 'target' ||
                key1 === 'hosts' ||
                key1 === 'strategy' ||
                key1 === 'tasks'
              )) {
                const err9 = {
                  instancePath: instancePath + '/phases/' + i0,
                  schemaPath: '#/properties/phases/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key1 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema80.properties.phases.items,
                  data: data3,
                };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data3.name !== undefined) {
              let data4 = data3.name;
              if (typeof data4 === 'string') {
                if (!pattern39.test(data4)) {
                  const err10 = {
                    instancePath: instancePath + '/phases/' + i0 + '/name',
                    schemaPath: '#/properties/phases/items/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[a-z0-9][-a-z0-9]*$' },
                    message: 'must match pattern "' + '^[a-z0-9][-a-z0-9]*$' + '"',
                    schema: '^[a-z0-9][-a-z0-9]*$',
                    parentSchema: schema80.properties.phases.items.properties.name,
                    data: data4,
                  };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = {
                  instancePath: instancePath + '/phases/' + i0 + '/name',
                  schemaPath: '#/properties/phases/items/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema80.properties.phases.items.properties.name.type,
                  parentSchema: schema80.properties.phases.items.properties.name,
                  data: data4,
                };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
            if (data3.description !== undefined) {
              let data5 = data3.description;
              if (typeof data5 !== 'string') {
                const err12 = {
                  instancePath: instancePath + '/phases/' + i0 + '/description',
                  schemaPath: '#/properties/phases/items/properties/description/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema80.properties.phases.items.properties.description.type,
                  parentSchema: schema80.properties.phases.items.properties.description,
                  data: data5,
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            let data6 = data3.target;
            if (!(data6 === 'hosts' || data6 === 'cluster')) {
              const err13 = {
                instancePath: instancePath + '/phases/' + i0 + '/target',
                schemaPath: '#/properties/phases/items/properties/target/enum',
                keyword: 'enum',
                params: { allowedValues: schema80.properties.phases.items.properties.target.enum },
                message: 'must be equal to one of the allowed values',
                schema: schema80.properties.phases.items.properties.target.enum,
                parentSchema: schema80.properties.phases.items.properties.target,
                data: data6,
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            let data7 = data3.hosts;
            if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
              for (const key2 in data7) {
                if (!(key2 === 'roles' || key2 === 'os' || key2 === 'names')) {
                  const err14 = {
                    instancePath: instancePath + '/phases/' + i0 + '/hosts',
                    schemaPath: '#/properties/phases/items/properties/hosts/additionalProperties',
                    keyword: 'additionalProperties',
                    params: { additionalProperty: key2 },
                    message: 'must NOT have additional properties',
                    schema: false,
                    parentSchema: schema80.properties.phases.items.properties.hosts,
                    data: data7,
                  };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              }
              if (data7.roles !== undefined) {
                let data8 = data7.roles;
                if (Array.isArray(data8)) {
                  if (data8.length < 1) {
                    const err15 = {
                      instancePath: instancePath + '/phases/' + i0 + '/hosts/roles',
                      schemaPath: '#/properties/phases/items/properties/hosts/properties/roles/minItems',
                      keyword: 'minItems',
                      params: { limit: 1 },
                      message: 'must NOT have fewer than 1 items',
                      schema: 1,
                      parentSchema: schema80.properties.phases.items.properties.hosts.properties.roles,
                      data: data8,
                    };
                    if (vErrors === null) {
                      vErrors = [err15];
                    } else {
                      vErrors.push(err15);
                    }
                    errors++;
                  }
                  const len1 = data8.length;
                  for (let i1 = 0; i1 < len1; i1++) {
                    let data9 = data8[i1];
                    if (!(data9 === 'control-plane' || data9 === 'worker' || data9 === 'storage')) {
                      const err16 = {
                        instancePath: instancePath + '/phases/' + i0 + '/hosts/roles/' + i1,
                        schemaPath: '#/properties/phases/items/properties/hosts/properties/roles/items/enum',
                        keyword: 'enum',
                        params: {
                          allowedValues:
                            schema80.properties.phases.items.properties.hosts.properties.roles.items.enum,
                        },
                        message: 'must be equal to one of the allowed values',
                        schema: schema80.properties.phases.items.properties.hosts.properties.roles.items.enum,
                        parentSchema:
                          schema80.properties.phases.items.properties.hosts.properties.roles.items,
                        data: data9,
                      };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err17 = {
                    instancePath: instancePath + '/phases/' + i0 + '/hosts/roles',
                    schemaPath: '#/properties/phases/items/properties/hosts/properties/roles/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema80.properties.phases.items.properties.hosts.properties.roles.type,
                    parentSchema: schema80.properties.phases.items.properties.hosts.properties.roles,
                    data: data8,
                  };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              }
              if (data7.os !== undefined) {
                let data10 = data7.os;
                if (Array.isArray(data10)) {
                  if (data10.length < 1) {
                    const err18 = {
                      instancePath: instancePath + '/phases/' + i0 + '/hosts/os',
                      schemaPath: '#/properties/phases/items/properties/hosts/properties/os/minItems',
                      keyword: 'minItems',
                      params: { limit: 1 },
                      message: 'must NOT have fewer than 1 items',
                      schema: 1,
                      parentSchema: schema80.properties.phases.items.properties.hosts.properties.os,
                      data: data10,
                    };
                    if (vErrors === null) {
                      vErrors = [err18];
                    } else {
                      vErrors.push(err18);
                    }
                    errors++;
                  }
                  const len2 = data10.length;
                  for (let i2 = 0; i2 < len2; i2++) {
                    let data11 = data10[i2];
                    if (!(data11 === 'ubuntu' || data11 === 'flatcar')) {
                      const err19 = {
                        instancePath: instancePath + '/phases/' + i0 + '/hosts/os/' + i2,
                        schemaPath: '#/properties/phases/items/properties/hosts/properties/os/items/enum',
                        keyword: 'enum',
                        params: {
                          allowedValues:
                            schema80.properties.phases.items.properties.hosts.properties.os.items.enum,
                        },
                        message: 'must be equal to one of the allowed values',
                        schema: schema80.properties.phases.items.properties.hosts.properties.os.items.enum,
                        parentSchema: schema80.properties.phases.items.properties.hosts.properties.os.items,
                        data: data11,
                      };
                      if (vErrors === null) {
                        vErrors = [err19];
                      } else {
                        vErrors.push(err19);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err20 = {
                    instancePath: instancePath + '/phases/' + i0 + '/hosts/os',
                    schemaPath: '#/properties/phases/items/properties/hosts/properties/os/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema80.properties.phases.items.properties.hosts.properties.os.type,
                    parentSchema: schema80.properties.phases.items.properties.hosts.properties.os,
                    data: data10,
                  };
                  if (vErrors === null) {
                    vErrors = [err20];
                  } else {
                    vErrors.push(err20);
                  }
                  errors++;
                }
              }
              if (data7.names !== undefined) {
                let data12 = data7.names;
                if (Array.isArray(data12)) {
                  if (data12.length < 1) {
                    const err21 = {
                      instancePath: instancePath + '/phases/' + i0 + '/hosts/names',
                      schemaPath: '#/properties/phases/items/properties/hosts/properties/names/minItems',
                      keyword: 'minItems',
                      params: { limit: 1 },
                      message: 'must NOT have fewer than 1 items',
                      schema: 1,
                      parentSchema: schema80.properties.phases.items.properties.hosts.properties.names,
                      data: data12,
                    };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                  const len3 = data12.length;
                  for (let i3 = 0; i3 < len3; i3++) {
                    let data13 = data12[i3];
                    if (typeof data13 !== 'string') {
                      const err22 = {
                        instancePath: instancePath + '/phases/' + i0 + '/hosts/names/' + i3,
                        schemaPath: '#/properties/phases/items/properties/hosts/properties/names/items/type',
                        keyword: 'type',
                        params: { type: 'string' },
                        message: 'must be string',
                        schema: schema80.properties.phases.items.properties.hosts.properties.names.items.type,
                        parentSchema:
                          schema80.properties.phases.items.properties.hosts.properties.names.items,
                        data: data13,
                      };
                      if (vErrors === null) {
                        vErrors = [err22];
                      } else {
                        vErrors.push(err22);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err23 = {
                    instancePath: instancePath + '/phases/' + i0 + '/hosts/names',
                    schemaPath: '#/properties/phases/items/properties/hosts/properties/names/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema80.properties.phases.items.properties.hosts.properties.names.type,
                    parentSchema: schema80.properties.phases.items.properties.hosts.properties.names,
                    data: data12,
                  };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              }
            } else {
              const err24 = {
                instancePath: instancePath + '/phases/' + i0 + '/hosts',
                schemaPath: '#/properties/phases/items/properties/hosts/type',
                keyword: 'type',
                params: { type: 'object' },
                message: 'must be object',
                schema: schema80.properties.phases.items.properties.hosts.type,
                parentSchema: schema80.properties.phases.items.properties.hosts,
                data: data7,
              };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            let data14 = data3.strategy;
            if (typeof data14 === 'string') {
              if (!pattern40.test(data14)) {
                const err25 = {
                  instancePath: instancePath + '/phases/' + i0 + '/strategy',
                  schemaPath: '#/properties/phases/items/properties/strategy/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^(parallel|serial|[1-9][0-9]*|([1-9]|[1-9][0-9]|100)%)$' },
                  message:
                    'must match pattern "' + '^(parallel|serial|[1-9][0-9]*|([1-9]|[1-9][0-9]|100)%)$' + '"',
                  schema: '^(parallel|serial|[1-9][0-9]*|([1-9]|[1-9][0-9]|100)%)$',
                  parentSchema: schema80.properties.phases.items.properties.strategy,
                  data: data14,
                };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            } else {
              const err26 = {
                instancePath: instancePath + '/phases/' + i0 + '/strategy',
                schemaPath: '#/properties/phases/items/properties/strategy/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
                schema: schema80.properties.phases.items.properties.strategy.type,
                parentSchema: schema80.properties.phases.items.properties.strategy,
                data: data14,
              };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
            if (errors > 0) {
              const emErrors0 = { pattern: [] };
              const templates0 = {};
              for (const err27 of vErrors) {
                if (
                  err27.keyword !== 'errorMessage' &&
                  !err27.emUsed &&
                  err27.instancePath === instancePath + '/phases/' + i0 + '/strategy' &&
                  err27.keyword in emErrors0 &&
                  err27.schemaPath.indexOf('#/properties/phases/items/properties/strategy') === 0 &&
                  /^\/[^\/]*$/.test(err27.schemaPath.slice(45))
                ) {
                  emErrors0[err27.keyword].push(err27);
                  err27.emUsed = true;
                }
              }
              for (const key3 in emErrors0) {
                if (emErrors0[key3].length) {
                  const err28 = {
                    instancePath: instancePath + '/phases/' + i0 + '/strategy',
                    schemaPath: '#/properties/phases/items/properties/strategy/errorMessage',
                    keyword: 'errorMessage',
                    params: { errors: emErrors0[key3] },
                    message:
                      key3 in templates0
                        ? templates0[key3]()
                        : schema80.properties.phases.items.properties.strategy.errorMessage[key3],
                    schema: schema80.properties.phases.items.properties.strategy.errorMessage,
                    parentSchema: schema80.properties.phases.items.properties.strategy,
                    data: data14,
                  };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              }
              const emErrs0 = [];
              for (const err29 of vErrors) {
                if (!err29.emUsed) {
                  emErrs0.push(err29);
                }
              }
              vErrors = emErrs0;
              errors = emErrs0.length;
            }
            if (data3.tasks !== undefined) {
              let data15 = data3.tasks;
              if (Array.isArray(data15)) {
                if (data15.length < 1) {
                  const err30 = {
                    instancePath: instancePath + '/phases/' + i0 + '/tasks',
                    schemaPath: '#/properties/phases/items/properties/tasks/minItems',
                    keyword: 'minItems',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 items',
                    schema: 1,
                    parentSchema: schema80.properties.phases.items.properties.tasks,
                    data: data15,
                  };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
                const len4 = data15.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data16 = data15[i4];
                  if (typeof data16 !== 'string') {
                    const err31 = {
                      instancePath: instancePath + '/phases/' + i0 + '/tasks/' + i4,
                      schemaPath: '#/properties/phases/items/properties/tasks/items/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema: schema80.properties.phases.items.properties.tasks.items.type,
                      parentSchema: schema80.properties.phases.items.properties.tasks.items,
                      data: data16,
                    };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
              } else {
                const err32 = {
                  instancePath: instancePath + '/phases/' + i0 + '/tasks',
                  schemaPath: '#/properties/phases/items/properties/tasks/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema80.properties.phases.items.properties.tasks.type,
                  parentSchema: schema80.properties.phases.items.properties.tasks,
                  data: data15,
                };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
          } else {
            const err33 = {
              instancePath: instancePath + '/phases/' + i0,
              schemaPath: '#/properties/phases/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema80.properties.phases.items.type,
              parentSchema: schema80.properties.phases.items,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
      } else {
        const err34 = {
          instancePath: instancePath + '/phases',
          schemaPath: '#/properties/phases/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema80.properties.phases.type,
          parentSchema: schema80.properties.phases,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
  } else {
    const err35 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema80.type,
      parentSchema: schema80,
      data,
    };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate48.errors = vErrors;
  return errors === 0;
}
validate48.evaluated = { props: true, dynamicProps: false, dynamicItems: false };

/** Each validator, by the `schemaHash` of the schema it was compiled from. */
export const AHEAD: Readonly<Record<string, ValidateFunction>> = {
  // inventory
  cd5d2f8dc48258bd75cb5bdb75929e5d003b85c7c6af5affe7a70cfcf407f3fc: validate24,
  // playbook
  eedb484cf08cc4f0ca4b20aedef93f8c97c2d7e5465ac28fe3856e339b8e6703: validate48,
};
