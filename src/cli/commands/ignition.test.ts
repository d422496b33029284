import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROD_ENV } from '../../inventory/testing.ts';
import { runCli } from '../testing.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function publicKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rigger-ign-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ops@example', '-f', join(dir, 'key')]);
  return join(dir, 'key.pub');
}

interface Ignition {
  ignition: { version: string };
  passwd: { users: { name: string; sshAuthorizedKeys: string[] }[] };
  storage: { files: { path: string; mode: number; contents: { source: string } }[] };
}

const decode = (source: string): string => decodeURIComponent(source.replace(/^data:,/, ''));

describe('rigger ignition', () => {
  it('renders a config that the real ignition-validate accepts, with the files the prepare tasks write', async () => {
    const key = publicKey();
    const r = await runCli(['ignition', 'inventory/prod.yaml', 'cp-3', '--ssh-public-key', key], {
      cwd: ROOT,
      env: PROD_ENV,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'rigger-ign-')), 'cp-3.ign');
    writeFileSync(file, r.stdout);
    // ignition-validate (Debian package `ignition`) is the validator Flatcar's own tooling uses.
    const v = spawnSync('ignition-validate', [file], { encoding: 'utf8' });
    expect(v.error).toBeUndefined();
    expect(v.status, v.stdout + v.stderr).toBe(0);

    const ign = JSON.parse(r.stdout) as Ignition;
    expect(ign.ignition.version).toBe('3.3.0');
    expect(ign.passwd.users[0]?.name).toBe('ops');
    expect(ign.passwd.users[0]?.sshAuthorizedKeys[0]).toMatch(/^ssh-ed25519 \S+ ops@example$/);
    const files = Object.fromEntries(ign.storage.files.map((f) => [f.path, decode(f.contents.source)]));
    expect(files['/etc/hostname']).toBe('cp-3\n');
    expect(files['/etc/systemd/network/00-eno1.network']).toBe(
      '[Match]\nName=eno1\n\n[Network]\nAddress=10.20.0.13/24\nGateway=10.20.0.1\nDNS=10.20.0.2\n',
    );
    expect(files['/etc/modules-load.d/rke2.conf']).toContain('br_netfilter\n');
    expect(files['/etc/sysctl.d/90-rke2.conf']).toContain('fs.inotify.max_user_watches = 524288\n');
  });

  it('adds rbd for a Flatcar storage host', async () => {
    const r = await runCli(['ignition', 'inventory/prod.yaml', 'worker-3', '--ssh-public-key', publicKey()], {
      cwd: ROOT,
      env: PROD_ENV,
    });
    const ign = JSON.parse(r.stdout) as Ignition;
    const modules = ign.storage.files.find((f) => f.path === '/etc/modules-load.d/rke2.conf');
    expect(decode(modules?.contents.source ?? '')).toContain('\nrbd\n');
  });

  it('refuses an Ubuntu host and an unknown host with exit 2', async () => {
    const ubuntu = await runCli(
      ['ignition', 'inventory/prod.yaml', 'cp-1', '--ssh-public-key', publicKey()],
      { cwd: ROOT, env: PROD_ENV },
    );
    expect(ubuntu.code).toBe(2);
    expect(ubuntu.stderr).toContain('cp-1 has os: ubuntu; Ignition configs are for Flatcar hosts');
    const unknown = await runCli(['ignition', 'inventory/prod.yaml', 'cp-9'], { cwd: ROOT, env: PROD_ENV });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no host named "cp-9"');
  });

  it('asks for a public key when the inventory uses the SSH agent', async () => {
    const r = await runCli(['ignition', 'inventory/prod.yaml', 'cp-3'], { cwd: ROOT, env: PROD_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --ssh-public-key');
  });
});
