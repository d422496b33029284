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
  /** Absolute path to the private key. */
  privateKeyPath: string;
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
