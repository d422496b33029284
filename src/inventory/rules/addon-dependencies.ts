import { error, warning, type Finding, type Rule } from './rule.ts';

/** Add-ons that need another add-on or object storage, checked before anything is installed. */
export const addonDependencies: Rule = ({ inventory }) => {
  const findings: Finding[] = [];
  const o = inventory.addons.observability;
  const base = ['addons', 'observability'];
  for (const name of ['thanos', 'loki', 'tempo'] as const) {
    const component = o[name];
    if (!component.enabled) continue;
    if (!o.objectStorage)
      findings.push(
        error(
          [...base, name, 'enabled'],
          `${name} stores its data in object storage: set addons.observability.objectStorage`,
        ),
      );
    if (!component.bucket)
      findings.push(error([...base, name], `bucket is required when ${name} is enabled`));
  }
  if (o.thanos.enabled && !o.prometheus.enabled) {
    findings.push(
      error(
        [...base, 'thanos', 'enabled'],
        'the Thanos sidecar runs beside Prometheus: enable observability.prometheus',
      ),
    );
  }
  if (o.logs.enabled && !o.loki.enabled) {
    findings.push(warning([...base, 'logs', 'enabled'], 'the log shipper sends to Loki, which is disabled'));
  }
  return findings;
};
