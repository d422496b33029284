/**
 * A real Kubernetes API server for tests: Debian's etcd and kube-apiserver 1.20.2 built from
 * Debian's source package (test/support/build-kube-apiserver.sh). No RKE2, kind or Docker is
 * reachable here, so this is the real server rigger's Kubernetes code is tested against.
 *
 * The first start on a fresh machine builds kube-apiserver (about 5 minutes, cached afterwards in
 * ~/.cache/rigger/kube/v1.20.2/); a start with the binary cached takes a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';

export const KUBE_VERSION = 'v1.20.2';
export const KUBE_APISERVER = join(homedir(), '.cache', 'rigger', 'kube', KUBE_VERSION, 'kube-apiserver');
const BUILD_SCRIPT = fileURLToPath(new URL('./build-kube-apiserver.sh', import.meta.url));

export interface KubeApi {
  /** https://127.0.0.1:<port> */
  server: string;
  /** Bearer token of a user in `system:masters`. */
  token: string;
  /** The CA that signed the server's self-signed cert, when it could be used to verify it. */
  caFile?: string;
  /** A kubeconfig (mode 0600) with the server, the CA (or insecure-skip-tls-verify) and the token. */
  kubeconfigPath: string;
  /** Where etcd's data, the certs, the kubeconfig and the logs (etcd.log, kube-apiserver.log) are. */
  dir: string;
  /** For tests of the lifecycle itself. */
  pids: { etcd: number; kubeApiserver: number };
  kubeConfig(): KubeConfig;
  /** Stops kube-apiserver and etcd; removes the dir unless the caller passed it. */
  stop(): Promise<void>;
}

export interface StartKubeApiOptions {
  /** An empty or missing dir to keep state and logs in, left in place by stop(). Default: a temp dir. */
  dir?: string;
  /** How long to wait for /readyz once both processes run. */
  readyTimeoutMs?: number;
}

