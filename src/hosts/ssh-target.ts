import type { Host, Inventory } from '../inventory/types.generated.ts';

/**
 * Everything needed to reach one host, resolved from the inventory (global `ssh` settings merged
 * with the host's own overrides, paths made absolute).
 */
export interface SshTarget {
  /** Inventory host name. */
  name: string;
  address: string;
  port: number;
  user: string;
  /** Absolute path to the private key; without it the SSH agent (`SSH_AUTH_SOCK`) is used. */
  privateKeyPath?: string;
  /** Absolute path to the known_hosts file the host key is checked against. */
  knownHostsPath: string;
  /**
   * `strict`: the host key must already be in known_hosts. `accept-new`: an unknown host's key is
   * trusted and appended on first use (a changed key is still refused).
   */
  hostKeyPolicy: 'strict' | 'accept-new';
  /** Jump host, reached first; its own key is checked against the same known_hosts. */
  bastion?: Omit<SshTarget, 'name' | 'bastion' | 'become' | 'knownHostsPath' | 'hostKeyPolicy'>;
  /** Run commands through `sudo -n` when the user is not root. */
  become: boolean;
  connectTimeoutMs: number;
  /** Default per-command timeout. */
  commandTimeoutMs: number;
}

/** The inventory's `ssh` settings merged with the host's overrides. */
export function sshTargetFor(inventory: Inventory, host: Host): SshTarget {
  const ssh = inventory.ssh;
  const own = host.ssh ?? {};
  const privateKeyPath = own.privateKeyPath ?? ssh.privateKeyPath;
  const bastion = own.bastion === false ? undefined : (own.bastion ?? ssh.bastion);
  const target: SshTarget = {
    name: host.name,
    address: host.address,
    port: own.port ?? ssh.port,
    user: own.user ?? ssh.user,
    ...(privateKeyPath ? { privateKeyPath } : {}),
    knownHostsPath: ssh.knownHostsPath,
    hostKeyPolicy: ssh.hostKeyPolicy,
    become: own.become ?? ssh.become,
    connectTimeoutMs: ssh.connectTimeout * 1000,
    commandTimeoutMs: ssh.commandTimeout * 1000,
  };
  if (bastion) {
    const key = bastion.privateKeyPath ?? privateKeyPath;
    target.bastion = {
      address: bastion.host,
      port: bastion.port,
      user: bastion.user ?? ssh.user,
      ...(key ? { privateKeyPath: key } : {}),
      connectTimeoutMs: target.connectTimeoutMs,
      commandTimeoutMs: target.commandTimeoutMs,
    };
  }
  return target;
}
