import { hostname } from './node/hostname.ts';
import { kernelModules } from './node/kernel-modules.ts';
import { networkManager } from './node/network-manager.ts';
import { packages } from './node/packages.ts';
import { rke2Config } from './rke2/rke2-configure.ts';
import { rke2Install } from './rke2/rke2-install.ts';
import { rke2Manifests } from './rke2/rke2-manifests.ts';
import { rke2Registries } from './rke2/rke2-registries.ts';
import { rke2Service } from './rke2/rke2-service.ts';
import { swap } from './node/swap.ts';
import { sysctls } from './node/sysctls.ts';
import type { Task } from './task.ts';
import { timeSync } from './node/time-sync.ts';

/** Every task a playbook may name. */
export const TASKS: ReadonlyMap<string, Task> = new Map(
  [
    hostname,
    kernelModules,
    sysctls,
    swap,
    timeSync,
    packages,
    networkManager,
    rke2Install,
    rke2Config,
    rke2Registries,
    rke2Manifests,
    rke2Service,
  ].map((t) => [t.id, t]),
);