/** Distinct free loopback ports; all are held open together so no two come out the same. */
async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = createServer();
      servers.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((s) => (s.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/**
 * setpriv's --pdeathsig makes the kernel SIGKILL the child when the Node process dies, however it
 * dies (a SIGKILLed vitest worker runs no 'exit' handler). setpriv execs, so the PID stays the
 * server's own.
 */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

/** Resolves once the process runs; rejects if it cannot be started (say, etcd not installed). */
async function start(command: string, args: string[], logFile: string): Promise<ChildProcess> {
  const log = openSync(logFile, 'a');
  try {
    const [file, argv] = SETPRIV
      ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]]
      : [command, args];
    const child = spawn(file, argv, { stdio: ['ignore', log, log] });
    // A test that forgets stop() must not hang on the servers; the 'exit' hook still kills them.
    child.unref();
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (e) => reject(new Error(`starting ${command}: ${e.message}`)));
    });
    // Later errors (a failed kill of an already dead process) are not worth crashing a test for.
    child.on('error', () => undefined);
    return child;
  } finally {
    closeSync(log);
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM, then SIGKILL after a grace period; by the child's own PID, which Node has not reaped. */
async function terminate(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs);
  });
  if (await Promise.race([exited.then(() => false), timedOut])) {
    if (running(child)) child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

async function tail(file: string, lines = 25): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The build script decides whether the cached binary is good (it also rebuilds one from an older
 * recipe); when it is, the script returns in a fraction of a second.
 */
async function ensureBinary(): Promise<void> {
  if (!existsSync(KUBE_APISERVER)) {
    process.stderr.write(`kube-apiserver ${KUBE_VERSION} is not cached: building it (about 5 minutes)\n`);
  }
  const build = spawn('bash', [BUILD_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | string>((resolve, reject) => {
    build.once('error', reject);
    build.once('exit', (c, signal) => resolve(c ?? signal ?? 'unknown'));
  });
  if (code !== 0) throw new Error(`${BUILD_SCRIPT} failed (${code}); its output is above`);
}

/** GET with the token, accepting any server cert: the cert may not have been written yet. */
function get(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { authorization: `Bearer ${token}` }, rejectUnauthorized: false, timeout: 5_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * kube-apiserver writes its self-signed serving cert followed by the CA that signed it. The CA is
 * used only if it really verifies the serving cert for 127.0.0.1.
 */
async function servingCa(certFile: string): Promise<string | undefined> {
  const pem = await readFile(certFile, 'utf8').catch(() => '');
  const certs = (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (p) => new X509Certificate(p),
  );
  const leaf = certs.find((c) => !c.ca);
  const ca = certs.find((c) => c.ca);
  if (!leaf || !ca) return undefined;
  if (leaf.checkIP('127.0.0.1') === undefined || !leaf.verify(ca.publicKey)) return undefined;
  return ca.toString();
}

export async function startKubeApi(opts: StartKubeApiOptions = {}): Promise<KubeApi> {
  await ensureBinary();
  const ownDir = opts.dir === undefined;
  let dir: string;
  if (opts.dir === undefined) {
    dir = mkdtempSync(join(tmpdir(), 'rigger-kube-api-'));
  } else {
    dir = opts.dir;
    mkdirSync(dir, { recursive: true });
    // Stale etcd data would bring back another run's objects and member URLs.
    if (readdirSync(dir).length > 0) throw new Error(`startKubeApi: ${dir} is not empty`);
  }

  const children: ChildProcess[] = [];
  // Last resort for a test process that exits without stop(): 'exit' handlers must be synchronous.
  const killOnExit = (): void => {
    for (const c of children) if (running(c)) c.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // The API server first: with etcd gone it would spend its grace period retrying.
    for (const c of [...children].reverse()) await terminate(c);
    process.off('exit', killOnExit);
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };

  try {
    const token = randomBytes(24).toString('hex');
    const certDir = join(dir, 'pki');
    mkdirSync(certDir, { mode: 0o700 });
    const saKey = join(certDir, 'sa.key');
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    await writeFile(saKey, privateKey, { mode: 0o600 });
    const tokenFile = join(certDir, 'tokens.csv');
    await writeFile(tokenFile, `${token},admin,admin,system:masters\n`, { mode: 0o600 });

    const [etcdPort, peerPort, securePort] = (await freePorts(3)) as [number, number, number];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const server = `https://127.0.0.1:${securePort}`;
    const etcdLog = join(dir, 'etcd.log');
    const apiLog = join(dir, 'kube-apiserver.log');

    children.push(
      await start(
        'etcd',
        [
          '--name=rigger-test',
          `--data-dir=${join(dir, 'etcd')}`,
          `--listen-client-urls=${etcdUrl}`,
          `--advertise-client-urls=${etcdUrl}`,
          `--listen-peer-urls=${peerUrl}`,
          `--initial-advertise-peer-urls=${peerUrl}`,
          `--initial-cluster=rigger-test=${peerUrl}`,
        ],
        etcdLog,
      ),
    );
    children.push(
      await start(
        KUBE_APISERVER,
        [
          `--etcd-servers=${etcdUrl}`,
          `--cert-dir=${certDir}`,
          '--bind-address=127.0.0.1',
          '--advertise-address=127.0.0.1',
          `--secure-port=${securePort}`,
          // 1.20 otherwise serves unauthenticated HTTP on 127.0.0.1:8080, which a second server
          // (or anything else on the machine) would collide with.
          '--insecure-port=0',
          '--service-account-issuer=https://kubernetes.default.svc',
          `--service-account-key-file=${saKey}`,
          `--service-account-signing-key-file=${saKey}`,
          `--token-auth-file=${tokenFile}`,
          '--authorization-mode=RBAC',
          '--service-cluster-ip-range=10.96.0.0/12',
        ],
        apiLog,
      ),
    );
    const names = ['etcd', 'kube-apiserver'];

    const timeoutMs = opts.readyTimeoutMs ?? 90_000;
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    let failure: string | undefined;
    while (failure === undefined) {
      const dead = children.findIndex((c) => !running(c));
      if (dead >= 0) {
        const c = children[dead];
        failure = `${names[dead] ?? '?'} exited (${c?.exitCode ?? c?.signalCode ?? '?'})`;
        break;
      }
      try {
        const res = await get(`${server}/readyz`, token);
        if (res.status === 200 && res.body.trim() === 'ok') break;
        last = `HTTP ${res.status}: ${res.body.trim().split('\n').slice(-5).join(' | ')}`;
      } catch (e) {
        last = e instanceof Error ? e.message : String(e);
      }
      if (Date.now() > deadline)
        failure = `not ready after ${Math.round(timeoutMs / 1000)} s (last: ${last})`;
      else await new Promise((r) => setTimeout(r, 250));
    }
    if (failure !== undefined) {
      throw new Error(
        `kube-apiserver did not become ready: ${failure}\n` +
          `--- kube-apiserver.log (last lines) ---\n${await tail(apiLog)}\n` +
          `--- etcd.log (last lines) ---\n${await tail(etcdLog)}`,
      );
    }

    const ca = await servingCa(join(certDir, 'apiserver.crt'));
    const caFile = ca === undefined ? undefined : join(certDir, 'ca.crt');
    if (caFile !== undefined && ca !== undefined) await writeFile(caFile, ca);
    const kubeconfigPath = join(dir, 'kubeconfig');
    await writeFile(
      kubeconfigPath,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'rigger-test',
            cluster: caFile
              ? { server, 'certificate-authority': caFile }
              : { server, 'insecure-skip-tls-verify': true },
          },
        ],
        users: [{ name: 'admin', user: { token } }],
        contexts: [{ name: 'rigger-test', context: { cluster: 'rigger-test', user: 'admin' } }],
        'current-context': 'rigger-test',
      }),
      { mode: 0o600 },
    );

    return {
      server,
      token,
      ...(caFile !== undefined ? { caFile } : {}),
      kubeconfigPath,
      dir,
      pids: { etcd: children[0]?.pid ?? -1, kubeApiserver: children[1]?.pid ?? -1 },
      kubeConfig: () => {
        const kc = new KubeConfig();
        kc.loadFromFile(kubeconfigPath);
        return kc;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
