import { error, warning, type Rule } from './rule.ts';

/**
 * etcd needs a majority: an odd number of at least three servers keeps quorum through the loss of
 * one. A single server is allowed only with an explicit opt-in (a lab, never production).
 */
export const controlPlaneQuorum: Rule = ({ inventory }) => {
  const servers = inventory.hosts.filter((h) => h.roles.includes('control-plane'));
  const n = servers.length;
  if (n === 1 && inventory.cluster.allowSingleServer) return [];
  if (n === 0) return [error(['hosts'], 'no host has the control-plane role; at least 3 are needed')];
  if (n % 2 === 0 && n >= 4) {
    // Legal for etcd and tolerating no more failures than one fewer: the transitional state of a
    // replace-node, where old and new are both listed until the old one is gone.
    return [
      warning(
        ['hosts'],
        `${n} control-plane hosts (${servers.map((h) => h.name).join(', ')}): etcd tolerates no more failures than with ${n - 1}; ` +
          'expected only while replace-node runs, otherwise use an odd number',
      ),
    ];
  }
  if (n % 2 === 0) {
    return [
      error(
        ['hosts'],
        `${n} control-plane hosts (${servers.map((h) => h.name).join(', ')}): etcd needs an odd number, at least 3`,
      ),
    ];
  }
  if (n < 3) {
    return [
      error(
        ['hosts'],
        `1 control-plane host (${servers.map((h) => h.name).join(', ')}): at least 3 are needed for a highly available ` +
          'cluster; set cluster.allowSingleServer: true for a single-server lab',
      ),
    ];
  }
  return [];
};
