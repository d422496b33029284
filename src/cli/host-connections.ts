/** SSH connections opened once per host, shared by a command's steps; loaded only when used. */
import { RunError } from '../core/errors.ts';
import type { Redactor } from '../core/redact.ts';
import { connectSsh } from '../hosts/ssh-transport.ts';
import { sshTargetFor } from '../hosts/ssh-target.ts';
import type { Transport } from '../hosts/transport.ts';
import type { Host, Inventory } from '../inventory/types.generated.ts';

/** SSH connections opened once per host, in parallel where asked, all closed at the end. */
export class HostConnections {
  readonly #open = new Map<string, Promise<Transport | undefined>>();
  readonly #failed = new Map<string, string>();

  constructor(
    private readonly inventory: Inventory,
    private readonly redactor: Redactor,
  ) {}

  /** The host's connection, or undefined when it does not answer. */
  get(host: Host): Promise<Transport | undefined> {
    let t = this.#open.get(host.name);
    if (!t) {
      t = connectSsh(sshTargetFor(this.inventory, host), { redactor: this.redactor }).catch((e: unknown) => {
        this.#failed.set(host.name, this.redactor.redact(e instanceof Error ? e.message : String(e)));
        return undefined;
      });
      this.#open.set(host.name, t);
    }
    return t;
  }

  async require(host: Host): Promise<Transport> {
    const t = await this.get(host);
    if (!t)
      throw new RunError(this.failure(host) ?? `${host.name} does not answer over SSH at ${host.address}`);
    return t;
  }

  /** Why the host's connection failed, if it did. */
  failure(host: Host): string | undefined {
    const why = this.#failed.get(host.name);
    return why === undefined ? undefined : `${host.name} does not answer over SSH at ${host.address}: ${why}`;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#open.values()].map(async (t) => (await t)?.close().catch(() => undefined)));
  }
}
