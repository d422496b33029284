import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import { loadInventory } from '../inventory/load.ts';
import { ignitionConfig } from '../tasks/node/ignition-config.ts';
import type { CliIo } from './io.ts';

/** Loads the inventory and renders one Flatcar host's Ignition config as JSON. */
export async function renderIgnition(
  file: string,
  hostName: string,
  publicKeyFile: string | undefined,
  io: CliIo,
): Promise<string> {
  const { inventory } = await loadInventory(file, { env: io.env, cwd: io.cwd });
  const host = inventory.hosts.find((h) => h.name === hostName);
  if (!host)
    throw ConfigError.plain(
      file,
      `no host named "${hostName}"; hosts: ${inventory.hosts.map((h) => h.name).join(', ')}`,
    );
  const keyFile = publicKeyFile
    ? resolve(io.cwd, publicKeyFile)
    : (host.ssh?.privateKeyPath ?? inventory.ssh.privateKeyPath)?.concat('.pub');
  if (!keyFile)
    throw ConfigError.plain(
      '--ssh-public-key',
      'the inventory names no private key (it uses the SSH agent): pass --ssh-public-key',
    );
  let key: string;
  try {
    key = await readFile(keyFile, 'utf8');
  } catch {
    throw ConfigError.plain(keyFile, 'cannot read the SSH public key');
  }
  if (!/^(ssh-|ecdsa-|sk-)/.test(key.trim()))
    throw ConfigError.plain(keyFile, 'is not an OpenSSH public key');
  return JSON.stringify(ignitionConfig(inventory, host, key), null, 2);
}
