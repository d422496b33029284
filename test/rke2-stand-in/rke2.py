#!/usr/bin/env python3
# =====================================================================================================
#  rke2 -- STAND-IN for the RKE2 binary, for rigger's lab only. This is NOT Rancher's RKE2.
#
#  Real RKE2 cannot be downloaded where rigger is developed, so this program plays its part with
#  real parts: Debian's etcd and a real kube-apiserver (shipped in rke2-images.linux-amd64.tar.gz),
#  real TLS made with the openssl CLI, real etcd membership, and a supervisor on 9345 that speaks
#  the same kind of protocol RKE2's does (/ping, /cacerts, token-checked bootstrap endpoints).
#  There is no containerd, kubelet, CNI or scheduler: Nodes are registered and kept Ready by this
#  process. See test/rke2-stand-in/README.md in the rigger repository for what is real and what is
#  simplified. Python 3.11 standard library only.
# =====================================================================================================
from __future__ import annotations

import base64
import datetime as dt
import errno
import glob
import hashlib
import ipaddress
import json
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, NoReturn

try:  # python3-yaml, for the manifests dir; the stand-in's own manifests are JSON (valid YAML)
    import yaml
except ImportError:  # pragma: no cover - hosts without python3-yaml
    yaml = None  # type: ignore[assignment]

# Replaced by test/rke2-stand-in/build.sh.
VERSION = "@VERSION@"
if VERSION.startswith("@"):
    VERSION = "v0.0.0+rke2-stand-in-dev"

DEFAULT_DATA_DIR = "/var/lib/rancher/rke2"
CONFIG_FILE = "/etc/rancher/rke2/config.yaml"
KUBECONFIG_FILE = "/etc/rancher/rke2/rke2.yaml"
NODE_PASSWORD_FILE = "/etc/rancher/node/password"
RUN_DIR = "/run/rke2-stand-in"
IMAGES_NAME = "rke2-images.linux-amd64.tar.gz"
SUPERVISOR_PORT = 9345
API_PORT = 6443
HEARTBEAT_SECONDS = 10
CONTROLLER_SECONDS = 5
# The node lifecycle controller's default: a Node whose heartbeat is older than this is Unknown.
NODE_MONITOR_GRACE = 40
RETRY_SECONDS = 5

# The cluster-wide values every server must share (RKE2 refuses a join on a mismatch).
CRITICAL_KEYS = [
    "agent-token",
    "cluster-cidr",
    "cluster-dns",
    "cluster-domain",
    "disable-cloud-controller",
    "disable-kube-proxy",
    "egress-selector-mode",
    "service-cidr",
]

# Keys the stand-in understands or knowingly ignores; anything else gets RKE2's warning.
KNOWN_KEYS = set(CRITICAL_KEYS) | {
    "token", "token-file", "server", "node-name", "node-ip", "node-external-ip", "node-label",
    "node-taint", "tls-san", "cni", "ingress-controller", "disable", "etcd-snapshot-schedule-cron",
    "etcd-snapshot-retention", "etcd-snapshot-dir", "etcd-expose-metrics", "write-kubeconfig-mode",
    "write-kubeconfig", "data-dir", "debug", "profile", "selinux", "kube-apiserver-arg",
    "kube-controller-manager-arg", "kube-scheduler-arg", "kubelet-arg", "kube-proxy-arg", "etcd-arg",
    "system-default-registry", "protect-kernel-defaults", "advertise-address", "bind-address",
    "disable-scheduler", "disable-etcd", "disable-apiserver", "disable-controller-manager",
    "with-node-id", "agent-token-file", "etcd-disable-snapshots", "cloud-provider-name",
}


# ---------------------------------------------------------------------------------------------------
# Logging: logrus' text format on stderr (journald), as RKE2 logs.
# ---------------------------------------------------------------------------------------------------
_log_lock = threading.Lock()


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def log(level: str, msg: str) -> None:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with _log_lock:
        sys.stderr.write(f'time="{now}" level={level} msg={_quote(msg)}\n')
        sys.stderr.flush()


def info(msg: str) -> None:
    log("info", msg)


def warn(msg: str) -> None:
    log("warning", msg)


def error(msg: str) -> None:
    log("error", msg)


def fatal(msg: str) -> NoReturn:
    log("fatal", msg)
    # os._exit: also from a thread, and without waiting for the other threads.
    os._exit(1)


# ---------------------------------------------------------------------------------------------------
# Config: /etc/rancher/rke2/config.yaml then config.yaml.d/*.yaml; a small parser for the YAML subset
# rigger writes (top-level map of scalars and block lists of scalars).
# ---------------------------------------------------------------------------------------------------
class ConfigSyntaxError(Exception):
    pass


Scalar = str | bool | int | None
Value = Scalar | list[Scalar]


def _strip_comment(rest: str) -> str:
    """Removes a trailing ` # comment` from a plain scalar."""
    m = re.search(r"(^|\s)#", rest)
    return rest[: m.start()].rstrip() if m else rest.rstrip()


def _parse_scalar(text: str, where: str) -> Scalar:
    text = text.strip()
    if text == "":
        return None
    if text[0] == '"':
        i, out = 1, []
        while i < len(text):
            c = text[i]
            if c == "\\":
                if i + 1 >= len(text):
                    break
                nxt = text[i + 1]
                simple = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "/": "/", "0": "\0", " ": " "}
                if nxt in simple:
                    out.append(simple[nxt])
                    i += 2
                elif nxt in "xuU":
                    width = {"x": 2, "u": 4, "U": 8}[nxt]
                    out.append(chr(int(text[i + 2 : i + 2 + width], 16)))
                    i += 2 + width
                else:
                    raise ConfigSyntaxError(f"{where}: unsupported escape \\{nxt}")
                continue
            if c == '"':
                if _strip_comment(text[i + 1 :]) != "":
                    raise ConfigSyntaxError(f"{where}: text after a quoted string")
                return "".join(out)
            out.append(c)
            i += 1
        raise ConfigSyntaxError(f"{where}: unterminated double-quoted string")
    if text[0] == "'":
        i, out = 1, []
        while i < len(text):
            if text[i] == "'":
                if i + 1 < len(text) and text[i + 1] == "'":
                    out.append("'")
                    i += 2
                    continue
                if _strip_comment(text[i + 1 :]) != "":
                    raise ConfigSyntaxError(f"{where}: text after a quoted string")
                return "".join(out)
            out.append(text[i])
            i += 1
        raise ConfigSyntaxError(f"{where}: unterminated single-quoted string")
    plain = _strip_comment(text)
    if plain == "" or plain in ("~", "null", "Null", "NULL"):
        return None
    if plain[0] in "&*!|>{%@`":
        raise ConfigSyntaxError(f"{where}: unsupported YAML ({plain[0]!r}: anchors, tags, block scalars and maps are not supported by the stand-in)")
    if plain in ("true", "True", "TRUE"):
        return True
    if plain in ("false", "False", "FALSE"):
        return False
    if re.fullmatch(r"[-+]?[0-9]+", plain) and not re.fullmatch(r"0[0-9]+", plain):
        return int(plain)
    return plain


def _split_flow(inner: str, where: str) -> list[str]:
    items, cur, quote = [], "", ""
    for c in inner:
        if quote:
            cur += c
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
            cur += c
        elif c == ",":
            items.append(cur)
            cur = ""
        elif c in "[]{}":
            raise ConfigSyntaxError(f"{where}: nested flow collections are not supported by the stand-in")
        else:
            cur += c
    if quote:
        raise ConfigSyntaxError(f"{where}: unterminated quoted string")
    if cur.strip():
        items.append(cur)
    return items


def parse_config_text(text: str, path: str) -> dict[str, Value]:
    out: dict[str, Value] = {}
    key: str | None = None  # a key whose block list may follow
    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{path}:{n}"
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise ConfigSyntaxError(f"{where}: tab in indentation")
        line = raw.rstrip()
        stripped = line.strip()
        if stripped == "" or stripped.startswith("#"):
            continue
        if stripped in ("---", "..."):
            continue
        indent = len(line) - len(line.lstrip())
        m_item = re.fullmatch(r"\s*-(\s+(.*))?", line)
        if m_item is not None:
            if key is None:
                raise ConfigSyntaxError(f"{where}: a list item outside of a key")
            item_text = m_item.group(2) or ""
            if re.match(r"^[^'\"]\S*:(\s|$)", item_text.strip()):
                raise ConfigSyntaxError(f"{where}: maps inside lists are not supported by the stand-in")
            cur = out[key]
            if cur is None:
                cur = []
            if not isinstance(cur, list):
                raise ConfigSyntaxError(f"{where}: list item after a scalar value")
            cur.append(_parse_scalar(item_text, where))
            out[key] = cur
            continue
        if indent > 0:
            raise ConfigSyntaxError(f"{where}: nested maps are not supported by the stand-in")
        m = re.fullmatch(r"""(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.+-]+))\s*:(?:\s+(.*))?""", line)
        if m is None:
            raise ConfigSyntaxError(f"{where}: expected `key: value`")
        k = m.group(1) or m.group(2) or m.group(3)
        rest = (m.group(4) or "").strip()
        if k in out:
            raise ConfigSyntaxError(f"{where}: duplicate key {k!r}")
        if rest == "" or rest.startswith("#"):
            out[k] = None
            key = k
            continue
        key = None
        if rest.startswith("["):
            body = _strip_comment(rest)
            if not body.endswith("]"):
                raise ConfigSyntaxError(f"{where}: flow lists must be on one line")
            out[k] = [_parse_scalar(x, where) for x in _split_flow(body[1:-1], where)]
        else:
            out[k] = _parse_scalar(rest, where)
    return out


def merge_config(base: dict[str, Value], extra: dict[str, Value]) -> None:
    """Later files win; `key+:` appends (as RKE2 does for config.yaml.d)."""
    for k, v in extra.items():
        if k.endswith("+"):
            name = k[:-1]
            old = base.get(name)
            old_list = [] if old is None else (old if isinstance(old, list) else [old])
            new_list = [] if v is None else (v if isinstance(v, list) else [v])
            base[name] = old_list + new_list
        else:
            base[k] = v


def load_config(main_file: str) -> dict[str, Value]:
    cfg: dict[str, Value] = {}
    files = []
    if os.path.exists(main_file):
        files.append(main_file)
    files += sorted(glob.glob(os.path.join(main_file + ".d", "*.yaml")))
    for f in files:
        try:
            with open(f, encoding="utf-8") as fh:
                merge_config(cfg, parse_config_text(fh.read(), f))
        except ConfigSyntaxError as e:
            fatal(f"failed to parse config file {f}: {e}")
        except OSError as e:
            fatal(f"failed to read config file {f}: {e}")
    for k in cfg:
        if k not in KNOWN_KEYS:
            warn(f"Unknown flag --{k} found in config.yaml, skipping")
    return cfg


def as_list(v: Value) -> list[str]:
    if v is None:
        return []
    items = v if isinstance(v, list) else [v]
    out: list[str] = []
    for x in items:
        if x is None:
            continue
        # RKE2 also splits comma-separated values of list flags.
        out += [p.strip() for p in _scalar_str(x).split(",") if p.strip()]
    return out


def _scalar_str(v: Scalar) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def as_str(v: Value, default: str = "") -> str:
    if v is None:
        return default
    if isinstance(v, list):
        return ",".join(_scalar_str(x) for x in v)
    return _scalar_str(v)


def as_bool(v: Value) -> bool:
    return as_str(v).lower() in ("true", "1", "yes", "on")


# ---------------------------------------------------------------------------------------------------
# Settings derived from the config.
# ---------------------------------------------------------------------------------------------------
def detect_node_ip() -> str:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("203.0.113.1", 9))  # no packet is sent: this only picks the route's source
            return s.getsockname()[0]
    except OSError:
        pass
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return "127.0.0.1"


class Settings:
    def __init__(self, cfg: dict[str, Value], role: str) -> None:
        self.cfg = cfg
        self.role = role
        self.data_dir = as_str(cfg.get("data-dir"), DEFAULT_DATA_DIR)
        self.node_name = as_str(cfg.get("node-name")) or socket.gethostname().split(".")[0].lower()
        ips = as_list(cfg.get("node-ip"))
        self.node_ip = ips[0] if ips else detect_node_ip()
        self.server = as_str(cfg.get("server")).rstrip("/")
        token = as_str(cfg.get("token"))
        if not token and cfg.get("token-file"):
            token = _read(as_str(cfg.get("token-file"))).strip()
        self.token = token
        agent_token = as_str(cfg.get("agent-token"))
        if not agent_token and cfg.get("agent-token-file"):
            agent_token = _read(as_str(cfg.get("agent-token-file"))).strip()
        self.agent_token = agent_token
        self.tls_sans = as_list(cfg.get("tls-san"))
        self.cluster_cidr = as_str(cfg.get("cluster-cidr"), "10.42.0.0/16")
        self.service_cidr = as_str(cfg.get("service-cidr"), "10.43.0.0/16")
        first_svc = ipaddress.ip_network(self.service_cidr.split(",")[0].strip(), strict=False)
        self.service_ip = str(first_svc[1])
        self.cluster_dns = as_str(cfg.get("cluster-dns"), str(first_svc[10]))
        self.cluster_domain = as_str(cfg.get("cluster-domain"), "cluster.local")
        self.labels = as_list_kv(cfg.get("node-label"))
        self.taints = as_list(cfg.get("node-taint"))
        self.kubeconfig_mode = as_str(cfg.get("write-kubeconfig-mode"), "0600")
        self.kubeconfig_file = as_str(cfg.get("write-kubeconfig"), KUBECONFIG_FILE)
        self.etcd_expose_metrics = as_bool(cfg.get("etcd-expose-metrics"))
        self.snapshot_dir = as_str(cfg.get("etcd-snapshot-dir"), os.path.join(self.data_dir, "server", "db", "snapshots"))
        # rke2 pkg/cli/cmds/server.go: --cni defaults to canal; multus only ever comes first.
        self.cni = [c for c in as_list(cfg.get("cni")) if c != "multus"] or ["canal"]
        self.disable = as_list(cfg.get("disable"))

    # Paths
    @property
    def server_dir(self) -> str:
        return os.path.join(self.data_dir, "server")

    @property
    def tls(self) -> str:
        return os.path.join(self.server_dir, "tls")

    @property
    def etcd_dir(self) -> str:
        return os.path.join(self.server_dir, "db", "etcd")

    @property
    def bin_dir(self) -> str:
        return os.path.join(self.data_dir, "data", VERSION, "bin")

    @property
    def logs_dir(self) -> str:
        return os.path.join(self.data_dir, "agent", "logs")

    def critical_config(self) -> dict[str, str]:
        """The values compared between servers, normalised to strings."""
        cfg = self.cfg
        return {
            "agent-token": hashlib.sha256(self.agent_token.encode()).hexdigest() if self.agent_token else "",
            "cluster-cidr": self.cluster_cidr,
            "cluster-dns": self.cluster_dns,
            "cluster-domain": self.cluster_domain,
            "disable-cloud-controller": "true" if as_bool(cfg.get("disable-cloud-controller")) else "false",
            "disable-kube-proxy": "true" if as_bool(cfg.get("disable-kube-proxy")) else "false",
            "egress-selector-mode": as_str(cfg.get("egress-selector-mode"), "agent"),
            "service-cidr": self.service_cidr,
        }


def as_list_kv(v: Value) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in as_list(v):
        k, _, val = item.partition("=")
        out[k.strip()] = val.strip()
    return out


def _read(path: str, binary: bool = False) -> Any:
    with open(path, "rb" if binary else "r") as fh:
        return fh.read()


