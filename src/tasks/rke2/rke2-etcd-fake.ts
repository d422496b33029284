/**
 * A small fake of RKE2's etcd as rigger reaches it, for unit tests: one cluster of members and a
 * Transport per server that answers the curls on that server's loopback ports as RKE2's etcd
 * does (k3s `pkg/etcd/etcd.go`): the JSON gateway on 2382, `/health` on 2381, and on 2379 only
 * gRPC, so an HTTP/JSON request there gets gRPC's refusal instead of an answer. The gateway's
 * answers have the shapes etcd 3.5.16 gives (checked against trixie's etcd-server): uint64 ids
 * as strings, `isLearner` only when true, no name or client URLs before a member starts, errors
 * as `{"code":…, "message":…}`; a learner's own `/health` says true.
 */
import { RemoteCommandError } from '../../core/errors.ts';
import type { ExecResult, Transport } from '../../hosts/transport.ts';

export interface FakeMember {
  id: string;
  /** Empty until the member has started (etcd lists added, unstarted members without a name). */
  name: string;
  address: string;
  isLearner?: boolean;
}

export class FakeEtcdCluster {
  constructor(readonly members: FakeMember[]) {}

  /** The server at this address, its etcd up (answering) or down. */
  server(name: string, address: string, up = true): FakeEtcdServer {
    return new FakeEtcdServer(name, address, this, up);
  }

  listJson(): string {
    return JSON.stringify({
      header: { cluster_id: '1' },
      members: this.members.map((m) => ({
        ID: m.id,
        ...(m.name ? { name: m.name } : {}),
        peerURLs: [`https://${m.address}:2380`],
        ...(m.name ? { clientURLs: [`https://${m.address}:2379`] } : {}),
        ...(m.isLearner ? { isLearner: true } : {}),
      })),
    });
  }
}

const REFUSED = (port: number): ExecResult => ({
  stdout: '',
  stderr: `curl: (7) Failed to connect to 127.0.0.1 port ${port}: Connection refused`,
  code: 7,
});

export class FakeEtcdServer implements Transport {
  readonly commands: string[] = [];
  execCount = 0;
  /** Further answers, tried first: command pattern -> result. */
  readonly answers: [RegExp, (command: string) => ExecResult][] = [];

  constructor(
    readonly host: string,
    readonly address: string,
    readonly cluster: FakeEtcdCluster,
    public up: boolean,
  ) {}

  exec(command: string): Promise<ExecResult> {
    this.execCount++;
    this.commands.push(command);
    for (const [pattern, answer] of this.answers)
      if (pattern.test(command)) return Promise.resolve(answer(command));
    return Promise.resolve(this.answer(command));
  }

  private answer(command: string): ExecResult {
    if (/127\.0\.0\.1:2379\//.test(command))
      // gRPC's HTTP handler refuses a request that is not gRPC (rancher/rke2 issue 7170).
      return {
        stdout: 'invalid gRPC request content-type "application/x-www-form-urlencoded"',
        stderr: '',
        code: 0,
      };
    let stdout = '';
    let code = 0;
    let stderr = '';
    const remove = /"ID":"(\d+)"\}' https:\/\/127\.0\.0\.1:2382\/v3\/cluster\/member\/remove/.exec(command);
    if (remove) {
      if (!this.up) return REFUSED(2382);
      const i = this.cluster.members.findIndex((m) => m.id === remove[1]);
      if (i < 0)
        return { stdout: '{"code":5, "message":"etcdserver: member not found"}', stderr: '', code: 0 };
      this.cluster.members.splice(i, 1);
      return { stdout: '{"header":{}}', stderr: '', code: 0 };
    }
    if (command.includes('https://127.0.0.1:2382/v3/cluster/member/list')) {
      if (!this.up) ({ stderr, code } = REFUSED(2382));
      else if (this.isLearner())
        // As etcd 3.5.16 answers on a learner: the member list is a linearizable read.
        stdout += '{"code":14, "message":"etcdserver: rpc not supported for learner"}';
      else stdout += this.cluster.listJson();
    }
    const mark = /printf '\\n%s\\n' '(@@[a-z-]+)'/.exec(command);
    if (mark) stdout += `\n${mark[1] ?? ''}\n`;
    if (command.includes('http://127.0.0.1:2381/health'))
      stdout += this.up
        ? '{"health":"true","reason":""} '
        : 'curl: (7) Failed to connect to 127.0.0.1 port 2381: Connection refused ';
    return { stdout, stderr, code };
  }

  private isLearner(): boolean {
    return this.cluster.members.some((m) => m.address === this.address && m.isLearner === true);
  }

  async run(command: string): Promise<ExecResult> {
    const r = await this.exec(command);
    if (r.code !== 0) throw new RemoteCommandError(this.host, command, r.code, r.stderr);
    return r;
  }

  writeFile(): Promise<{ changed: boolean }> {
    this.execCount++;
    return Promise.resolve({ changed: true });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
