import { hostname } from './hostname.ts';
import { kernelModules } from './kernel-modules.ts';
import { networkManager } from './network-manager.ts';
import { packages } from './packages.ts';
import { rke2Config } from './rke2-configure.ts';
import { rke2Install } from './rke2-install.ts';
import { rke2Manifests } from './rke2-manifests.ts';
import { rke2Registries } from './rke2-registries.ts';
import { rke2Service } from './rke2-service.ts';
import { swap } from './swap.ts';
import { sysctls } from './sysctls.ts';
import type { Task } from './task.ts';
import { timeSync } from './time-sync.ts';

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