def write_file(path: str, data: str | bytes, mode: int = 0o644) -> None:
    """Atomic write with the given mode."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode() if isinstance(data, str) else data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------------------------------------------
# Tokens: `K10<sha256 of the cluster CA>::server:<secret>` or a bare secret.
# ---------------------------------------------------------------------------------------------------
class Token:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.ca_hash = ""
        self.username = ""
        self.secret = raw
        if raw.startswith("K10") and "::" in raw:
            self.ca_hash, _, creds = raw[3:].partition("::")
            self.username, sep, pw = creds.partition(":")
            if sep:
                self.secret = pw
            else:
                self.username, self.secret = "", creds


def ca_hash_of(path: str) -> str:
    return hashlib.sha256(_read(path, binary=True)).hexdigest()


# ---------------------------------------------------------------------------------------------------
# HTTP client helpers, with Go-like error texts (what RKE2 logs comes from Go's net/http).
# ---------------------------------------------------------------------------------------------------
class HttpError(Exception):
    """A failed request: connection errors and non-2xx answers, worded as RKE2 words them."""

    def __init__(self, msg: str, status: int = 0) -> None:
        super().__init__(msg)
        self.status = status


def _go_dial_error(method: str, url: str, reason: BaseException) -> str:
    u = urllib.parse.urlsplit(url)
    port = u.port or (443 if u.scheme == "https" else 80)
    host = u.hostname or ""
    addr = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if isinstance(reason, ConnectionRefusedError):
        detail = f"dial tcp {addr}: connect: connection refused"
    elif isinstance(reason, (socket.timeout, TimeoutError)):
        detail = f"dial tcp {addr}: i/o timeout"
    elif isinstance(reason, socket.gaierror):
        detail = f"dial tcp: lookup {host}: no such host"
    elif isinstance(reason, OSError) and reason.errno == errno.EHOSTUNREACH:
        detail = f"dial tcp {addr}: connect: no route to host"
    elif isinstance(reason, OSError) and reason.errno == errno.ENETUNREACH:
        detail = f"dial tcp {addr}: connect: network is unreachable"
    elif isinstance(reason, ssl.SSLError):
        detail = f"tls: {reason.reason or reason}"
    else:
        detail = str(reason)
    return f'{method[0]}{method[1:].lower()} "{url}": {detail}'


def http_request(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    context: ssl.SSLContext | None = None,
    timeout: float = 15,
) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, context=context, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        data = e.read()
        raise HttpError(f"{url}: {e.code} {e.reason}", e.code) from None
    except urllib.error.URLError as e:
        raise HttpError(_go_dial_error(method, url, e.reason if isinstance(e.reason, BaseException) else OSError(str(e.reason)))) from None
    except (OSError, ssl.SSLError) as e:
        raise HttpError(_go_dial_error(method, url, e)) from None


def insecure_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def ca_context(ca_file: str, check_hostname: bool = True, cert: str | None = None, key: str | None = None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.check_hostname = check_hostname
    if cert and key:
        ctx.load_cert_chain(cert, key)
    return ctx


def basic_auth(user: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()}


# ---------------------------------------------------------------------------------------------------
# Certificates with the openssl CLI (EC P-256 leaves and CAs, RSA 2048 for the service-account key).
# ---------------------------------------------------------------------------------------------------
def openssl(*args: str, stdin: bytes | None = None) -> bytes:
    r = subprocess.run(["openssl", *args], input=stdin, capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(f"openssl {args[0]} failed: {r.stderr.decode(errors='replace').strip()}")
    return r.stdout


def gen_ec_key(path: str) -> None:
    pem = openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256")
    write_file(path, pem, 0o600)


def gen_ca(cert: str, key: str, cn: str) -> None:
    gen_ec_key(key)
    pem = openssl(
        "req", "-x509", "-new", "-key", key, "-sha256", "-days", "3650", "-subj", f"/CN={cn}",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign",
    )
    write_file(cert, pem, 0o644)


def _san_list(sans: list[str]) -> str:
    out, seen = [], set()
    for s in sans:
        if not s or s in seen:
            continue
        seen.add(s)
        try:
            ipaddress.ip_address(s)
            out.append(f"IP:{s}")
        except ValueError:
            out.append(f"DNS:{s}")
    return ",".join(out)


def gen_leaf(
    cert: str, key: str, ca_cert: str, ca_key: str, cn: str, org: str = "",
    sans: list[str] | None = None, server: bool = False, client: bool = False,
) -> bool:
    """(Re)issues a leaf certificate when its inputs changed; returns True when it did."""
    usages = ",".join(u for u, on in (("serverAuth", server), ("clientAuth", client)) if on)
    spec = json.dumps([cn, org, sans or [], usages, ca_hash_of(ca_cert)])
    spec_file = cert + ".stand-in-spec"
    if os.path.exists(cert) and os.path.exists(key) and os.path.exists(spec_file) and _read(spec_file) == spec:
        return False
    gen_ec_key(key)
    subj = (f"/O={org}" if org else "") + f"/CN={cn}"
    csr = openssl("req", "-new", "-key", key, "-subj", subj)
    ext = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature,keyEncipherment"]
    if usages:
        ext.append(f"extendedKeyUsage={usages}")
    if sans:
        ext.append(f"subjectAltName={_san_list(sans)}")
    with tempfile.NamedTemporaryFile("w", suffix=".ext") as fh:
        fh.write("\n".join(ext) + "\n")
        fh.flush()
        pem = openssl(
            "x509", "-req", "-CA", ca_cert, "-CAkey", ca_key, "-set_serial", "0x" + secrets.token_hex(16),
            "-days", "365", "-sha256", "-extfile", fh.name, stdin=csr,
        )
    write_file(cert, pem, 0o644)
    write_file(spec_file, spec, 0o600)
    return True


# The cluster-wide secrets a joining server gets from /v1-rke2/server-bootstrap (RKE2's names).
BOOTSTRAP_FILES = {
    "ServerCA": "server-ca.crt",
    "ServerCAKey": "server-ca.key",
    "ClientCA": "client-ca.crt",
    "ClientCAKey": "client-ca.key",
    "ETCDServerCA": "etcd/server-ca.crt",
    "ETCDServerCAKey": "etcd/server-ca.key",
    "ETCDPeerCA": "etcd/peer-ca.crt",
    "ETCDPeerCAKey": "etcd/peer-ca.key",
    "ServiceKey": "service.key",
}


def generate_cluster_cas(tls: str) -> None:
    stamp = str(int(time.time()))
    gen_ca(f"{tls}/server-ca.crt", f"{tls}/server-ca.key", f"rke2-server-ca@{stamp}")
    gen_ca(f"{tls}/client-ca.crt", f"{tls}/client-ca.key", f"rke2-client-ca@{stamp}")
    gen_ca(f"{tls}/etcd/server-ca.crt", f"{tls}/etcd/server-ca.key", f"etcd-server-ca@{stamp}")
    gen_ca(f"{tls}/etcd/peer-ca.crt", f"{tls}/etcd/peer-ca.key", f"etcd-peer-ca@{stamp}")
    write_file(f"{tls}/service.key", openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"), 0o600)


def server_sans(s: Settings) -> list[str]:
    d = s.cluster_domain
    return [
        "127.0.0.1", "::1", s.node_ip, s.service_ip, *s.tls_sans, "localhost", s.node_name,
        "kubernetes", "kubernetes.default", "kubernetes.default.svc", f"kubernetes.default.svc.{d}",
    ]


def generate_node_certs(s: Settings) -> None:
    """The per-server leaf certificates, issued from the cluster CAs on this node."""
    t = s.tls
    ip, name = s.node_ip, s.node_name
    gen_leaf(f"{t}/serving-kube-apiserver.crt", f"{t}/serving-kube-apiserver.key", f"{t}/server-ca.crt",
             f"{t}/server-ca.key", "kube-apiserver", sans=server_sans(s), server=True)
    gen_leaf(f"{t}/serving-supervisor.crt", f"{t}/serving-supervisor.key", f"{t}/server-ca.crt",
             f"{t}/server-ca.key", "rke2-supervisor", sans=server_sans(s), server=True)
    gen_leaf(f"{t}/client-admin.crt", f"{t}/client-admin.key", f"{t}/client-ca.crt", f"{t}/client-ca.key",
             "system:admin", org="system:masters", client=True)
    # etcd: server-client serves 2379 and is also the client cert RKE2 (and rigger) use for etcd;
    # client.crt is the kube-apiserver's etcd client cert; peer-server-client is for 2380.
    gen_leaf(f"{t}/etcd/server-client.crt", f"{t}/etcd/server-client.key", f"{t}/etcd/server-ca.crt",
             f"{t}/etcd/server-ca.key", "etcd-server", sans=["127.0.0.1", "::1", "localhost", ip, name],
             server=True, client=True)
    gen_leaf(f"{t}/etcd/client.crt", f"{t}/etcd/client.key", f"{t}/etcd/server-ca.crt",
             f"{t}/etcd/server-ca.key", "etcd-client", client=True)
    gen_leaf(f"{t}/etcd/peer-server-client.crt", f"{t}/etcd/peer-server-client.key", f"{t}/etcd/peer-ca.crt",
             f"{t}/etcd/peer-ca.key", "etcd-peer", sans=["127.0.0.1", "localhost", ip, name],
             server=True, client=True)


def issue_kubelet_client(s: Settings, node: str) -> tuple[str, str]:
    """A client cert for `system:node:<node>` in `system:nodes`, so the Node authorizer applies."""
    with tempfile.TemporaryDirectory() as d:
        gen_leaf(f"{d}/c.crt", f"{d}/c.key", f"{s.tls}/client-ca.crt", f"{s.tls}/client-ca.key",
                 f"system:node:{node}", org="system:nodes", client=True)
        return _read(f"{d}/c.crt"), _read(f"{d}/c.key")


# ---------------------------------------------------------------------------------------------------
# etcd as k3s configures it (pkg/etcd/etcd.go: listenClientURLs, listenClientHTTPURLs,
# listenMetricsURLs): gRPC only on 2379, the HTTP/JSON gateway on https://127.0.0.1:2382,
# metrics and /health on http://127.0.0.1:2381. This client uses the gateway on 2382.
# ---------------------------------------------------------------------------------------------------
ETCD_HTTP_URL = "https://127.0.0.1:2382"
ETCD_METRICS_URL = "http://127.0.0.1:2381"


class Etcd:
    def __init__(self, s: Settings) -> None:
        self.s = s
        t = s.tls
        self.ctx = ca_context(f"{t}/etcd/server-ca.crt", True, f"{t}/etcd/server-client.crt", f"{t}/etcd/server-client.key")

    def call(self, path: str, body: dict[str, Any], timeout: float = 10) -> dict[str, Any]:
        url = f"{ETCD_HTTP_URL}/v3/{path}"
        req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, context=self.ctx, timeout=timeout) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                msg = json.loads(raw).get("error") or json.loads(raw).get("message") or raw.decode()
            except ValueError:
                msg = raw.decode(errors="replace")
            raise HttpError(msg.strip(), e.code) from None
        except urllib.error.URLError as e:
            raise HttpError(_go_dial_error("POST", url, e.reason if isinstance(e.reason, BaseException) else OSError(str(e.reason)))) from None
        except OSError as e:
            raise HttpError(_go_dial_error("POST", url, e)) from None

    def healthy(self) -> bool:
        try:
            req = urllib.request.Request(f"{ETCD_METRICS_URL}/health")
            with urllib.request.urlopen(req, timeout=5) as resp:
                return json.loads(resp.read()).get("health") == "true"
        except (OSError, ValueError, urllib.error.URLError):
            return False

    def members(self) -> list[dict[str, Any]]:
        return self.call("cluster/member/list", {}).get("members", [])

    def remove(self, member_id: str) -> None:
        self.call("cluster/member/remove", {"ID": member_id}, timeout=20)

    def promote(self, member_id: str) -> None:
        self.call("cluster/member/promote", {"ID": member_id}, timeout=20)

    def status(self) -> dict[str, Any]:
        return self.call("maintenance/status", {})


# ---------------------------------------------------------------------------------------------------
# Kubernetes API client (urllib, client certificates), with failover over several API addresses.
# ---------------------------------------------------------------------------------------------------
class Kube:
    def __init__(self, servers: list[str], ca: str, cert: str, key: str) -> None:
        self.servers = servers
        self.ctx = ca_context(ca, True, cert, key)

    def request(self, method: str, path: str, body: Any = None, content_type: str = "application/json",
                timeout: float = 10) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        last: HttpError | None = None
        for base in list(self.servers):
            url = base + path
            req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type, "Accept": "application/json"})
            try:
                with urllib.request.urlopen(req, context=self.ctx, timeout=timeout) as resp:
                    raw = resp.read()
                    return resp.status, (json.loads(raw) if raw.strip().startswith(b"{") else raw.decode())
            except urllib.error.HTTPError as e:
                raw = e.read()
                try:
                    return e.code, json.loads(raw)
                except ValueError:
                    return e.code, raw.decode(errors="replace")
            except urllib.error.URLError as e:
                last = HttpError(_go_dial_error(method, url, e.reason if isinstance(e.reason, BaseException) else OSError(str(e.reason))))
            except OSError as e:
                last = HttpError(_go_dial_error(method, url, e))
            # The next server, as RKE2's client load balancer fails over.
        raise last or HttpError("no API server")


def now_rfc3339() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_rfc3339(s: str) -> float:
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()


def _os_image() -> str:
    try:
        for line in _read("/etc/os-release").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "Linux"


def _mem_ki() -> str:
    try:
        for line in _read("/proc/meminfo").splitlines():
            if line.startswith("MemTotal:"):
                return line.split()[1] + "Ki"
    except OSError:
        pass
    return "0Ki"


def parse_taint(t: str) -> dict[str, str]:
    kv, _, effect = t.rpartition(":")
    if not kv or effect not in ("NoSchedule", "PreferNoSchedule", "NoExecute"):
        fatal(f"invalid taint {t!r}: expected key=value:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute")
    k, sep, v = kv.partition("=")
    out = {"key": k, "effect": effect}
    if sep:
        out["value"] = v
    return out


class NodeAgent:
    """Registers this host's Node and keeps its Ready condition fresh, as the kubelet would."""

    def __init__(self, s: Settings, kube: Kube, server_roles: bool, etcd_member: str = "") -> None:
        self.s = s
        self.kube = kube
        self.server_roles = server_roles
        self.etcd_member = etcd_member
        self.transition = now_rfc3339()
        self.ready_status = ""
        self.pulls: dict[str, int] = {}

    def labels(self) -> dict[str, str]:
        labels = {
            "beta.kubernetes.io/arch": "amd64",
            "beta.kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": self.s.node_name,
            "kubernetes.io/os": "linux",
            "node.kubernetes.io/instance-type": "rke2",
        }
        if self.server_roles:
            labels.update({
                "node-role.kubernetes.io/control-plane": "true",
                "node-role.kubernetes.io/etcd": "true",
                "node-role.kubernetes.io/master": "true",
            })
        labels.update(self.s.labels)
        return labels

    def annotations(self) -> dict[str, str]:
        a = {
            "rke2.io/node-args": json.dumps([self.s.role] + [f"--{k}" for k in sorted(self.s.cfg) if k not in ("token", "agent-token")]),
            "rke2.io/hostname": socket.gethostname(),
            "rke2.io/internal-ip": self.s.node_ip,
            "rke2.io/stand-in": "true",
        }
        if self.server_roles:
            a["etcd.rke2.cattle.io/node-name"] = self.etcd_member
            a["etcd.rke2.cattle.io/node-address"] = self.s.node_ip
        return a

    def status(self) -> dict[str, Any]:
        now = now_rfc3339()
        cpus = str(os.cpu_count() or 1)
        cap = {"cpu": cpus, "memory": _mem_ki(), "pods": "110", "ephemeral-storage": "0"}
        return {
            "addresses": [
                {"type": "InternalIP", "address": self.s.node_ip},
                {"type": "Hostname", "address": self.s.node_name},
            ],
            "capacity": cap,
            "allocatable": cap,
            "nodeInfo": {
                "kubeletVersion": VERSION,
                "kubeProxyVersion": VERSION,
                "operatingSystem": "linux",
                "architecture": "amd64",
                "osImage": _os_image(),
                "kernelVersion": os.uname().release,
                "containerRuntimeVersion": "stand-in://none",
                "machineID": _read("/etc/machine-id").strip() if os.path.exists("/etc/machine-id") else "",
                "systemUUID": "",
                "bootID": _read("/proc/sys/kernel/random/boot_id").strip(),
            },
            "conditions": [self.ready_condition(now)],
        }

    def ready_condition(self, now: str) -> dict[str, Any]:
        """The kubelet's Ready rule for the network: NotReady until a CNI config exists on this node."""
        if cni_configured():
            status, reason, message = "True", "KubeletReady", "kubelet is posting ready status (stand-in)"
        else:
            status, reason, message = "False", "KubeletNotReady", CNI_NOT_READY
        if status != self.ready_status:
            self.ready_status, self.transition = status, now
        return {"type": "Ready", "status": status, "reason": reason, "message": message,
                "lastHeartbeatTime": now, "lastTransitionTime": self.transition}

    def register(self) -> None:
        name = self.s.node_name
        code, node = self.kube.request("GET", f"/api/v1/nodes/{name}")
        if code == 404:
            body = {
                "apiVersion": "v1",
                "kind": "Node",
                "metadata": {"name": name, "labels": self.labels(), "annotations": self.annotations()},
                "spec": {"taints": [parse_taint(t) for t in self.s.taints]} if self.s.taints else {},
                "status": self.status(),
            }
            code, resp = self.kube.request("POST", "/api/v1/nodes", body)
            if code == 409:
                return self.register()
            if code >= 300:
                raise HttpError(f"registering node {name}: {code} {_kmsg(resp)}", code)
            info(f"Registered node {name} (stand-in kubelet)")
        elif code >= 300:
            raise HttpError(f"getting node {name}: {code} {_kmsg(node)}", code)
        else:
            # RKE2 keeps its own labels and annotations up to date on an existing Node.
            patch = {"metadata": {"labels": self.labels(), "annotations": self.annotations()}}
            code, resp = self.kube.request("PATCH", f"/api/v1/nodes/{name}", patch, "application/strategic-merge-patch+json")
            if code >= 300:
                raise HttpError(f"updating node {name}: {code} {_kmsg(resp)}", code)
        self.heartbeat()

    def heartbeat(self) -> None:
        name = self.s.node_name
        try:
            run_node_pods(self)
        except (HttpError, OSError) as e:
            warn(f"stand-in kubelet: syncing this node's pods: {e}")
        code, resp = self.kube.request("PATCH", f"/api/v1/nodes/{name}/status", {"status": self.status()},
                                       "application/strategic-merge-patch+json")
        if code == 404:
            info(f"Node {name} not found; registering it again")
            self.register()
        elif code >= 300:
            raise HttpError(f"updating node status: {code} {_kmsg(resp)}", code)

    def run_heartbeats(self, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            try:
                self.heartbeat()
            except Exception as e:  # keep beating: the API may come back
                warn(f"Failed to update node status (stand-in heartbeat): {e}")


def _kmsg(resp: Any) -> str:
    return resp.get("message", "") if isinstance(resp, dict) else str(resp)[:300]


# ---------------------------------------------------------------------------------------------------
# CNI, bundled charts and the deploy controller.
#  - The kubelet reports Ready=False (KubeletNotReady) while the runtime's network is not ready:
#    kubernetes pkg/kubelet/kubelet.go updateRuntimeUp ("container runtime network not ready: %v"),
#    containerd's CRI Status (reason NetworkPluginNotReady, "Network plugin returns error: %v") and
#    go-cni's ErrCNINotInitialized ("cni plugin not initialized") until a config is in /etc/cni/net.d.
#  - RKE2 copies its bundled charts (HelmChart manifests from the runtime image) into
#    server/manifests at every start (rke2 pkg/bootstrap updateManifests); charts of CNIs not
#    selected by --cni are disabled (rke2 pkg/cli/cmds/server.go validateCNI).
#  - The deploy controller applies every manifests-dir file, at start and when it changes
#    (docs.rke2.io install/packaged_components, "Auto-Deploying Manifests").
#  - Once kube-system/helm-install-rke2-cilium has succeeded, the stand-in plays the cilium
#    DaemonSet controller (one Pod per Node) and each node's kubelet "runs" its cilium Pod only if
#    Cilium's images archive is in agent/images; the running agent writes 05-cilium.conflist.
# ---------------------------------------------------------------------------------------------------
CNI_CONF_DIR = "/etc/cni/net.d"
CNI_ITEMS = ["calico", "canal", "cilium", "flannel"]
CNI_NOT_READY = ("container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady "
                 "message:Network plugin returns error: cni plugin not initialized")
CILIUM_CONFLIST = "05-cilium.conflist"
CILIUM_IMAGE = "docker.io/rancher/mirrored-cilium-cilium:v1.19.6"
CILIUM_IMAGES = "rke2-images-cilium.linux-amd64.tar.*"
CILIUM_JOB = "helm-install-rke2-cilium"
CILIUM_SELECTOR = "k8s-app%3Dcilium"
DEPLOY_SECONDS = 15
DEPLOY_MANAGER = "deploy"


def cni_configured() -> bool:
    # go-cni loads *.conf, *.conflist and *.json from the conf dir.
    return any(glob.glob(os.path.join(CNI_CONF_DIR, p)) for p in ("*.conf", "*.conflist", "*.json"))


def manifests_dir(s: Settings) -> str:
    return os.path.join(s.data_dir, "server", "manifests")


def disabled_charts(s: Settings) -> set[str]:
    return set(s.disable) | {f"rke2-{c}" for c in CNI_ITEMS if c not in s.cni}


def stage_bundled_charts(s: Settings) -> None:
    archive = os.path.join(s.data_dir, "agent", "images", IMAGES_NAME)
    if not os.path.exists(archive):
        warn(f"stand-in: no {archive}: no bundled charts staged")
        return
    out = manifests_dir(s)
    os.makedirs(out, mode=0o700, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar.getmembers():
            name = m.name[2:] if m.name.startswith("./") else m.name
            src = tar.extractfile(m) if m.isfile() and name.startswith("charts/") and name.endswith(".yaml") else None
            if src is not None:
                write_file(os.path.join(out, os.path.basename(name)), src.read(), 0o600)
                info(f"Staged bundled chart manifest {os.path.join(out, os.path.basename(name))}")


def manifest_objects(path: str, text: str) -> list[dict[str, Any]]:
    if path.endswith(".json") or yaml is None:
        try:
            doc = json.loads(text)
        except ValueError:
            raise ValueError(f"{path}: not JSON, and python3-yaml is not installed to read YAML") from None
        docs = doc.get("items", []) if isinstance(doc, dict) and doc.get("kind", "").endswith("List") else [doc]
    else:
        docs = list(yaml.safe_load_all(text))
    return [d for d in docs if isinstance(d, dict) and d.get("apiVersion") and d.get("kind")]


class Discovery:
    """The API path of an object, from the API server's discovery (cached per group/version)."""

    def __init__(self, kube: Kube) -> None:
        self.kube = kube
        self.cache: dict[str, list[dict[str, Any]]] = {}

    def path(self, obj: dict[str, Any]) -> str:
        gv = obj["apiVersion"]
        base = "/api/v1" if gv == "v1" else f"/apis/{gv}"
        if gv not in self.cache:
            code, resp = self.kube.request("GET", base)
            if code != 200:
                raise HttpError(f"no API {gv}: {code} {_kmsg(resp)}", code)
            self.cache[gv] = resp.get("resources", [])
        res = next((r for r in self.cache[gv] if r.get("kind") == obj["kind"] and "/" not in r["name"]), None)
        if res is None:
            self.cache.pop(gv, None)
            raise HttpError(f"no resource for {obj['kind']} in {gv}")
        meta = obj.get("metadata") or {}
        ns = f"/namespaces/{meta.get('namespace') or 'default'}" if res.get("namespaced") else ""
        return f"{base}{ns}/{res['name']}/{meta['name']}"


def deploy_controller(s: Settings, kube: Kube, stop: threading.Event) -> None:
    disco, applied = Discovery(kube), {}
    while True:
        disabled = disabled_charts(s)
        for path in sorted(glob.glob(os.path.join(manifests_dir(s), "*"))):
            base, ext = os.path.splitext(os.path.basename(path))
            if ext not in (".yaml", ".yml", ".json") or base in disabled or not os.path.isfile(path):
                continue
            text = _read(path)
            digest = hashlib.sha256(text.encode()).hexdigest()
            if applied.get(path) == digest:
                continue
            try:
                for obj in manifest_objects(path, text):
                    code, resp = kube.request("PATCH", disco.path(obj) + f"?fieldManager={DEPLOY_MANAGER}&force=true",
                                              obj, "application/apply-patch+yaml")
                    if code >= 300:
                        raise HttpError(f"{obj['kind']} {obj['metadata'].get('name')}: {code} {_kmsg(resp)}", code)
                applied[path] = digest
                info(f"Applied manifest {path} (stand-in deploy controller)")
            except (HttpError, ValueError, KeyError) as e:
                error(f"Failed to apply manifest {path}: {e}")
            except Exception as e:  # a YAML error
                error(f"Failed to apply manifest {path}: {type(e).__name__}: {e}")
        if stop.wait(DEPLOY_SECONDS):
            return


def cilium_daemonset(kube: Kube, stop: threading.Event) -> None:
    while not stop.wait(CONTROLLER_SECONDS):
        try:
            code, job = kube.request("GET", f"/apis/batch/v1/namespaces/kube-system/jobs/{CILIUM_JOB}")
            if code != 200 or not (job.get("status") or {}).get("succeeded"):
                continue
            _, nodes = kube.request("GET", "/api/v1/nodes")
            _, pods = kube.request("GET", f"/api/v1/namespaces/kube-system/pods?labelSelector={CILIUM_SELECTOR}")
            names = {n["metadata"]["name"] for n in nodes.get("items", []) if not n["metadata"].get("deletionTimestamp")}
            have = {p["spec"].get("nodeName") for p in pods.get("items", [])}
            kube.request("POST", "/api/v1/namespaces/kube-system/serviceaccounts",
                         {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "cilium", "namespace": "kube-system"}})
            ds = cilium_daemonset_object(kube)
            for node in sorted(names - have):
                pod = cilium_pod(node, ds)
                code, resp = kube.request("POST", "/api/v1/namespaces/kube-system/pods", pod)
                if code < 300:
                    info(f"Created pod kube-system/{pod['metadata']['name']} on {node} (stand-in cilium DaemonSet)")
                elif code != 409:
                    warn(f"creating cilium pod for {node}: {code} {_kmsg(resp)}")
            for p in pods.get("items", []):
                if p["spec"].get("nodeName") not in names:
                    kube.request("DELETE", f"/api/v1/namespaces/kube-system/pods/{p['metadata']['name']}")
        except Exception as e:
            warn(f"stand-in cilium DaemonSet: {e}")


def cilium_daemonset_object(kube: Kube) -> dict[str, Any]:
    """The DaemonSet kube-system/cilium the rke2-cilium chart renders (its name and selector), created
    once: its Pods carry it as their controlling owner, as the DaemonSet controller sets it
    (kubernetes pkg/controller/daemon, `NewControllerRef`), which is how drains recognise them."""
    body = {"apiVersion": "apps/v1", "kind": "DaemonSet",
            "metadata": {"name": "cilium", "namespace": "kube-system", "labels": {"k8s-app": "cilium"}},
            "spec": {"selector": {"matchLabels": {"k8s-app": "cilium"}},
                     "template": {"metadata": {"labels": {"k8s-app": "cilium"}},
                                  "spec": {"containers": [{"name": "cilium-agent", "image": CILIUM_IMAGE}]}}}}
    code, ds = kube.request("POST", "/apis/apps/v1/namespaces/kube-system/daemonsets", body)
    if code == 409:
        code, ds = kube.request("GET", "/apis/apps/v1/namespaces/kube-system/daemonsets/cilium")
    if code >= 300:
        raise HttpError(f"cilium DaemonSet: {code} {_kmsg(ds)}", code)
    return ds


def cilium_pod(node: str, ds: dict[str, Any]) -> dict[str, Any]:
    # One name per node, so that servers racing each other create it once (409 for the others).
    suffix = "".join("bcdfghjklmnpqrstvwxz2456789"[b % 27] for b in hashlib.sha256(node.encode()).digest()[:5])
    owner = {"apiVersion": "apps/v1", "kind": "DaemonSet", "name": "cilium", "uid": ds["metadata"]["uid"],
             "controller": True, "blockOwnerDeletion": True}
    return {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": f"cilium-{suffix}", "namespace": "kube-system", "ownerReferences": [owner],
                         "labels": {"k8s-app": "cilium", "app.kubernetes.io/name": "cilium-agent"}},
            "spec": {"nodeName": node, "serviceAccountName": "cilium", "automountServiceAccountToken": False,
                     "hostNetwork": True, "tolerations": [{"operator": "Exists"}],
                     "containers": [{"name": "cilium-agent", "image": CILIUM_IMAGE}]}}


