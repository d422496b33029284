import type { Addon } from './addon.ts';
import { cilium } from './cilium.ts';
import { ingressNginx } from './nginx-ingress.ts';
import { logs } from './logs.ts';
import { loki } from './loki.ts';
import { metallb } from './metallb.ts';
import { monitoring } from './monitoring.ts';
import { rookCeph } from './rook-ceph.ts';
import { withSiteCharts } from './site-charts.ts';
import { tempo } from './tempo.ts';
import { velero } from './velero.ts';

/**
 * Every add-on, in install order: the CNI first, then load balancing before the ingresses that use
 * it. On an air-gapped cluster each chart comes from the site's folder where it can.
 */
export const ADDONS: readonly Addon[] = [
  cilium,
  metallb,
  ingressNginx,
  rookCeph,
  velero,
  monitoring,
  loki,
  logs,
  tempo,
].map(withSiteCharts);
