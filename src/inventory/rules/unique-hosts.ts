import { error, type Finding, type Rule } from './rule.ts';

/** Host names become hostnames and node names, and addresses are how hosts are reached: both unique. */
export const uniqueHosts: Rule = ({ inventory, source }) => {
  const findings: Finding[] = [];
  for (const field of ['name', 'address'] as const) {
    const first = new Map<string, number>();
    inventory.hosts.forEach((host, i) => {
      const key = host[field].toLowerCase();
      const j = first.get(key);
      if (j === undefined) {
        first.set(key, i);
        return;
      }
      const line = source.position(['hosts', j, field]).line;
      findings.push(
        error(['hosts', i, field], `duplicate host ${field} "${host[field]}" (first at line ${line})`),
      );
    });
  }
  return findings;
};