def run_node_pods(agent: "NodeAgent") -> None:
    """This node's kubelet for its cilium Pod (the Node authorizer lets a node list pods and set
    the status of pods bound to it)."""
    s, kube, node = agent.s, agent.kube, agent.s.node_name
    code, pods = kube.request("GET", f"/api/v1/namespaces/kube-system/pods?labelSelector={CILIUM_SELECTOR}"
                                     f"&fieldSelector=spec.nodeName%3D{node}")
    if code != 200:
        raise HttpError(f"listing pods: {code} {_kmsg(pods)}", code)
    images = glob.glob(os.path.join(s.data_dir, "agent", "images", CILIUM_IMAGES))
    for pod in pods.get("items", []):
        name, now = pod["metadata"]["name"], now_rfc3339()
        if images:
            if not os.path.exists(os.path.join(CNI_CONF_DIR, CILIUM_CONFLIST)):
                os.makedirs(CNI_CONF_DIR, exist_ok=True)
                write_file(os.path.join(CNI_CONF_DIR, CILIUM_CONFLIST), json.dumps(
                    {"cniVersion": "0.3.1", "name": "cilium", "plugins": [{"type": "cilium-cni"}]}, indent=2) + "\n")
                info(f"cilium-agent (stand-in) wrote {CNI_CONF_DIR}/{CILIUM_CONFLIST}")
            state, ready = {"running": {"startedAt": now}}, "True"
        else:
            agent.pulls[name] = agent.pulls.get(name, 0) + 1
            if agent.pulls[name] == 1:
                state = {"waiting": {"reason": "ErrImagePull", "message": (
                    f'failed to pull and unpack image "{CILIUM_IMAGE}": failed to resolve reference "{CILIUM_IMAGE}": '
                    'failed to do request: Head "https://registry-1.docker.io/v2/rancher/mirrored-cilium-cilium/manifests/v1.19.6": '
                    'dial tcp: lookup registry-1.docker.io: no such host')}}
            else:
                state = {"waiting": {"reason": "ImagePullBackOff", "message": f'Back-off pulling image "{CILIUM_IMAGE}"'}}
            ready = "False"
        cur = ((pod.get("status") or {}).get("containerStatuses") or [{}])[0].get("state") or {}
        if list(cur) == list(state) and (cur.get("waiting") or {}).get("reason") == (state.get("waiting") or {}).get("reason"):
            continue
        status = {"phase": "Running" if ready == "True" else "Pending", "hostIP": s.node_ip, "podIP": s.node_ip,
                  "startTime": (pod.get("status") or {}).get("startTime") or now,
                  "conditions": [{"type": t, "status": ready if t in ("Ready", "ContainersReady") else "True",
                                  "lastTransitionTime": now} for t in ("Initialized", "Ready", "ContainersReady", "PodScheduled")],
                  "containerStatuses": [{"name": "cilium-agent", "image": CILIUM_IMAGE, "imageID": "", "ready": ready == "True",
                                         "restartCount": 0, "started": ready == "True", "state": state}]}
        code, resp = kube.request("PUT", f"/api/v1/namespaces/kube-system/pods/{name}/status",
                                  {**pod, "status": status})
        if code >= 300:
            raise HttpError(f"updating pod {name} status: {code} {_kmsg(resp)}", code)


# ---------------------------------------------------------------------------------------------------
# Node passwords (k3s pkg/nodepassword Ensure): /etc/rancher/node/password must match the immutable
# secret kube-system/<node>.node-password.rke2, created at the first join; the Node's
# wrangler.cattle.io/node finalizer deletes it with the Node, so a reinstalled host of the same name
# is rejected until its Node is gone. (k3s stores an scrypt hash; the stand-in a sha256 one.)
# ---------------------------------------------------------------------------------------------------
NODE_PASSWORD_REJECTED = (
    "Node password rejected, duplicate hostname or contents of '/etc/rancher/node/password' may not "
    "match server node-passwd entry, try enabling a unique node name with the --with-node-id flag"
)


def ensure_node_password() -> str:
    if os.path.exists(NODE_PASSWORD_FILE):
        pw = _read(NODE_PASSWORD_FILE).strip()
        if pw:
            return pw
    pw = secrets.token_hex(16)
    write_file(NODE_PASSWORD_FILE, pw + "\n", 0o600)
    return pw


def verify_node_password(kube: Kube, node: str, password: str) -> bool:
    name = f"{node}.node-password.rke2"
    digest = hashlib.sha256(password.encode()).hexdigest()
    secret = {
        "apiVersion": "v1", "kind": "Secret", "immutable": True,
        "metadata": {"name": name, "namespace": "kube-system"},
        "data": {"hash": base64.b64encode(digest.encode()).decode()},
    }
    code, cur = kube.request("GET", f"/api/v1/namespaces/kube-system/secrets/{name}")
    if code == 404:
        code, resp = kube.request("POST", "/api/v1/namespaces/kube-system/secrets", secret)
        if code == 409:
            return verify_node_password(kube, node, password)
        if code >= 300:
            raise HttpError(f"storing node password: {code} {_kmsg(resp)}", code)
        return True
    if code >= 300:
        raise HttpError(f"reading node password: {code} {_kmsg(cur)}", code)
    stored = base64.b64decode(cur.get("data", {}).get("hash", "")).decode()
    return stored == digest


# ---------------------------------------------------------------------------------------------------
# Child processes (etcd, kube-apiserver): pidfiles under /run/rke2-stand-in, logs under agent/logs.
# ---------------------------------------------------------------------------------------------------
def _exe_of(pid: int) -> str:
    try:
        return os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return ""


def _wait_gone(pid: int, seconds: float) -> bool:
    end = time.time() + seconds
    while time.time() < end:
        if not os.path.exists(f"/proc/{pid}") or _is_zombie(pid):
            return True
        time.sleep(0.1)
    return False


def _is_zombie(pid: int) -> bool:
    try:
        return _read(f"/proc/{pid}/stat").rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def kill_leftovers(s: Settings) -> None:
    """Kills etcd and kube-apiserver left by an earlier rke2 (KillMode=process leaves them running)."""
    data_root = os.path.realpath(os.path.join(s.data_dir, "data")) + "/"
    pids: set[int] = set()
    for pf in glob.glob(f"{RUN_DIR}/*.pid"):
        try:
            pids.add(int(_read(pf).strip()))
        except (OSError, ValueError):
            pass
    for d in glob.glob("/proc/[0-9]*"):
        pid = int(d[6:])
        if _exe_of(pid).startswith(data_root):
            pids.add(pid)
    # All at once: kube-apiserver's graceful shutdown would otherwise add its whole grace period.
    victims = []
    for pid in sorted(pids):
        exe = _exe_of(pid)
        if not exe.startswith(data_root) or pid == os.getpid():
            continue
        info(f"Stopping leftover {os.path.basename(exe)} (pid {pid}) from an earlier start")
        try:
            os.kill(pid, signal.SIGTERM)
            victims.append(pid)
        except ProcessLookupError:
            pass
    deadline = time.time() + 10
    for pid in victims:
        if not _wait_gone(pid, max(0.0, deadline - time.time())):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _wait_gone(pid, 5)
    for pf in glob.glob(f"{RUN_DIR}/*.pid"):
        try:
            os.unlink(pf)
        except OSError:
            pass


class Child:
    def __init__(self, s: Settings, name: str, args: list[str]) -> None:
        self.s = s
        self.name = name
        self.args = args
        self.proc: subprocess.Popen[bytes] | None = None
        self.next_restart = 0.0

    def start(self) -> None:
        os.makedirs(self.s.logs_dir, exist_ok=True)
        os.makedirs(RUN_DIR, exist_ok=True)
        with open(os.path.join(self.s.logs_dir, f"{self.name}.log"), "ab") as logf:
            # Own session: systemd's stop (KillMode=process) signals rke2 only, as with RKE2's pods.
            # Without NOTIFY_SOCKET: etcd would otherwise notify systemd itself.
            env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
            self.proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                                         start_new_session=True, cwd="/", env=env)
        write_file(f"{RUN_DIR}/{self.name}.pid", f"{self.proc.pid}\n", 0o644)
        info(f"Running {self.name} (stand-in, pid {self.proc.pid}): {' '.join(self.args[:1] + [a for a in self.args[1:] if 'key' not in a])}")

    def check(self) -> None:
        """Restarts the child a few seconds after it died, as the kubelet restarts a static pod."""
        if self.proc is None or self.proc.poll() is None:
            return
        if self.next_restart == 0:
            error(f"{self.name} exited ({self.proc.returncode}); restarting it in {RETRY_SECONDS}s, see {self.s.logs_dir}/{self.name}.log")
            self.next_restart = time.time() + RETRY_SECONDS
        elif time.time() >= self.next_restart:
            self.next_restart = 0
            self.start()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


