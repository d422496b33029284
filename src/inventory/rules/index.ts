import { addonDependencies } from './addon-dependencies.ts';
import { addressSpace } from './address-space.ts';
import { airgapAddons } from './airgap-addons.ts';
import { ciliumVersion } from './cilium-version.ts';
import { controlPlaneQuorum } from './control-plane.ts';
import { kubernetesNames } from './kubernetes-names.ts';
import { loadBalancing } from './load-balancing.ts';
import { localFiles } from './local-files.ts';
import type { Rule } from './rule.ts';
import { platformStorage, storageHosts } from './storage.ts';
import { uniqueHosts } from './unique-hosts.ts';
import { urlHosts } from './url-hosts.ts';

/** Every semantic rule, run in this order after the schema and defaults. */
export const RULES: readonly Rule[] = [
  controlPlaneQuorum,
  uniqueHosts,
  kubernetesNames,
  urlHosts,
  addressSpace,
  loadBalancing,
  storageHosts,
  platformStorage,
  addonDependencies,
  ciliumVersion,
  localFiles,
  airgapAddons,
];