# ---------------------------------------------------------------------------------------------------
# Images: the "container images" are the real etcd and kube-apiserver binaries in a tar.gz.
# ---------------------------------------------------------------------------------------------------
IMAGE_MEMBERS = {"bin/etcd", "bin/etcdctl", "bin/kube-apiserver", "stand-in.txt"}


def extract_images(s: Settings) -> None:
    images_dir = os.path.join(s.data_dir, "agent", "images")
    archives = sorted(glob.glob(os.path.join(images_dir, "*.tar.gz")))
    wanted = os.path.join(images_dir, IMAGES_NAME)
    archive = wanted if os.path.exists(wanted) else (archives[0] if archives else "")
    if not archive:
        if glob.glob(os.path.join(images_dir, "*.tar.zst")):
            fatal(f"stand-in: only .tar.zst images in {images_dir}; the stand-in reads {IMAGES_NAME} (no zstd on the hosts)")
        fatal(f"stand-in: no images archive in {images_dir}: put {IMAGES_NAME} there (the air-gap install does)")
    h = hashlib.sha256()
    with open(archive, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    version_dir = os.path.dirname(s.bin_dir)
    stamp = os.path.join(version_dir, ".images-sha256")
    bins = [os.path.join(s.bin_dir, b) for b in ("etcd", "etcdctl", "kube-apiserver")]
    if os.path.exists(stamp) and _read(stamp).strip() == digest and all(os.access(b, os.X_OK) for b in bins):
        return
    info(f"Extracting the stand-in runtime images from {archive} into {s.bin_dir}")
    os.makedirs(version_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(dir=version_dir, prefix=".extract-")
    with tarfile.open(archive, "r:gz") as tar:
        for m in tar.getmembers():
            name = m.name[2:] if m.name.startswith("./") else m.name
            if name not in IMAGE_MEMBERS or not m.isfile():
                continue
            src = tar.extractfile(m)
            assert src is not None
            dest = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
            os.chmod(dest, 0o755 if name.startswith("bin/") else 0o644)
    missing = [b for b in ("etcd", "etcdctl", "kube-apiserver") if not os.path.exists(os.path.join(tmp, "bin", b))]
    if missing:
        subprocess.run(["rm", "-rf", tmp])
        fatal(f"stand-in: {archive} lacks bin/{', bin/'.join(missing)}")
    old = s.bin_dir + ".old"
    subprocess.run(["rm", "-rf", old])
    if os.path.exists(s.bin_dir):
        os.rename(s.bin_dir, old)
    os.rename(os.path.join(tmp, "bin"), s.bin_dir)
    subprocess.run(["rm", "-rf", tmp, old])
    write_file(stamp, digest + "\n")
    # RKE2 links <data-dir>/bin to the current runtime (kubectl, crictl live there; here etcdctl).
    link = os.path.join(s.data_dir, "bin")
    if os.path.islink(link) or not os.path.exists(link):
        tmp_link = link + ".tmp"
        if os.path.lexists(tmp_link):
            os.unlink(tmp_link)
        os.symlink(os.path.relpath(s.bin_dir, s.data_dir), tmp_link)
        os.replace(tmp_link, link)


# ---------------------------------------------------------------------------------------------------
# systemd notify.
# ---------------------------------------------------------------------------------------------------
def sd_notify(message: str) -> None:
    addr = os.environ.get("NOTIFY_SOCKET")
    if not addr:
        return
    if addr.startswith("@"):
        addr = "\0" + addr[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(addr)
            sock.sendall(message.encode())
    except OSError as e:
        warn(f"sd_notify failed: {e}")


# ---------------------------------------------------------------------------------------------------
# Supervisor: HTTPS on 9345.
# ---------------------------------------------------------------------------------------------------
class Supervisor:
    def __init__(self, s: Settings, token: Token, agent_secret: str) -> None:
        self.s = s
        self.token = token
        self.agent_secret = agent_secret
        self.etcd: Etcd | None = None
        self.kube: Kube | None = None  # set once the local API server is up
        self.httpd: ThreadingHTTPServer | None = None

    def start(self) -> None:
        sup = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "rke2-stand-in"

            def log_message(self, format: str, *args: Any) -> None:  # quiet, like RKE2
                pass

            def reply(self, code: int, body: bytes | str, ctype: str = "text/plain") -> None:
                data = body.encode() if isinstance(body, str) else body
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def user(self) -> tuple[str, str]:
                h = self.headers.get("Authorization", "")
                if not h.startswith("Basic "):
                    return "", ""
                try:
                    u, _, p = base64.b64decode(h[6:]).decode().partition(":")
                    return u, p
                except ValueError:
                    return "", ""

            def authorized(self, node: bool) -> bool:
                u, p = self.user()
                ok = u == "server" and secrets.compare_digest(p, sup.token.secret)
                if node:
                    ok = ok or (u == "node" and (secrets.compare_digest(p, sup.agent_secret) or secrets.compare_digest(p, sup.token.secret)))
                if not ok:
                    self.reply(401, "Unauthorized\n")
                return ok

            def do_GET(self) -> None:
                try:
                    path = urllib.parse.urlsplit(self.path).path
                    if path == "/ping":
                        self.reply(200, "pong")
                    elif path == "/cacerts":
                        self.reply(200, _read(f"{sup.s.tls}/server-ca.crt", binary=True))
                    elif path == "/v1-rke2/server-bootstrap":
                        if self.authorized(node=False):
                            self.reply(200, json.dumps(sup.bootstrap_data()), "application/json")
                    elif path == "/db/info":
                        # k3s pkg/etcd/etcd.go infoHandler: the member list a joining server reads.
                        if self.authorized(node=False):
                            if sup.etcd is None:
                                self.reply(500, "failed to get etcd MemberList: etcd not started\n")
                            else:
                                self.reply(200, json.dumps({"members": sup.etcd.members()}), "application/json")
                    elif path == "/v1-rke2/config":
                        if self.authorized(node=False):
                            self.reply(200, json.dumps(sup.s.critical_config()), "application/json")
                    elif path == "/v1-rke2/client/kubelet":
                        if self.authorized(node=True):
                            code, body = sup.kubelet_credentials(self.headers.get("RKE2-Node-Name", ""),
                                                                 self.headers.get("RKE2-Node-Password", ""))
                            self.reply(code, body, "application/json" if code == 200 else "text/plain")
                    else:
                        self.reply(404, "404 page not found\n")
                except Exception as e:
                    error(f"supervisor: {self.path}: {e}")
                    self.reply(500, f"{e}\n")

            def do_POST(self) -> None:
                try:
                    # No POST endpoint: a joiner adds its own etcd member (k3s ETCD.join).
                    length = int(self.headers.get("Content-Length") or 0)
                    if length:
                        self.rfile.read(length)
                    self.reply(404, "404 page not found\n")
                except Exception as e:
                    error(f"supervisor: {self.path}: {e}")
                    self.reply(500, f"{e}\n")

        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(f"{self.s.tls}/serving-supervisor.crt", f"{self.s.tls}/serving-supervisor.key")

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def get_request(self) -> tuple[socket.socket, Any]:
                sock, addr = self.socket.accept()
                # The handshake runs in the request's own thread, on the first read.
                return ctx.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), addr

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # TLS handshake errors from scanners, health checks without TLS: not worth a log line

        self.httpd = Server(("0.0.0.0", SUPERVISOR_PORT), Handler)
        threading.Thread(target=self.httpd.serve_forever, name="supervisor", daemon=True).start()
        info(f"Supervisor (stand-in) listening on https://0.0.0.0:{SUPERVISOR_PORT}")

    def bootstrap_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, rel in BOOTSTRAP_FILES.items():
            path = f"{self.s.tls}/{rel}"
            data[key] = {"timestamp": dt.datetime.fromtimestamp(os.path.getmtime(path), dt.timezone.utc).isoformat(),
                         "content": base64.b64encode(_read(path, binary=True)).decode()}
        # Stand-in: the cluster's critical config travels with the bootstrap data.
        data["StandInCriticalConfig"] = self.s.critical_config()
        return data

    def kubelet_credentials(self, node: str, password: str) -> tuple[int, str]:
        if not re.fullmatch(r"[a-z0-9]([-a-z0-9.]*[a-z0-9])?", node or ""):
            return 400, "RKE2-Node-Name header required\n"
        if self.kube is None:
            return 503, "apiserver not ready\n"
        if not verify_node_password(self.kube, node, password):
            return 403, NODE_PASSWORD_REJECTED + "\n"
        cert, key = issue_kubelet_client(self.s, node)
        servers = []
        code, ep = self.kube.request("GET", "/api/v1/namespaces/default/endpoints/kubernetes")
        if code == 200:
            for subset in ep.get("subsets", []):
                for a in subset.get("addresses", []):
                    servers.append(f"https://{_host(a['ip'])}:{API_PORT}")
        if not servers:
            servers = [f"https://{_host(self.s.node_ip)}:{API_PORT}"]
        return 200, json.dumps({
            "serverCA": _read(f"{self.s.tls}/server-ca.crt"),
            "clientCA": _read(f"{self.s.tls}/client-ca.crt"),
            "clientCert": cert,
            "clientKey": key,
            "apiServers": sorted(set(servers)),
        })


def _host(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


# ---------------------------------------------------------------------------------------------------
# Node controllers (servers). wrangler's OnRemove puts a finalizer "wrangler.cattle.io/<handler>"
# on every Node it sees (wrangler pkg/generic/remove.go) and drops it once the handler succeeded on
# a deleting Node. RKE2 runs two: k3s pkg/node/controller.go "node" (deletes the node-password
# Secret) and k3s pkg/etcd/member_controller.go "managed-etcd-controller" (removes the Node's etcd
# member, matched by name and peer address, RemovePeer). The latter's sync also honours
# etcd.rke2.cattle.io/remove=true. Plus a minimal node lifecycle: a Node whose heartbeat stopped
# turns Ready=Unknown after 40 s.
# ---------------------------------------------------------------------------------------------------
FINALIZER_NODE = "wrangler.cattle.io/node"
FINALIZER_ETCD = "wrangler.cattle.io/managed-etcd-controller"
ETCD_ROLE_LABEL = "node-role.kubernetes.io/etcd"
ANN_MEMBER = "etcd.rke2.cattle.io/node-name"
ANN_ADDRESS = "etcd.rke2.cattle.io/node-address"
ANN_REMOVE = "etcd.rke2.cattle.io/remove"
ANN_REMOVED = "etcd.rke2.cattle.io/removed-node-name"
MERGE = "application/merge-patch+json"


def member_controller(s: Settings, etcd: Etcd, kube: Kube, own_member: str, stop: threading.Event) -> None:
    while not stop.wait(CONTROLLER_SECONDS):
        try:
            code, nodes = kube.request("GET", "/api/v1/nodes")
            if code != 200:
                continue
            for n in nodes.get("items", []):
                try:
                    if n["metadata"].get("deletionTimestamp"):
                        finalize_node(etcd, kube, n)
                    else:
                        add_finalizers(kube, n)
                        removal_annotation(etcd, kube, n)
                except HttpError as e:
                    error(f"error syncing '{n['metadata']['name']}': {e}")
            mark_stale_nodes(kube, nodes.get("items", []))
        except Exception as e:
            warn(f"node controllers (stand-in): {e}")


def patch_node(kube: Kube, node: dict[str, Any], meta: dict[str, Any]) -> None:
    """A merge patch guarded by resourceVersion, as wrangler's Update is; a conflict waits for the next pass."""
    body = {"metadata": {**meta, "resourceVersion": node["metadata"]["resourceVersion"]}}
    code, resp = kube.request("PATCH", f"/api/v1/nodes/{node['metadata']['name']}", body, MERGE)
    if code >= 300 and code != 409:
        raise HttpError(f"updating node: {code} {_kmsg(resp)}", code)


def add_finalizers(kube: Kube, node: dict[str, Any]) -> None:
    have = node["metadata"].get("finalizers") or []
    missing = [f for f in (FINALIZER_NODE, FINALIZER_ETCD) if f not in have]
    if missing:
        patch_node(kube, node, {"finalizers": have + missing})


def remove_peer(etcd: Etcd, name: str, address: str) -> None:
    """k3s ETCD.RemovePeer: the member whose name and peer host both match; gone already is fine."""
    for m in etcd.members():
        if m.get("name") != name:
            continue
        if any(urllib.parse.urlsplit(u).hostname == address for u in m.get("peerURLs", [])):
            info(f"Removing name={name} id={m['ID']} address={address} from etcd")
            try:
                etcd.remove(str(m["ID"]))
            except HttpError as e:
                if "member not found" not in str(e):
                    raise
            return


def finalize_node(etcd: Etcd, kube: Kube, node: dict[str, Any]) -> None:
    meta = node["metadata"]
    name, ann = meta["name"], meta.get("annotations") or {}
    have = meta.get("finalizers") or []
    if FINALIZER_NODE in have:
        code, resp = kube.request("DELETE", f"/api/v1/namespaces/kube-system/secrets/{name}.node-password.rke2")
        if code >= 300 and code != 404:
            warn(f"Unable to remove node password: {code} {_kmsg(resp)}")
        patch_node(kube, node, {"finalizers": [f for f in have if f != FINALIZER_NODE]})
        return  # the next pass sees the new resourceVersion
    if FINALIZER_ETCD not in have:
        return
    if ETCD_ROLE_LABEL in (meta.get("labels") or {}):
        info(f"Removing etcd member {name} from cluster")
        if not (ann.get(ANN_REMOVE, "").lower() == "true" and ann.get(ANN_REMOVED)):
            if ANN_MEMBER not in ann:
                raise HttpError(f"node name annotation for node {name} not found")
            if ANN_ADDRESS not in ann:
                raise HttpError(f"node address annotation for node {name} not found")
            remove_peer(etcd, ann[ANN_MEMBER], ann[ANN_ADDRESS])
    patch_node(kube, node, {"finalizers": [f for f in have if f != FINALIZER_ETCD]})


def removal_annotation(etcd: Etcd, kube: Kube, node: dict[str, Any]) -> None:
    """k3s etcdMemberHandler.sync: etcd.rke2.cattle.io/remove=true removes the member and records it."""
    meta = node["metadata"]
    ann = meta.get("annotations") or {}
    if ETCD_ROLE_LABEL not in (meta.get("labels") or {}) or ANN_REMOVE not in ann:
        return
    if ANN_REMOVED in ann:
        if ANN_MEMBER in ann and ann[ANN_MEMBER] != ann[ANN_REMOVED]:
            info("Resetting removed node flag as removed node name (did not match current node name")
            patch_node(kube, node, {"annotations": {ANN_REMOVED: None, ANN_REMOVE: "false"}})
        return
    if ann[ANN_REMOVE].lower() != "true":
        return
    if ANN_MEMBER not in ann:
        raise HttpError(f"node name annotation for node {meta['name']} not found")
    if ANN_ADDRESS not in ann:
        raise HttpError(f"node address annotation for node {meta['name']} not found")
    remove_peer(etcd, ann[ANN_MEMBER], ann[ANN_ADDRESS])
    patch_node(kube, node, {"annotations": {ANN_REMOVED: ann[ANN_MEMBER], ANN_MEMBER: None, ANN_ADDRESS: None}})


# k3s pkg/etcd/etcd.go manageLearners / setEtcdStatusCondition: every 15 s the etcd leader promotes
# learners (etcd refuses a learner that has not caught up) and sets the EtcdIsVoter condition on
# each etcd Node, matched by its etcd.rke2.cattle.io/node-name annotation.
LEARNER_SECONDS = 15
ETCD_CONDITION_HEARTBEAT = 300
ETCD_CONDITIONS = {
    "learner": ("False", "MemberIsLearner", "Node has not been promoted to voting member of the etcd cluster"),
    "voter": ("True", "MemberNotLearner", "Node is a voting member of the etcd cluster"),
    "unhealthy": ("False", "Unhealthy", "Node is unhealthy"),
    "unjoined": ("False", "NotAMember", "Node is not a member of the etcd cluster"),
}


def manage_learners(s: Settings, etcd: Etcd, kube: Kube, stop: threading.Event) -> None:
    while not stop.wait(LEARNER_SECONDS):
        try:
            st = etcd.status()
            if str(st.get("header", {}).get("member_id")) != str(st.get("leader")):
                continue
            members = etcd.members()
            code, nodes = kube.request("GET", "/api/v1/nodes?labelSelector=node-role.kubernetes.io%2Fetcd%3Dtrue")
            items = nodes.get("items", []) if code == 200 and isinstance(nodes, dict) else []
            joined: set[str] = set()
            for m in members:
                state, message = "voter", ""
                if m.get("isLearner"):
                    state = "learner"  # as in k3s, a learner promoted now shows as a voter on the next pass
                    try:
                        etcd.promote(str(m["ID"]))
                        info(f"Promoted learner {m.get('name', '')}")
                    except HttpError as e:
                        info(f"Unable to promote learner {m.get('name', '')}: {e}")
                node = next((n for n in items if m.get("name") and (n["metadata"].get("annotations") or {}).get(
                    "etcd.rke2.cattle.io/node-name") == m.get("name")), None)
                if node is None:
                    continue
                joined.add(node["metadata"]["name"])
                urls = m.get("clientURLs") or []
                r = etcdctl(s, urls[:1], "endpoint", "status", timeout=2) if urls else None
                if r is None or r.returncode != 0:
                    state = "unhealthy"
                    message = "failed to check etcd member status: " + ((r.stderr.strip().splitlines() or [""])[-1] if r else "no client URL")
                set_etcd_condition(kube, node, state, message)
            for n in items:
                if n["metadata"]["name"] not in joined:
                    set_etcd_condition(kube, n, "unjoined", "")
        except Exception as e:
            error(f"Failed to manage etcd learners (stand-in): {e}")


def set_etcd_condition(kube: Kube, node: dict[str, Any], state: str, message: str) -> None:
    status, reason, default_message = ETCD_CONDITIONS[state]
    want = {"type": "EtcdIsVoter", "status": status, "reason": reason, "message": message or default_message}
    now = now_rfc3339()
    cur = next((c for c in node.get("status", {}).get("conditions") or [] if c.get("type") == "EtcdIsVoter"), None)
    if cur is not None and all(cur.get(k) == want[k] for k in ("status", "reason", "message")):
        try:
            if time.time() - parse_rfc3339(cur.get("lastHeartbeatTime", "")) < ETCD_CONDITION_HEARTBEAT:
                return
        except ValueError:
            pass
        want["lastTransitionTime"] = cur.get("lastTransitionTime", now)
    else:
        want["lastTransitionTime"] = now
    want["lastHeartbeatTime"] = now
    kube.request("PATCH", f"/api/v1/nodes/{node['metadata']['name']}/status", {"status": {"conditions": [want]}},
                 "application/strategic-merge-patch+json")


def mark_stale_nodes(kube: Kube, nodes: list[dict[str, Any]]) -> None:
    now = time.time()
    for n in nodes:
        for c in n.get("status", {}).get("conditions", []) or []:
            if c.get("type") != "Ready" or c.get("status") != "True":
                continue
            try:
                age = now - parse_rfc3339(c.get("lastHeartbeatTime", ""))
            except ValueError:
                continue
            if age > NODE_MONITOR_GRACE:
                cond = {**c, "status": "Unknown", "reason": "NodeStatusUnknown",
                        "message": "Kubelet stopped posting node status.", "lastTransitionTime": now_rfc3339()}
                kube.request("PATCH", f"/api/v1/nodes/{n['metadata']['name']}/status",
                             {"status": {"conditions": [cond]}}, "application/strategic-merge-patch+json")
                info(f"Node {n['metadata']['name']} stopped posting status for {int(age)}s: Ready=Unknown")


# ===================================================================================================
# helm-controller -- the STAND-IN's helm-controller (servers). Real RKE2 embeds k3s-io's
# helm-controller, which installs helm.cattle.io/v1 HelmCharts in kube-system by running a
# klipper-helm Job per chart. This one keeps that contract as seen through the API: the CRDs,
# the helmcharts.cattle.io/managed-by annotation, Job helm-install-<name> with its config hash
# (a new Job when the HelmChart, its HelmChartConfig or its values Secrets change), the Job's
# outcome and the HelmChart's status. There is no kubelet, so it plays the Job's Pod itself and
# runs real helm (bin/helm from the images, as klipper-helm's image carries it) the way
# klipper-helm's entry script does, as `helm template` for the pinned RKE2's Kubernetes; on
# success it applies the chart's CRDs and keeps the rendered stream (CONTRACT.md, helm-controller).
# Without helm in the images it decides each Job's outcome from the chart catalogue
# (share/rke2/helm-controller/charts.json, from test/rke2-stand-in/charts.json). One server acts
# at a time, holding a Lease. No finalizers: a deleted HelmChart's Job is deleted (no helm-delete Job).
# ===================================================================================================
HELM_NAMESPACE = "kube-system"
HELM_LEASE = "rke2-helm-controller-stand-in"
HELM_LEASE_SECONDS = 15
HELM_SYNC_SECONDS = 2
HELM_FIELD_MANAGER = "helm-controller"
# rke2 scripts/version.sh KLIPPERHELM_VERSION at v1.35.7+rke2r1 (helm v4.1.4 inside).
HELM_JOB_IMAGE = "rancher/klipper-helm:v0.13.3-build20260727"
HELM_MANAGED_BY = "helmcharts.cattle.io/managed-by"
HELM_CHART_LABEL = "helmcharts.helm.cattle.io/chart"
HELM_CONFIG_HASH = "helmcharts.helm.cattle.io/configHash"
HELM_API = f"/apis/helm.cattle.io/v1/namespaces/{HELM_NAMESPACE}"
JOBS_API = f"/apis/batch/v1/namespaces/{HELM_NAMESPACE}/jobs"
CRDS_API = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"


def helm_share_dir() -> str:
    """share/rke2/helm-controller beside bin/rke2, under /usr/local or /opt/rke2 alike."""
    return os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "share", "rke2", "helm-controller")


def now_micro() -> str:
    """A metav1.MicroTime, as Leases want it."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _subset(want: Any, have: Any) -> bool:
    """Whether `have` holds everything `want` says (the API server adds defaults of its own)."""
    if isinstance(want, dict):
        return isinstance(have, dict) and all(_subset(v, have.get(k)) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(have, list) and len(want) == len(have) and all(_subset(w, h) for w, h in zip(want, have))
    return want == have


def stand_in_crd(entry: dict[str, Any]) -> dict[str, Any]:
    """A catalogue CRD: right names, group, scope and version; spec and status kept as given."""
    plural, group = entry["crd"].split(".", 1)
    kind = entry["kind"]
    keep = {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": entry["crd"], "annotations": {"rke2.io/stand-in": "true"}},
        "spec": {
            "group": group,
            "names": {"kind": kind, "listKind": f"{kind}List", "plural": plural, "singular": kind.lower()},
            "scope": entry.get("scope", "Namespaced"),
            "versions": [{
                "name": entry["version"], "served": True, "storage": True,
                "subresources": {"status": {}},
                "schema": {"openAPIV3Schema": {"type": "object", "properties": {"spec": keep, "status": keep}}},
            }],
        },
    }


class HelmController:
    def __init__(self, kube: Kube, identity: str, crds: list[dict[str, Any]], catalogue: dict[str, Any]) -> None:
        self.kube = kube
        self.identity = identity
        self.crds = crds
        self.charts = catalogue.get("charts", [])
        self.mirrors: list[str] = catalogue.get("mirrors", [])
        self.leading = False
        # The Lease as last seen and when (by our own clock, as client-go's leader election does:
        # a holder that has not renewed for leaseDurationSeconds of our time has lost it).
        self.seen_record: tuple[Any, ...] | None = None
        self.seen_at = 0.0
        self.errors: dict[str, str] = {}
        # Set by load_helm_controller when the images carry helm: then charts are rendered.
        self.helm: str | None = None
        self.rendered_dir = os.path.join(DEFAULT_DATA_DIR, "server", "stand-in", "helm")
        self.ran_helm = False

    # --- API helpers: writes carry the controller's own field manager -------------------------
    def call(self, method: str, path: str, body: Any = None, ok: tuple[int, ...] = ()) -> tuple[int, Any]:
        if method != "GET":
            path += ("&" if "?" in path else "?") + f"fieldManager={HELM_FIELD_MANAGER}"
        code, resp = self.kube.request(method, path, body)
        if code >= 300 and code not in ok:
            raise HttpError(f"{method} {path.split('?')[0]}: {code} {_kmsg(resp)}", code)
        return code, resp

    def ensure_crd(self, crd: dict[str, Any]) -> bool:
        """Creates or updates a CRD; True once it is Established."""
        name = crd["metadata"]["name"]
        code, cur = self.call("GET", f"{CRDS_API}/{name}", ok=(404,))
        if code == 404:
            code, cur = self.call("POST", CRDS_API, crd, ok=(409,))
            if code == 409:
                return False
            info(f"Created CRD {name}")
        elif not _subset(crd["spec"], cur.get("spec")):
            body = {**crd, "metadata": {**crd["metadata"], "resourceVersion": cur["metadata"]["resourceVersion"]}}
            code, cur = self.call("PUT", f"{CRDS_API}/{name}", body, ok=(409,))
            if code == 409:
                return False
            info(f"Updated CRD {name}")
        return any(c.get("type") == "Established" and c.get("status") == "True"
                   for c in (cur.get("status") or {}).get("conditions") or [])

    def ensure_own_crds(self, wait: float = 10) -> None:
        """The HelmChart and HelmChartConfig CRDs, as RKE2 creates them at start."""
        deadline = time.time() + wait
        while True:
            pending = [c["metadata"]["name"] for c in self.crds if not self.ensure_crd(c)]
            if not pending:
                return
            if time.time() > deadline:
                raise HttpError(f"CRDs not established yet: {', '.join(pending)}")
            time.sleep(0.5)

    # --- leader election: a coordination.k8s.io/v1 Lease, guarded by resourceVersion ----------
    def try_lead(self) -> bool:
        path = f"/apis/coordination.k8s.io/v1/namespaces/{HELM_NAMESPACE}/leases/{HELM_LEASE}"
        now = now_micro()
        code, lease = self.call("GET", path, ok=(404,))
        if code == 404:
            body = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                    "metadata": {"name": HELM_LEASE, "namespace": HELM_NAMESPACE},
                    "spec": {"holderIdentity": self.identity, "leaseDurationSeconds": HELM_LEASE_SECONDS,
                             "acquireTime": now, "renewTime": now, "leaseTransitions": 0}}
            code, _ = self.call("POST", path.rsplit("/", 1)[0], body, ok=(409,))
            return self.set_leading(code < 300)
        spec = lease.get("spec") or {}
        holder = spec.get("holderIdentity") or ""
        record = (holder, spec.get("renewTime"), spec.get("acquireTime"))
        if record != self.seen_record:
            self.seen_record, self.seen_at = record, time.monotonic()
        duration = spec.get("leaseDurationSeconds") or HELM_LEASE_SECONDS
        if holder and holder != self.identity and time.monotonic() - self.seen_at < duration:
            return self.set_leading(False)
        new = {**spec, "holderIdentity": self.identity, "leaseDurationSeconds": HELM_LEASE_SECONDS, "renewTime": now}
        if holder != self.identity:
            new["acquireTime"] = now
            new["leaseTransitions"] = int(spec.get("leaseTransitions") or 0) + (1 if holder else 0)
            if holder:
                info(f"helm-controller lease kube-system/{HELM_LEASE}: {holder} did not renew it for {duration}s; taking it over")
        code, _ = self.call("PUT", path, {**lease, "spec": new}, ok=(409,))
        return self.set_leading(code < 300)

    def set_leading(self, leading: bool) -> bool:
        if leading and not self.leading:
            info(f"successfully acquired lease kube-system/{HELM_LEASE} (stand-in helm-controller runs on {self.identity})")
        elif self.leading and not leading:
            info(f"lost lease kube-system/{HELM_LEASE}: another server runs the stand-in helm-controller")
        self.leading = leading
        return leading

    # --- reconciling -----------------------------------------------------------------------------
    def sync(self) -> None:
        code, charts = self.call("GET", f"{HELM_API}/helmcharts", ok=(404,))
        if code == 404:
            return  # the CRD is not there (yet)
        _, configs = self.call("GET", f"{HELM_API}/helmchartconfigs", ok=(404,))
        _, jobs = self.call("GET", f"{JOBS_API}?labelSelector={urllib.parse.quote(HELM_CHART_LABEL)}")
        config_by_name = {c["metadata"]["name"]: c for c in (configs.get("items", []) if isinstance(configs, dict) else [])}
        job_by_name = {j["metadata"]["name"]: j for j in jobs.get("items", [])}
        names = set()
        self.ran_helm = False
        for chart in charts.get("items", []):
            name = chart["metadata"]["name"]
            names.add(name)
            try:
                self.reconcile(chart, config_by_name.get(name), job_by_name.get(f"helm-install-{name}"))
                self.errors.pop(name, None)
            except (HttpError, OSError, ValueError, subprocess.SubprocessError) as e:  # one chart's trouble stays its own
                if self.errors.get(name) != str(e):  # once per distinct error, not every pass
                    warn(f"error syncing 'kube-system/{name}': handler helm-controller-chart-registration: {e}, requeuing")
                self.errors[name] = str(e)
        self.finish_deleted_pods()
        for job in job_by_name.values():
            chart = (job["metadata"].get("labels") or {}).get(HELM_CHART_LABEL, "")
            if job["metadata"]["name"] == f"helm-install-{chart}" and chart not in names and not job["metadata"].get("deletionTimestamp"):
                info(f"HelmChart kube-system/{chart} was deleted: deleting Job kube-system/{job['metadata']['name']} (stand-in: no helm-delete Job)")
                self.call("DELETE", f"{JOBS_API}/{job['metadata']['name']}?propagationPolicy=Background", ok=(404,))
                self.delete_job_pods(job["metadata"]["name"])
                self.call("DELETE", f"/api/v1/namespaces/{HELM_NAMESPACE}/secrets/stand-in-rendered-{chart}", ok=(404,))

    def values_secrets(self, spec: dict[str, Any]) -> tuple[list[Any], list[str]]:
        """What of spec.valuesSecrets goes into the hash, and what is missing (the Job fails on it)."""
        hashed: list[Any] = []
        missing: list[str] = []
        for ref in spec.get("valuesSecrets") or []:
            name = ref.get("name", "")
            code, sec = self.call("GET", f"/api/v1/namespaces/{HELM_NAMESPACE}/secrets/{name}", ok=(404,))
            if code == 404:
                missing.append(f'secrets "{name}" not found')
                continue
            data = sec.get("data") or {}
            keys = ref.get("keys") or sorted(data)
            for k in keys:
                if k not in data:
                    missing.append(f'secret "{name}" has no key "{k}"')
            # ignoreUpdates: the Secret's content changing does not reinstall the chart.
            hashed.append([name, None if ref.get("ignoreUpdates") else {k: data.get(k) for k in keys}])
        return hashed, missing

    def job_for(self, chart: dict[str, Any], failure_policy: str, config_hash: str) -> dict[str, Any]:
        meta, spec = chart["metadata"], chart.get("spec") or {}
        name = meta["name"]
        env = {
            "NAME": name, "VERSION": spec.get("version", ""), "REPO": spec.get("repo", ""), "HELM_DRIVER": "secret",
            "CHART_NAMESPACE": HELM_NAMESPACE, "CHART": spec.get("chart", ""), "HELM_VERSION": spec.get("helmVersion", ""),
            "TARGET_NAMESPACE": spec.get("targetNamespace") or HELM_NAMESPACE, "FAILURE_POLICY": failure_policy,
            "CREATE_NAMESPACE": "true" if spec.get("createNamespace") else "false", "TIMEOUT": spec.get("timeout", ""),
        }
        pod: dict[str, Any] = {
            "restartPolicy": "OnFailure",
            "containers": [{"name": "helm", "image": spec.get("jobImage") or HELM_JOB_IMAGE, "args": ["install"],
                            "env": [{"name": k, "value": v} for k, v in env.items()]}],
        }
        if spec.get("bootstrap"):
            # Bootstrap charts (the CNI) run before the cluster network exists: host network, on servers.
            pod.update({"hostNetwork": True, "nodeSelector": {"node-role.kubernetes.io/control-plane": "true"},
                        "tolerations": [{"operator": "Exists"}]})
        labels = {HELM_CHART_LABEL: name}
        return {
            "apiVersion": "batch/v1", "kind": "Job",
            "metadata": {
                "name": f"helm-install-{name}", "namespace": HELM_NAMESPACE, "labels": labels,
                "annotations": {HELM_CONFIG_HASH: f"SHA256={config_hash}", "rke2.io/stand-in": "true"},
                "ownerReferences": [{"apiVersion": "helm.cattle.io/v1", "kind": "HelmChart", "name": name,
                                     "uid": meta["uid"], "controller": True}],
            },
            "spec": {"backoffLimit": spec.get("backOffLimit", 1000), "template": {"metadata": {"labels": labels}, "spec": pod}},
        }

    def reconcile(self, chart: dict[str, Any], config: dict[str, Any] | None, job: dict[str, Any] | None) -> None:
        meta = chart["metadata"]
        name = meta["name"]
        if meta.get("deletionTimestamp"):
            return
        if HELM_MANAGED_BY not in (meta.get("annotations") or {}):
            meta["annotations"] = {**(meta.get("annotations") or {}), HELM_MANAGED_BY: "helm-controller"}
            code, chart = self.call("PUT", f"{HELM_API}/helmcharts/{name}", chart, ok=(409,))
            if code == 409:
                return  # changed meanwhile: the next pass
            meta = chart["metadata"]
        spec = chart.get("spec") or {}
        cspec = (config or {}).get("spec") or {}
        failure_policy = cspec.get("failurePolicy") or spec.get("failurePolicy") or "reinstall"
        hashed, missing = self.values_secrets(spec)
        if cspec:
            hashed.append(["HelmChartConfig", cspec])
            more, more_missing = self.values_secrets(cspec)
            hashed += more
            missing += more_missing
        digest = hashlib.sha256(json.dumps([spec, hashed], sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        job_name = f"helm-install-{name}"
        if job is not None and not job["metadata"].get("deletionTimestamp"):
            same = (job["metadata"].get("annotations") or {}).get(HELM_CONFIG_HASH) == f"SHA256={digest}"
            owned = any(o.get("uid") == meta["uid"] for o in job["metadata"].get("ownerReferences") or [])
            if not (same and owned):
                info(f"HelmChart kube-system/{name} changed: replacing Job kube-system/{job_name}")
                self.call("DELETE", f"{JOBS_API}/{job_name}?propagationPolicy=Background", ok=(404,))
                self.delete_job_pods(job_name)
                job = None
        elif job is not None:
            return  # still going away
        if job is None:
            code, job = self.call("POST", JOBS_API, self.job_for(chart, failure_policy, digest), ok=(409,))
            if code == 409:
                return
            info(f"Applying HelmChart using Job kube-system/{job_name}")
        elif self.helm:
            self.attempt(chart, config, job)
        else:
            self.finish_job(chart, job, missing)
        self.update_status(chart, job, failure_policy)

    # --- the Job's outcome, decided by the stand-in instead of helm -----------------------------
    def install(self, spec: dict[str, Any], missing: list[str]) -> tuple[str, str]:
        """("succeeded" | "failed" | "running", helm's error). Running while the CRDs settle."""
        if missing:
            return "failed", f"Error: {missing[0]}"
        entry: dict[str, Any] | None = {"crds": []}
        if not spec.get("chartContent"):
            entry, err = self.lookup(spec)
            if entry is None:
                return "failed", err
        ns = spec.get("targetNamespace") or HELM_NAMESPACE
        if spec.get("createNamespace"):
            code, _ = self.call("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}, ok=(409,))
            if code < 300:
                info(f"Created namespace {ns} for HelmChart (createNamespace)")
        pending = [c["crd"] for c in entry["crds"] if not self.ensure_crd(stand_in_crd(c))]
        return ("running", "") if pending else ("succeeded", "")

    def lookup(self, spec: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
        repo, chart, version = spec.get("repo") or "", spec.get("chart") or "", spec.get("version") or ""
        if not repo:
            if "/" not in chart:
                return None, f"Error: INSTALLATION FAILED: non-absolute URLs should be in form of repo_name/path_to_chart, got: {chart}"
            return None, f"Error: INSTALLATION FAILED: repo {chart.split('/')[0]} not found"
        mirrored = repo.rstrip("/") in [m.rstrip("/") for m in self.mirrors]
        in_repo = [c for c in self.charts if mirrored or c["repo"].rstrip("/") == repo.rstrip("/")]
        if not in_repo:
            return None, (f'Error: looks like "{repo}" is not a valid chart repository or cannot be reached: '
                          f"failed to fetch {repo.rstrip('/')}/index.yaml : 404 Not Found")
        entry = next((c for c in in_repo if c["chart"] == chart), None)
        if entry is None:
            return None, f'Error: chart "{chart}" not found in {repo} repository'
        if version and version.lstrip("v") not in [v.lstrip("v") for v in entry["versions"]]:
            return None, f'Error: chart "{chart}" version "{version}" not found in {repo} repository'
        return entry, ""

    def finish_job(self, chart: dict[str, Any], job: dict[str, Any], missing: list[str]) -> None:
        status = job.get("status") or {}
        if any(c.get("status") == "True" and c.get("type") in ("Complete", "Failed") for c in status.get("conditions") or []):
            return
        outcome, message = self.install(chart.get("spec") or {}, missing)
        if outcome == "running":
            return
        now = now_rfc3339()
        new: dict[str, Any] = {"startTime": status.get("startTime") or job["metadata"].get("creationTimestamp") or now}
        job_ref = f"kube-system/{job['metadata']['name']}"
        if outcome == "succeeded":
            new.update({"completionTime": now, "succeeded": 1, "conditions": [
                {"type": "Complete", "status": "True", "lastProbeTime": now, "lastTransitionTime": now}]})
        else:
            new.update({"failed": 1, "conditions": [
                {"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded", "message": message,
                 "lastProbeTime": now, "lastTransitionTime": now}]})
        body = {**job, "apiVersion": "batch/v1", "kind": "Job", "status": new}
        code, resp = self.call("PUT", f"{JOBS_API}/{job['metadata']['name']}/status", body, ok=(409,))
        if code == 409:
            return
        job.clear()
        job.update(resp)
        if outcome == "succeeded":
            info(f"Job {job_ref} completed: HelmChart kube-system/{chart['metadata']['name']} installed (stand-in, no helm ran)")
        else:
            error(f"Job {job_ref} failed: {message}")

    # --- with helm: each attempt is what klipper-helm's entry script runs, as `helm template` ----
    # The stand-in has no kubelet: the controller plays the Job's one Pod (restartPolicy OnFailure,
    # so a failed attempt restarts the container in the same Pod with the kubelet's back-off) and
    # runs helm itself on the server it leads from. The API server is 1.20, so nothing rendered is
    # applied except the chart's CRDs.
    def raw(self, method: str, path: str, data: bytes, content_type: str) -> tuple[int, Any]:
        """A request with a body as is (YAML for server-side apply), over the same servers and certificates."""
        last: Exception | None = None
        for base in list(self.kube.servers):
            req = urllib.request.Request(base + path, data=data, method=method,
                                         headers={"Content-Type": content_type, "Accept": "application/json"})
            try:
                with urllib.request.urlopen(req, context=self.kube.ctx, timeout=30) as resp:
                    return resp.status, json.loads(resp.read())
            except urllib.error.HTTPError as e:
                raw = e.read()
                try:
                    return e.code, json.loads(raw)
                except ValueError:
                    return e.code, raw.decode(errors="replace")
            except OSError as e:
                last = e
        raise HttpError(f"{method} {path.split('?')[0]}: {last}")

    def job_pods(self, job: dict[str, Any]) -> list[dict[str, Any]]:
        sel = urllib.parse.quote(f"controller-uid={job['metadata']['uid']}")
        _, pods = self.call("GET", f"/api/v1/namespaces/{HELM_NAMESPACE}/pods?labelSelector={sel}")
        return [p for p in pods.get("items", []) if not p["metadata"].get("deletionTimestamp")]

    def delete_job_pods(self, job_name: str) -> None:
        """No garbage collector runs here: the Job's Pods go with it."""
        sel = urllib.parse.quote(f"job-name={job_name}")
        _, pods = self.call("GET", f"/api/v1/namespaces/{HELM_NAMESPACE}/pods?labelSelector={sel}")
        for p in pods.get("items", []):
            self.remove_pod(p["metadata"]["name"])

    def remove_pod(self, name: str) -> None:
        """Deleted at once: as the kubelet, the stand-in confirms a Pod's deletion (grace period 0)
        once its container is gone, and it has none that runs."""
        self.call("DELETE", f"/api/v1/namespaces/{HELM_NAMESPACE}/pods/{name}?gracePeriodSeconds=0", ok=(404,))

    def finish_deleted_pods(self) -> None:
        """Job Pods someone deleted (a drain, kubectl) would wait for a kubelet for ever otherwise."""
        sel = urllib.parse.quote(HELM_CHART_LABEL)
        _, pods = self.call("GET", f"/api/v1/namespaces/{HELM_NAMESPACE}/pods?labelSelector={sel}")
        for p in pods.get("items", []):
            if p["metadata"].get("deletionTimestamp"):
                self.remove_pod(p["metadata"]["name"])

    def create_pod(self, chart: dict[str, Any], job: dict[str, Any]) -> dict[str, Any]:
        name, uid = job["metadata"]["name"], job["metadata"]["uid"]
        sa = f"helm-{chart['metadata']['name']}"
        self.call("POST", f"/api/v1/namespaces/{HELM_NAMESPACE}/serviceaccounts",
                  {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": sa, "namespace": HELM_NAMESPACE}}, ok=(409,))
        template = job["spec"]["template"]
        labels = {**(template.get("metadata") or {}).get("labels", {}), "controller-uid": uid, "job-name": name}
        # No token controller runs here, so no token is mounted (the real Pod gets one).
        spec = {**template["spec"], "serviceAccountName": sa, "automountServiceAccountToken": False, "nodeName": self.identity}
        body = {"apiVersion": "v1", "kind": "Pod",
                "metadata": {"generateName": f"{name}-", "namespace": HELM_NAMESPACE, "labels": labels,
                             "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job", "name": name, "uid": uid,
                                                  "controller": True, "blockOwnerDeletion": True}]},
                "spec": spec}
        _, pod = self.call("POST", f"/api/v1/namespaces/{HELM_NAMESPACE}/pods", body)
        info(f"Created pod {pod['metadata']['name']} for Job kube-system/{name} on {self.identity}")
        return pod

    def values_files(self, chart: dict[str, Any], config: dict[str, Any] | None, workdir: str) -> tuple[list[str], str]:
        """The Job's /config/*.yaml, named as chart.go's setValuesSecret/valuesSecretAddConfig name
        them (helm gets them in that order); or the kubelet's mount error."""
        os.makedirs(os.path.join(workdir, "config"), exist_ok=True)
        files: list[str] = []

        def add(fname: str, text: bytes) -> None:
            path = os.path.join(workdir, "config", fname)
            with open(path, "wb") as fh:
                fh.write(text)
            files.append(path)
        for idx, kind, obj in ((0, "HelmChart", chart), (1, "HelmChartConfig", config)):
            spec = (obj or {}).get("spec") or {}
            if spec.get("valuesContent"):
                add(f"values-{idx}-000-{kind}-ValuesContent.yaml", spec["valuesContent"].encode())
            if spec.get("values"):
                add(f"values-{idx}-001-{kind}-Values.yaml", json.dumps(spec["values"]).encode())
            items = 1
            for ref in spec.get("valuesSecrets") or []:
                sname, keys = ref.get("name", ""), ref.get("keys") or []
                if not keys or sname == f"chart-values-{obj['metadata']['name']}":
                    continue  # as chart.go: no keys, nothing projected
                code, sec = self.call("GET", f"/api/v1/namespaces/{HELM_NAMESPACE}/secrets/{sname}", ok=(404,))
                data = (sec.get("data") or {}) if code < 300 else None
                for key in keys:
                    items += 1
                    if data is None or key not in data:
                        if ref.get("ignoreUpdates"):
                            continue  # projected with optional: true
                        return files, (f'secret "{sname}" not found' if data is None
                                       else f"references non-existent secret key: {key}")
                    add(f"values-{idx}-{items:03d}-{kind}-ValuesSecret.yaml", base64.b64decode(data[key]))
        return files, ""

    def helm_template(self, chart: dict[str, Any], files: list[str], workdir: str) -> tuple[bool, str, str]:
        """(ok, rendered, log): entry's helm_repo_init and install, rendered for the pinned RKE2's
        Kubernetes (not the lab's 1.20 API server), with the CRDs."""
        name, spec = chart["metadata"]["name"], chart.get("spec") or {}
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": workdir, "HELM_CACHE_HOME": f"{workdir}/.cache",
               "HELM_CONFIG_HOME": f"{workdir}/.config", "HELM_DATA_HOME": f"{workdir}/.helm"}
        # chart.go setProxyEnv: the controller's own proxy settings go into the Job.
        env.update({k: v for k, v in os.environ.items() if k.lower() in ("all_proxy", "http_proxy", "https_proxy", "no_proxy")})
        log: list[str] = []

        def helm(*args: str) -> subprocess.CompletedProcess[str]:
            r = subprocess.run([self.helm or "helm", *args], env=env, capture_output=True, text=True, timeout=HELM_RUN_SECONDS)
            log.append(f"+ helm {' '.join(args)}\n" + (r.stdout if args[0] != "template" else "") + r.stderr)
            return r
        ref = spec.get("chart") or ""
        if spec.get("chartContent"):
            ref = os.path.join(workdir, f"{name}.tgz")
            with open(ref, "wb") as fh:
                fh.write(base64.b64decode(spec["chartContent"]))
        if spec.get("repo") and not re.search(r"https?://", ref):
            for step in (("repo", "add", name, spec["repo"]), ("repo", "update")):
                if helm(*step).returncode != 0:
                    return False, "", "".join(log)
            if not spec.get("chartContent"):
                ref = f"{name}/{ref}"
        args = ["template", name, ref, "--namespace", spec.get("targetNamespace") or HELM_NAMESPACE,
                "--kube-version", HELM_KUBE_VERSION, "--include-crds"]
        if spec.get("createNamespace"):
            args.append("--create-namespace")
        if spec.get("version"):
            args += ["--version", spec["version"]]
        for k in sorted(spec.get("set") or {}):
            v = spec["set"][k]
            typed = isinstance(v, int) or str(v).lower() in ("true", "false", "null")
            if not typed:  # chart.go escapeComma: an unescaped comma gets a backslash
                v = re.sub(r"\\*,", lambda m: m.group(0) if len(m.group(0)) % 2 == 0 else "\\" + m.group(0), str(v))
            args += ["--set" if typed else "--set-string", f"{k}={v}"]
        for f in files:
            args += ["--values", f]
        r = helm(*args)
        return r.returncode == 0, r.stdout if r.returncode == 0 else "", "".join(log)

    def attempt(self, chart: dict[str, Any], config: dict[str, Any] | None, job: dict[str, Any]) -> None:
        """One pass over the Job: start its Pod, or run the next attempt once the back-off is over."""
        status = job.get("status") or {}
        if any(c.get("status") == "True" and c.get("type") in ("Complete", "Failed") for c in status.get("conditions") or []):
            return
        pods = self.job_pods(job)
        pod = pods[0] if pods else self.create_pod(chart, job)
        cs = ((pod.get("status") or {}).get("containerStatuses") or [{}])[0]
        restarts = int(cs.get("restartCount") or 0)
        last = (cs.get("lastState") or {}).get("terminated")
        if last and time.time() < parse_rfc3339(last["finishedAt"]) + helm_backoff(restarts):
            return  # CrashLoopBackOff
        if restarts >= int(job["spec"].get("backoffLimit", 1000)):
            return self.job_status(job, "Failed", pod)
        if self.ran_helm:
            return  # one helm run per pass: the Lease is renewed between passes
        self.ran_helm = True
        workdir = tempfile.mkdtemp(prefix=f"helm-{chart['metadata']['name']}-")
        try:
            files, mount_error = self.values_files(chart, config, workdir)
            if mount_error:
                return self.pod_pending(pod, job, mount_error)
            started = now_rfc3339()
            ok, rendered, log = self.helm_template(chart, files, workdir)
        except subprocess.TimeoutExpired:
            ok, rendered, log, started = False, "", f"helm did not finish in {HELM_RUN_SECONDS}s\n", now_rfc3339()
        finally:
            subprocess.run(["rm", "-rf", workdir])
        try:
            if ok and not self.install_rendered(chart, rendered):
                return  # the CRDs are not Established yet: the next pass
        except HttpError as e:  # helm install fails when its CRDs cannot be created
            ok, log = False, log + f"Error: INSTALLATION FAILED: failed to install CRD: {e}\n"
        self.pod_log(pod, restarts, log)
        self.pod_ran(pod, job, restarts, ok, started)
        self.job_status(job, "Complete" if ok else "Running", pod)
        if ok:
            info(f"Job kube-system/{job['metadata']['name']} completed: HelmChart kube-system/{chart['metadata']['name']} rendered by helm")
        else:
            # helm's message may quote values (secret ones too): it stays in the Pod's log.
            m = pod["metadata"]
            error(f"Job kube-system/{job['metadata']['name']}: helm failed (attempt {restarts + 1}); its log: "
                  f"/var/log/pods/{m['namespace']}_{m['name']}_{m['uid']}/helm/{restarts}.log")

    def install_rendered(self, chart: dict[str, Any], rendered: str) -> bool:
        """The chart's CRDs (helm's own documents), the target namespace (createNamespace), and the
        rendered stream kept for tests; True once the CRDs are Established."""
        spec, name = chart.get("spec") or {}, chart["metadata"]["name"]
        if spec.get("createNamespace"):
            ns = spec.get("targetNamespace") or HELM_NAMESPACE
            code, _ = self.call("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}, ok=(409,))
            if code < 300:
                info(f"Created namespace {ns} for HelmChart (createNamespace)")
        established = True
        for doc in yaml_documents(rendered):
            if not re.search(r"^kind:\s*CustomResourceDefinition\s*$", doc, re.M):
                continue
            crd = load_yaml(doc)
            if crd is not None:
                # Create or update as JSON: the 1.20 API server drops the fields it does not know
                # (CEL x-kubernetes-validations), where server-side apply would refuse them.
                established = self.ensure_crd_on_lab_api(crd) and established
                continue
            m = re.search(r"^metadata:\s*\n(?:[ \t]+.*\n|\s*\n)*?[ \t]+name:\s*['\"]?([^'\"\s]+)", doc, re.M)
            if not m:
                continue
            path = f"{CRDS_API}/{m.group(1)}?fieldManager={HELM_FIELD_MANAGER}&force=true"
            code, cur = self.raw("PATCH", path, doc.encode(), "application/apply-patch+yaml")
            if code >= 300:
                raise HttpError(f"applying CRD {m.group(1)}: {code} {_kmsg(cur)}", code)
            established = established and any(c.get("type") == "Established" and c.get("status") == "True"
                                               for c in (cur.get("status") or {}).get("conditions") or [])
        if established:
            self.keep_rendered(name, rendered)
        return established

    def ensure_crd_on_lab_api(self, crd: dict[str, Any]) -> bool:
        """ensure_crd, for a chart's real CRD. The lab's API server is kube-apiserver 1.20, older than
        the 1.35 RKE2 v1.35.7 runs: it refuses some schemas 1.35 accepts (kube-prometheus-stack's
        AlertmanagerConfig: `default: ""` reported as "null"). Such a CRD is installed with an open
        schema (names, scope and versions kept) and the refusal logged: a lab limitation, not RKE2's
        behaviour (CONTRACT.md, helm-controller section)."""
        try:
            return self.ensure_crd(crd)
        except HttpError as e:
            if e.status != 422:
                raise
            name = crd["metadata"]["name"]
            warn(f"CRD {name}: the lab's kube-apiserver 1.20 refuses its schema ({str(e)[:300]}); "
                 "installed with an open schema instead (stand-in limitation)")
            keep = {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
            versions = [{**v, "schema": {"openAPIV3Schema": keep}} for v in crd["spec"].get("versions", [])]
            return self.ensure_crd({**crd, "spec": {**crd["spec"], "versions": versions}})

    def keep_rendered(self, name: str, rendered: str) -> None:
        """On this server's disk (0600) and as a Secret (rendered charts hold secret values: never a ConfigMap)."""
        import gzip
        d = os.path.join(self.rendered_dir, name)
        os.makedirs(d, mode=0o700, exist_ok=True)
        write_file(os.path.join(d, "rendered.yaml"), rendered, 0o600)
        packed = base64.b64encode(gzip.compress(rendered.encode(), mtime=0)).decode()
        body = {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                "metadata": {"name": f"stand-in-rendered-{name}", "namespace": HELM_NAMESPACE,
                             "labels": {HELM_CHART_LABEL: name, "rke2.io/stand-in": "true"}},
                "data": {"rendered.yaml.gz": packed}}
        code, _ = self.call("PUT", f"/api/v1/namespaces/{HELM_NAMESPACE}/secrets/stand-in-rendered-{name}", body, ok=(404,))
        if code == 404:
            self.call("POST", f"/api/v1/namespaces/{HELM_NAMESPACE}/secrets", body)

    def pod_log(self, pod: dict[str, Any], restarts: int, log: str) -> None:
        """The container's log where the kubelet keeps it (CRI format), on this node."""
        m = pod["metadata"]
        d = os.path.join("/var/log/pods", f"{m['namespace']}_{m['name']}_{m['uid']}", "helm")
        os.makedirs(d, exist_ok=True)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f000Z")
        write_file(os.path.join(d, f"{restarts}.log"), "".join(f"{stamp} stderr F {line}\n" for line in log.splitlines()), 0o640)

    def pod_ran(self, pod: dict[str, Any], job: dict[str, Any], restarts: int, ok: bool, started: str) -> None:
        now = now_rfc3339()
        container = pod["spec"]["containers"][0]
        # entry writes "Installing helm chart" to /dev/termination-log before it runs helm (the
        # Job's container keeps the default terminationMessagePolicy File): helm's error is in the log.
        term = {"exitCode": 0 if ok else 1, "reason": "Completed" if ok else "Error",
                "message": "Installing helm chart\n", "startedAt": started, "finishedAt": now}
        cs: dict[str, Any] = {"name": container["name"], "image": container["image"], "imageID": "", "ready": False,
                              "started": False, "restartCount": restarts if ok else restarts + 1}
        if ok:
            cs["state"] = {"terminated": term}
            phase = "Succeeded"
        else:
            back = helm_backoff(restarts + 1)
            cs["state"] = {"waiting": {"reason": "CrashLoopBackOff", "message":
                           f"back-off {back}s restarting failed container=helm pod={pod['metadata']['name']}_{HELM_NAMESPACE}({pod['metadata']['uid']})"}} \
                if back else {"running": {"startedAt": now}}
            cs["lastState"] = {"terminated": term}
            phase = "Running"
        self.put_pod_status(pod, {"phase": phase, "startTime": (pod.get("status") or {}).get("startTime") or started,
                                  "containerStatuses": [cs]})

    def pod_pending(self, pod: dict[str, Any], job: dict[str, Any], mount_error: str) -> None:
        """A values Secret or key that is not there: the kubelet cannot mount /config, the Pod waits."""
        cs = ((pod.get("status") or {}).get("containerStatuses") or [{}])[0]
        if (cs.get("state") or {}).get("waiting", {}).get("reason") == "ContainerCreating":
            return
        container = pod["spec"]["containers"][0]
        self.put_pod_status(pod, {"phase": "Pending", "containerStatuses": [
            {"name": container["name"], "image": container["image"], "imageID": "", "ready": False, "started": False,
             "restartCount": int(cs.get("restartCount") or 0), "state": {"waiting": {"reason": "ContainerCreating"}}}]})
        now = now_rfc3339()
        self.call("POST", f"/api/v1/namespaces/{HELM_NAMESPACE}/events", {
            "apiVersion": "v1", "kind": "Event",
            "metadata": {"generateName": f"{pod['metadata']['name']}.", "namespace": HELM_NAMESPACE},
            "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": pod["metadata"]["name"],
                               "namespace": HELM_NAMESPACE, "uid": pod["metadata"]["uid"]},
            "reason": "FailedMount", "type": "Warning", "count": 1, "firstTimestamp": now, "lastTimestamp": now,
            "message": f'MountVolume.SetUp failed for volume "values" : {mount_error}',
            "source": {"component": "kubelet", "host": self.identity}}, ok=(409,))
        self.job_status(job, "Running", pod)
        warn(f"Pod kube-system/{pod['metadata']['name']}: {mount_error}")

    def put_pod_status(self, pod: dict[str, Any], status: dict[str, Any]) -> None:
        body = {**pod, "apiVersion": "v1", "kind": "Pod", "status": {**(pod.get("status") or {}), **status}}
        self.call("PUT", f"/api/v1/namespaces/{HELM_NAMESPACE}/pods/{pod['metadata']['name']}/status", body, ok=(409,))

    def job_status(self, job: dict[str, Any], state: str, pod: dict[str, Any]) -> None:
        """As the job controller counts a restartPolicy OnFailure Job: restarts are not failed Pods."""
        status = job.get("status") or {}
        now = now_rfc3339()
        new: dict[str, Any] = {"startTime": status.get("startTime") or now}
        if state == "Complete":
            new.update({"succeeded": 1, "completionTime": now, "conditions": [
                {"type": "Complete", "status": "True", "lastProbeTime": now, "lastTransitionTime": now}]})
        elif state == "Failed":
            self.remove_pod(pod["metadata"]["name"])
            new.update({"failed": 1, "conditions": [
                {"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded",
                 "message": "Job has reached the specified backoff limit", "lastProbeTime": now, "lastTransitionTime": now}]})
        else:
            new["active"] = 1
        if state == "Running" and status.get("active") == 1 and status.get("startTime"):
            return
        body = {**job, "apiVersion": "batch/v1", "kind": "Job", "status": new}
        code, resp = self.call("PUT", f"{JOBS_API}/{job['metadata']['name']}/status", body, ok=(409,))
        if code < 300:
            job.clear()
            job.update(resp)

    def update_status(self, chart: dict[str, Any], job: dict[str, Any], failure_policy: str) -> None:
        name = chart["metadata"]["name"]
        job_name = f"helm-install-{name}"
        failed = next((c for c in (job.get("status") or {}).get("conditions") or []
                       if c.get("type") == "Failed" and c.get("status") == "True"), None)
        abort = failed is not None and failure_policy == "abort"
        want = {
            "jobName": job_name,
            "conditions": [
                {"type": "JobCreated", "status": "True", "reason": "Job created",
                 "message": f"Applying HelmChart using Job kube-system/{job_name}"},
                # As wrangler's conditions: reason and message are left out while empty.
                {"type": "Failed", "status": "True", "reason": "Job failed", "message": (failed or {}).get("message", "")}
                if abort else {"type": "Failed", "status": "False"},
            ],
        }
        if chart.get("status") == want:
            return
        body = {**chart, "apiVersion": "helm.cattle.io/v1", "kind": "HelmChart", "status": want}
        self.call("PUT", f"{HELM_API}/helmcharts/{name}/status", body, ok=(409,))


HELM_RUN_SECONDS = 300
# The Kubernetes version the pinned RKE2 runs (v1.35.7+rke2r1 -> 1.35.7): what charts are rendered for.
HELM_KUBE_VERSION = VERSION.lstrip("v").split("+")[0]


def helm_backoff(failures: int) -> int:
    """The kubelet's wait before restarting a container that failed `failures` times: at once
    after the first, then 10 s, doubling, at most 5 min (CrashLoopBackOff)."""
    return 0 if failures <= 1 else min(10 * 2 ** (failures - 2), 300)


def load_yaml(doc: str) -> dict[str, Any] | None:
    """One YAML document as JSON-ready data, with python3-yaml (the lab's hosts have it); None
    without it."""
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        return None

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        pass
    # YAML 1.1's `=` "value" type is no Kubernetes type: a bare `=` (in a CRD's enum) is a string.
    Loader.yaml_implicit_resolvers = {k: [(t, rx) for t, rx in v if t != "tag:yaml.org,2002:value"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    try:
        data = yaml.load(doc, Loader=Loader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        raise HttpError(f"cannot read a rendered document: {e}") from e
    return json.loads(json.dumps(data, default=str)) if isinstance(data, dict) else None


def yaml_documents(stream: str) -> list[str]:
    """A YAML stream split at its `---` lines (helm template's separator); no parser on the hosts."""
    docs, cur = [], []
    for line in stream.splitlines(keepends=True):
        if re.match(r"^---\s*$", line):
            docs.append("".join(cur))
            cur = []
        else:
            cur.append(line)
    docs.append("".join(cur))
    return [d for d in docs if d.strip()]


def stand_in_helm(data_dir: str) -> str | None:
    """bin/helm from the stand-in's images archive (klipper-helm's image is where real RKE2 keeps
    helm), extracted once per archive; None when the archive has none: then Jobs are recorded
    from the chart catalogue, as before real charts were in the loop."""
    archive = os.path.join(data_dir, "agent", "images", IMAGES_NAME)
    if not os.path.exists(archive):
        return None
    st = os.stat(archive)
    dest_dir = os.path.join(data_dir, "stand-in", "helm-bin", f"{st.st_size}-{int(st.st_mtime)}")
    dest = os.path.join(dest_dir, "helm")
    if os.access(dest, os.X_OK):
        return dest
    with tarfile.open(archive, "r:gz") as tar:
        member = next((m for m in tar.getmembers() if m.name in ("bin/helm", "./bin/helm") and m.isfile()), None)
        if member is None:
            return None
        os.makedirs(dest_dir, exist_ok=True)
        src = tar.extractfile(member)
        assert src is not None
        tmp = dest + ".tmp"
        with open(tmp, "wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
    os.chmod(tmp, 0o755)
    os.rename(tmp, dest)
    info(f"stand-in helm-controller: helm from {archive} in {dest}")
    return dest


def load_helm_controller(kube: Kube, identity: str, share_dir: str | None = None,
                         data_dir: str = DEFAULT_DATA_DIR) -> HelmController:
    d = share_dir or helm_share_dir()
    with open(os.path.join(d, "crds.json")) as fh:
        crds = json.load(fh)
    with open(os.path.join(d, "charts.json")) as fh:
        catalogue = json.load(fh)
    hc = HelmController(kube, identity, crds, catalogue)
    hc.rendered_dir = os.path.join(data_dir, "server", "stand-in", "helm")
    try:
        hc.helm = stand_in_helm(data_dir)
    except (OSError, tarfile.TarError) as e:
        warn(f"stand-in helm-controller: cannot take helm from the images: {e}")
    if hc.helm is None:
        warn("stand-in helm-controller: no bin/helm in the images archive: charts are NOT rendered; "
             "Jobs are recorded from the chart catalogue (charts.json)")
    return hc


def helm_controller(hc: HelmController, stop: threading.Event) -> None:
    """The thread: the CRDs (until they are in), then a pass every 2 s while this server leads."""
    while True:
        try:
            hc.ensure_own_crds()
            break
        except HttpError as e:
            warn(f"stand-in helm-controller: installing the helm.cattle.io CRDs: {e}")
        if stop.wait(RETRY_SECONDS):
            return
    how = f"charts rendered by {hc.helm}" if hc.helm else "no helm; outcomes from the chart catalogue"
    info(f"Starting helm.cattle.io/v1, Kind=HelmChart controller (stand-in: {how})")
    while not stop.wait(HELM_SYNC_SECONDS):
        try:
            if hc.try_lead():
                hc.sync()
        except Exception as e:  # keep going: the API may come back
            warn(f"stand-in helm-controller: {e}")


# ---------------------------------------------------------------------------------------------------
# Kubeconfig, exactly in RKE2's shape.
# ---------------------------------------------------------------------------------------------------
def kubeconfig_text(server: str, ca_pem: bytes, cert_pem: bytes, key_pem: bytes) -> str:
    b = lambda x: base64.b64encode(x).decode()  # noqa: E731
    return (
        "apiVersion: v1\n"
        "clusters:\n"
        "- cluster:\n"
        f"    certificate-authority-data: {b(ca_pem)}\n"
        f"    server: {server}\n"
        "  name: default\n"
        "contexts:\n"
        "- context:\n"
        "    cluster: default\n"
        "    user: default\n"
        "  name: default\n"
        "current-context: default\n"
        "kind: Config\n"
        "preferences: {}\n"
        "users:\n"
        "- name: default\n"
        "  user:\n"
        f"    client-certificate-data: {b(cert_pem)}\n"
        f"    client-key-data: {b(key_pem)}\n"
    )


def kubeconfig_mode(s: Settings) -> int:
    try:
        return int(s.kubeconfig_mode, 8)
    except ValueError:
        fatal(f"invalid write-kubeconfig-mode {s.kubeconfig_mode!r}")


# ---------------------------------------------------------------------------------------------------
# rke2 server
# ---------------------------------------------------------------------------------------------------
PREP = "starting kubernetes: preparing server"


def fetch_cacerts(server: str, token: Token) -> bytes:
    try:
        _, ca = http_request(f"{server}/cacerts", context=insecure_context())
    except HttpError as e:
        fatal(f"{PREP}: failed to validate server configuration: {e}")
    if token.ca_hash:
        got = hashlib.sha256(ca).hexdigest()
        if got != token.ca_hash:
            fatal(f"{PREP}: failed to validate token: token CA hash does not match the Cluster CA certificate hash: {got} != {token.ca_hash}")
    return ca


def join_prepare(s: Settings, token: Token) -> None:
    """Gets the cluster's CAs and keys from an existing server and checks the critical config."""
    info(f"Joining the cluster at {s.server} (stand-in)")
    ca = fetch_cacerts(s.server, token)
    with tempfile.NamedTemporaryFile(suffix=".crt") as fh:
        fh.write(ca)
        fh.flush()
        ctx = ca_context(fh.name, check_hostname=False)
        try:
            _, raw = http_request(f"{s.server}/v1-rke2/server-bootstrap", headers=basic_auth("server", token.secret), context=ctx)
        except HttpError as e:
            fatal(f"{PREP}: failed to bootstrap cluster data: {e}")
    data = json.loads(raw)
    theirs = data.get("StandInCriticalConfig", {})
    mine = s.critical_config()
    bad = [k for k in CRITICAL_KEYS if str(theirs.get(k, "")) != mine[k]]
    for k in bad:
        warn(f"critical configuration mismatched: {k}: this server has {mine[k]!r}, the cluster has {theirs.get(k)!r}" if k != "agent-token" else "critical configuration mismatched: agent-token")
    if bad:
        fatal(f"{PREP}: failed to validate server configuration: critical configuration value mismatch between servers: {', '.join(bad)}")
    for key, rel in BOOTSTRAP_FILES.items():
        if key not in data:
            fatal(f"{PREP}: failed to bootstrap cluster data: {key} missing from the bootstrap data")
        mode = 0o600 if rel.endswith(".key") else 0o644
        write_file(f"{s.tls}/{rel}", base64.b64decode(data[key]["content"]), mode)
    info("Cluster bootstrap data (CAs, service-account key) written")


def member_name(s: Settings) -> str:
    """RKE2 names its etcd member <node-name>-<8 hex>, kept in server/db/etcd/name."""
    path = os.path.join(s.etcd_dir, "name")
    if os.path.exists(path):
        name = _read(path).strip()
        if name.startswith(s.node_name + "-"):
            return name
    name = f"{s.node_name}-{secrets.token_hex(4)}"
    os.makedirs(s.etcd_dir, mode=0o700, exist_ok=True)
    write_file(path, name + "\n", 0o600)
    return name


def etcdctl(s: Settings, endpoints: list[str], *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    t = s.tls
    return subprocess.run([os.path.join(s.bin_dir, "etcdctl"), f"--endpoints={','.join(endpoints)}",
                           f"--cacert={t}/etcd/server-ca.crt", f"--cert={t}/etcd/server-client.crt",
                           f"--key={t}/etcd/server-client.key", "--dial-timeout=2s", f"--command-timeout={int(timeout)}s", *args],
                          env={**os.environ, "ETCDCTL_API": "3"}, capture_output=True, text=True, timeout=timeout + 5)


def etcd_join(s: Settings, secret: str, name: str, peer_url: str) -> str:
    """As k3s ETCD.join (pkg/etcd/etcd.go): the member list from the server's /db/info, a member
    of this node name under another member name refused, then MemberAddAsLearner through the
    voting members' client URLs (gRPC on 2379; etcdctl here). Returns the initial cluster."""
    ctx = ca_context(f"{s.tls}/server-ca.crt", check_hostname=False)
    while True:
        try:
            _, raw = http_request(f"{s.server}/db/info", headers=basic_auth("server", secret), context=ctx, timeout=10)
        except HttpError as e:
            info(f"Waiting to retrieve etcd cluster member list: failed to get MemberList from server: {e}")
            time.sleep(RETRY_SECONDS)
            continue
        cluster, client_urls, add = [], [], True
        for m in json.loads(raw).get("members", []):
            mname = m.get("name", "")
            hosts = [urllib.parse.urlsplit(u).hostname for u in m.get("peerURLs", [])]
            if not mname and s.node_ip in hosts:
                mname = name  # an unstarted member with our address must be us
            if mname == name and s.node_ip in hosts:
                add = False
            if m.get("peerURLs"):
                cluster.append(f"{mname}={m['peerURLs'][0]}")
            cut = mname.rfind("-")
            if mname != name and (mname[:cut] if cut > 1 else mname) == s.node_name:
                try:
                    os.remove(os.path.join(s.etcd_dir, "name"))
                except OSError as e:
                    error(f"Failed to remove etcd name file: {e}")
                fatal("etcd cluster join failed: duplicate node name found, please use a unique name for this node")
            own = any(urllib.parse.urlsplit(u).hostname == s.node_ip for u in m.get("clientURLs", []))
            if not m.get("isLearner") and not own:
                client_urls += m.get("clientURLs", [])
        if not add:
            return ",".join(cluster)
        info(f"Adding member {name}={peer_url} to etcd cluster {cluster}")
        r = etcdctl(s, client_urls, "member", "add", name, f"--peer-urls={peer_url}", "--learner")
        if r.returncode == 0:
            return ",".join(cluster + [f"{name}={peer_url}"])
        err = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["etcdctl failed"]
        # etcd 3.5 allows one learner at a time (ErrTooManyLearners); k3s waits for its promotion.
        if "too many learner" in err[0] or "unhealthy cluster" in err[0]:
            info(f"Waiting for other members to finish joining etcd cluster: {err[0]}")
            time.sleep(RETRY_SECONDS)
            continue
        fatal(f"etcd cluster join failed: {err[0]}")


def etcd_args(s: Settings, name: str, initial: str, state: str) -> list[str]:
    t = s.tls
    ip = _host(s.node_ip)
    return [
        f"{s.bin_dir}/etcd",
        f"--name={name}",
        f"--data-dir={s.etcd_dir}",
        f"--listen-client-urls=https://127.0.0.1:2379,https://{ip}:2379",
        # Frees 2379 for gRPC alone (k3s listenClientHTTPURLs; etcd-io/etcd#15402).
        f"--listen-client-http-urls={ETCD_HTTP_URL}",
        f"--advertise-client-urls=https://{ip}:2379",
        f"--listen-peer-urls=https://127.0.0.1:2380,https://{ip}:2380",
        f"--initial-advertise-peer-urls=https://{ip}:2380",
        f"--listen-metrics-urls={ETCD_METRICS_URL}" + (f",http://{ip}:2381" if s.etcd_expose_metrics else ""),
        f"--initial-cluster={initial}",
        f"--initial-cluster-state={state}",
        f"--cert-file={t}/etcd/server-client.crt",
        f"--key-file={t}/etcd/server-client.key",
        f"--trusted-ca-file={t}/etcd/server-ca.crt",
        "--client-cert-auth=true",
        f"--peer-cert-file={t}/etcd/peer-server-client.crt",
        f"--peer-key-file={t}/etcd/peer-server-client.key",
        f"--peer-trusted-ca-file={t}/etcd/peer-ca.crt",
        "--peer-client-cert-auth=true",
        "--heartbeat-interval=500",
        "--election-timeout=5000",
        "--snapshot-count=10000",
        "--logger=zap",
        "--log-outputs=stderr",
        "--experimental-initial-corrupt-check=true",
    ]


def apiserver_args(s: Settings) -> list[str]:
    t = s.tls
    return [
        f"{s.bin_dir}/kube-apiserver",
        "--etcd-servers=https://127.0.0.1:2379",
        f"--etcd-cafile={t}/etcd/server-ca.crt",
        f"--etcd-certfile={t}/etcd/client.crt",
        f"--etcd-keyfile={t}/etcd/client.key",
        "--bind-address=0.0.0.0",
        f"--secure-port={API_PORT}",
        f"--advertise-address={s.node_ip}",
        "--insecure-port=0",
        f"--cert-dir={t}/temporary-certs",
        f"--client-ca-file={t}/client-ca.crt",
        f"--tls-cert-file={t}/serving-kube-apiserver.crt",
        f"--tls-private-key-file={t}/serving-kube-apiserver.key",
        "--authorization-mode=Node,RBAC",
        "--anonymous-auth=false",
        "--enable-admission-plugins=NodeRestriction",
        "--allow-privileged=true",
        f"--service-cluster-ip-range={s.service_cidr}",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--api-audiences=https://kubernetes.default.svc.cluster.local,rke2",
        f"--service-account-key-file={t}/service.key",
        f"--service-account-signing-key-file={t}/service.key",
        "--profiling=false",
        "--endpoint-reconciler-type=lease",
    ]


def wait_for(what: str, check: Callable[[], bool], every: float = 1.0, log_every: float = 15.0) -> None:
    start = last = time.time()
    while not check():
        if time.time() - last >= log_every:
            info(f"Waiting for {what} ({int(time.time() - start)}s)")
            last = time.time()
        time.sleep(every)


def run_server(s: Settings, stop: threading.Event) -> None:
    info(f"Starting rke2 {VERSION} (stand-in) server, node {s.node_name} ({s.node_ip})")
    for k in ("ingress-controller", "etcd-snapshot-schedule-cron"):
        if k in s.cfg:
            info(f"stand-in: {k}={as_str(s.cfg[k])} accepted; no ingress controller or scheduled snapshots in the stand-in")
    info(f"Using CNI {', '.join(s.cni)} (stand-in: only rke2-cilium is bundled)")
    os.makedirs(s.tls + "/etcd", mode=0o700, exist_ok=True)
    os.chmod(s.server_dir, 0o700)
    extract_images(s)
    stage_bundled_charts(s)
    kill_leftovers(s)

    token_file = os.path.join(s.server_dir, "token")
    has_data = os.path.isdir(os.path.join(s.etcd_dir, "member"))
    configured = Token(s.token)
    joining = False
    if has_data:
        if s.server:
            info("etcd data found: this server restarts its member; the configured server address is ignored (as RKE2 does)")
        if not os.path.exists(f"{s.tls}/server-ca.crt"):
            fatal(f"{PREP}: etcd data exists but {s.tls}/server-ca.crt is missing")
        if os.path.exists(token_file) and s.token:
            stored = Token(_read(token_file).strip())
            if configured.secret != stored.secret:
                fatal(f"{PREP}: bootstrap data already found and encrypted with different token")
            if configured.ca_hash and configured.ca_hash != ca_hash_of(f"{s.tls}/server-ca.crt"):
                fatal(f"{PREP}: failed to validate token: token CA hash does not match the Cluster CA certificate hash")
        secret = configured.secret or Token(_read(token_file).strip()).secret
    elif s.server:
        if not s.token:
            fatal(f"{PREP}: token is required to join a cluster")
        join_prepare(s, configured)
        joining = True
        secret = configured.secret
    else:
        if not os.path.exists(f"{s.tls}/server-ca.crt"):
            info("Bootstrapping a new cluster: generating the cluster CAs (stand-in, openssl)")
            generate_cluster_cas(s.tls)
        secret = configured.secret or secrets.token_hex(16)
        if not s.token:
            info("No token configured: generated one; see the node-token file")
    full_token = f"K10{ca_hash_of(f'{s.tls}/server-ca.crt')}::server:{secret}"
    write_file(token_file, full_token + "\n", 0o600)
    write_file(os.path.join(s.server_dir, "node-token"), full_token + "\n", 0o600)
    if s.agent_token:
        write_file(os.path.join(s.server_dir, "agent-token"), s.agent_token + "\n", 0o600)
    generate_node_certs(s)
    token = Token(full_token)

    sup = Supervisor(s, token, Token(s.agent_token).secret if s.agent_token else secret)
    sup.start()

    name = member_name(s)
    peer_url = f"https://{_host(s.node_ip)}:2380"
    if joining:
        initial, state = etcd_join(s, secret, name, peer_url), "existing"
        info(f"Starting etcd to join cluster with members {initial}")
    else:
        initial, state = f"{name}={peer_url}", ("existing" if has_data else "new")

    etcd_child = Child(s, "etcd", etcd_args(s, name, initial, state))
    etcd_child.start()
    etcd = Etcd(s)
    sup.etcd = etcd
    wait_for("etcd to be healthy (quorum)", lambda: etcd.healthy() or _child_check(etcd_child))
    info("etcd is healthy")

    api_child = Child(s, "kube-apiserver", apiserver_args(s))
    api_child.start()
    t = s.tls
    admin = Kube([f"https://127.0.0.1:{API_PORT}"], f"{t}/server-ca.crt", f"{t}/client-admin.crt", f"{t}/client-admin.key")

    def api_ready() -> bool:
        _child_check(etcd_child)
        _child_check(api_child)
        try:
            code, body = admin.request("GET", "/readyz", timeout=5)
            return code == 200
        except HttpError:
            return False

    wait_for("kube-apiserver /readyz", api_ready)
    info("kube-apiserver is ready")
    sup.kube = admin

    write_file(s.kubeconfig_file, kubeconfig_text(f"https://127.0.0.1:{API_PORT}", _read(f"{t}/server-ca.crt", True),
                                                  _read(f"{t}/client-admin.crt", True), _read(f"{t}/client-admin.key", True)),
               kubeconfig_mode(s))
    info(f"Wrote kubeconfig {s.kubeconfig_file}")

    password = ensure_node_password()
    node = NodeAgent(s, admin, server_roles=True, etcd_member=name)
    while True:
        try:
            if not verify_node_password(admin, s.node_name, password):
                info(f"Waiting to retrieve agent configuration; server is not ready: {NODE_PASSWORD_REJECTED}")
            else:
                node.register()
                break
        except HttpError as e:
            info(f"Waiting to register node {s.node_name}: {e}")
        _child_check(etcd_child)
        _child_check(api_child)
        time.sleep(RETRY_SECONDS)

    threading.Thread(target=node.run_heartbeats, args=(stop,), name="heartbeat", daemon=True).start()
    threading.Thread(target=member_controller, args=(s, etcd, admin, name, stop), name="etcd-member-controller", daemon=True).start()
    threading.Thread(target=manage_learners, args=(s, etcd, admin, stop), name="etcd-learners", daemon=True).start()
    # The HelmChart CRDs before READY=1, as RKE2 has them in place once it is up; the stand-in's
    # helm-controller then runs on whichever server holds its Lease.
    try:
        hc = load_helm_controller(admin, s.node_name, data_dir=s.data_dir)
    except (OSError, ValueError) as e:
        fatal(f"stand-in: cannot load the helm-controller's data from {helm_share_dir()}: {e}")
    try:
        hc.ensure_own_crds()
    except HttpError as e:
        warn(f"stand-in helm-controller: installing the helm.cattle.io CRDs: {e} (retrying in the background)")
    threading.Thread(target=helm_controller, args=(hc, stop), name="helm-controller", daemon=True).start()
    threading.Thread(target=deploy_controller, args=(s, admin, stop), name="deploy-controller", daemon=True).start()
    threading.Thread(target=cilium_daemonset, args=(admin, stop), name="cilium-daemonset", daemon=True).start()
    sd_notify("READY=1")
    info("rke2 is up and running (stand-in)")
    while not stop.wait(1):
        etcd_child.check()
        api_child.check()


def _child_check(c: Child) -> bool:
    c.check()
    return False


# ---------------------------------------------------------------------------------------------------
# rke2 agent
# ---------------------------------------------------------------------------------------------------
def run_agent(s: Settings, stop: threading.Event) -> None:
    info(f"Starting rke2 agent {VERSION} (stand-in), node {s.node_name} ({s.node_ip})")
    if not s.server:
        fatal("--server is required")
    if not s.token:
        fatal("--token is required")
    token = Token(s.token)
    password = ensure_node_password()
    agent_dir = os.path.join(s.data_dir, "agent")
    os.makedirs(agent_dir, mode=0o700, exist_ok=True)
    url = f"{s.server}/v1-rke2/client/kubelet"
    while True:
        try:
            _, ca = http_request(f"{s.server}/cacerts", context=insecure_context())
            if token.ca_hash and hashlib.sha256(ca).hexdigest() != token.ca_hash:
                fatal(f"starting kubernetes agent: failed to validate token: token CA hash does not match the Cluster CA certificate hash: {hashlib.sha256(ca).hexdigest()} != {token.ca_hash}")
            with tempfile.NamedTemporaryFile(suffix=".crt") as fh:
                fh.write(ca)
                fh.flush()
                _, raw = http_request(url, headers={**basic_auth("node", token.secret), "RKE2-Node-Name": s.node_name,
                                                    "RKE2-Node-Password": password},
                                      context=ca_context(fh.name, check_hostname=False))
            creds = json.loads(raw)
            break
        except HttpError as e:
            if e.status == 401:
                fatal(f"starting kubernetes agent: failed to retrieve agent configuration: {e}")
            msg = NODE_PASSWORD_REJECTED if e.status == 403 else str(e)
            info(f"Waiting to retrieve agent configuration; server is not ready: {msg}")
        if stop.wait(RETRY_SECONDS):
            return
    write_file(f"{agent_dir}/server-ca.crt", creds["serverCA"])
    write_file(f"{agent_dir}/client-ca.crt", creds["clientCA"])
    write_file(f"{agent_dir}/client-kubelet.crt", creds["clientCert"])
    write_file(f"{agent_dir}/client-kubelet.key", creds["clientKey"], 0o600)
    servers = creds["apiServers"]
    write_file(f"{agent_dir}/kubelet.kubeconfig",
               kubeconfig_text(servers[0], creds["serverCA"].encode(), creds["clientCert"].encode(), creds["clientKey"].encode()), 0o600)
    info(f"Retrieved agent configuration (stand-in); API servers {', '.join(servers)}")
    kube = Kube(servers, f"{agent_dir}/server-ca.crt", f"{agent_dir}/client-kubelet.crt", f"{agent_dir}/client-kubelet.key")
    node = NodeAgent(s, kube, server_roles=False)
    while True:
        try:
            node.register()
            break
        except HttpError as e:
            info(f"Waiting to register node {s.node_name}: {e}")
        if stop.wait(RETRY_SECONDS):
            return
    threading.Thread(target=node.run_heartbeats, args=(stop,), name="heartbeat", daemon=True).start()
    sd_notify("READY=1")
    info("rke2 agent is up and running (stand-in)")
    stop.wait()


# ---------------------------------------------------------------------------------------------------
# rke2 etcd-snapshot
# ---------------------------------------------------------------------------------------------------
def run_snapshot(s: Settings, args: list[str]) -> int:
    sub = args[0] if args and not args[0].startswith("-") else "save"
    rest = args[1:] if args and not args[0].startswith("-") else args
    os.makedirs(s.snapshot_dir, mode=0o700, exist_ok=True)
    if sub in ("list", "ls"):
        rows = []
        for p in sorted(glob.glob(os.path.join(s.snapshot_dir, "*"))):
            if os.path.isfile(p) and not p.endswith(".part"):
                st = os.stat(p)
                rows.append((os.path.basename(p), "file://" + p, str(st.st_size),
                             dt.datetime.fromtimestamp(st.st_mtime, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")))
        widths = [max(len(r[i]) for r in rows + [("Name", "Location", "Size", "Created")]) for i in range(4)]
        for r in [("Name", "Location", "Size", "Created")] + rows:
            print("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        return 0
    if sub != "save":
        fatal(f"stand-in: etcd-snapshot {sub} is not implemented (save, list)")
    name = "on-demand"
    i = 0
    while i < len(rest):
        a = rest[i]
        if a == "--name" and i + 1 < len(rest):
            name = rest[i + 1]
            i += 2
            continue
        if a.startswith("--name="):
            name = a.split("=", 1)[1]
        i += 1
    etcdctl = os.path.join(s.bin_dir, "etcdctl")
    if not os.path.exists(etcdctl):
        fatal(f"stand-in: {etcdctl} missing: start rke2 server once first")
    path = os.path.join(s.snapshot_dir, f"{name}-{s.node_name}-{int(time.time())}")
    t = s.tls
    info(f"Saving etcd snapshot to {path}")
    r = subprocess.run([etcdctl, "--endpoints=https://127.0.0.1:2379", f"--cacert={t}/etcd/server-ca.crt",
                        f"--cert={t}/etcd/server-client.crt", f"--key={t}/etcd/server-client.key",
                        "snapshot", "save", path], env={**os.environ, "ETCDCTL_API": "3"}, capture_output=True, text=True)
    if r.returncode != 0:
        fatal(f"etcd-snapshot error: {(r.stderr or r.stdout).strip()}")
    os.chmod(path, 0o600)
    info(f"Snapshot {os.path.basename(path)} saved.")
    print(path)
    return 0


# ---------------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------------
USAGE = f"""NAME:
   rke2 - Rancher Kubernetes Engine 2 -- STAND-IN for rigger's lab (python3), not the real RKE2

USAGE:
   rke2 [global options] command [command options]

VERSION:
   {VERSION} (stand-in)

COMMANDS:
   server         Run the stand-in server (etcd + kube-apiserver + supervisor)
   agent          Run the stand-in agent (registers a Node)
   etcd-snapshot  save [--name NAME] | list

GLOBAL OPTIONS:
   --version, -v  print the version
"""


def config_path(args: list[str]) -> str:
    path = os.environ.get("RKE2_CONFIG_FILE", CONFIG_FILE)
    for i, a in enumerate(args):
        if a in ("--config", "-c") and i + 1 < len(args):
            path = args[i + 1]
        elif a.startswith("--config="):
            path = a.split("=", 1)[1]
    return path


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 1
    if argv[0] in ("--version", "-v", "version"):
        print(f"rke2 version {VERSION} (stand-in)")
        print("go version go1.24 (stand-in: python3)")
        return 0
    cmd, args = argv[0], argv[1:]
    if cmd not in ("server", "agent", "etcd-snapshot"):
        sys.stderr.write(f"Incorrect Usage: unknown command {cmd!r}\n\n{USAGE}")
        return 1
    if os.geteuid() != 0:
        fatal("rke2 must be run as root")
    flags = [a for a in args if a.startswith("-") and not a.startswith(("--config", "-c"))]
    cfg = load_config(config_path(args))
    if cmd == "etcd-snapshot":
        return run_snapshot(Settings(cfg, "server"), args)
    if flags:
        warn(f"stand-in: command-line flags other than --config are ignored: {' '.join(flags)}")
    s = Settings(cfg, cmd)
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        info(f"Received {signal.Signals(signum).name}; shutting down rke2 (stand-in); etcd and kube-apiserver keep running, as RKE2's pods do with KillMode=process")
        sd_notify("STOPPING=1")
        stop.set()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        if cmd == "server":
            run_server(s, stop)
        else:
            run_agent(s, stop)
    except SystemExit:
        raise
    except Exception as e:  # a bug or an unexpected failure: fatal like RKE2, systemd restarts us
        import traceback

        traceback.print_exc()
        fatal(f"stand-in: {type(e).__name__}: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
