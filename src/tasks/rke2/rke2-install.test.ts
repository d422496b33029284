import { describe, expect, it } from 'vitest';
import { ARTIFACTS_PROBE, INSTALLED_PROBE, SERVICE_PROBE, CONFIG_PROBE } from './rke2-facts.ts';
import { rke2Install, tarInstallScript, onlineInstallCommand } from './rke2-install.ts';
import { rke2Layout } from './rke2-layout.ts';
import type { VerifiedArtifact } from './rke2-artifacts.ts';
import { rke2Config } from './rke2-configure.ts';
import { rke2Service } from './rke2-service.ts';
import { contextFor } from '../testing.ts';

const h = (c: string): string => c.repeat(64);
const ARTIFACTS: VerifiedArtifact[] = [
  {
    kind: 'tarball',
    name: 'rke2.linux-amd64.tar.gz',
    path: '/a/rke2.linux-amd64.tar.gz',
    sha256: h('a'),
    size: 30e6,
  },
  { kind: 'images', name: 'rke2-images.linux-amd64.tar.zst', path: '/a/i', sha256: h('b'), size: 800e6 },
  { kind: 'checksums', name: 'sha256sum-amd64.txt', path: '/a/s', sha256: h('c'), size: 300 },
];
const PINNED = 'v1.35.7+rke2r1';

function airgap(host: string, facts: Record<string, string>) {
  return contextFor(host, { [ARTIFACTS_PROBE]: '', ...facts }, (x) => x, { artifacts: ARTIFACTS });
}

function airgapInventory(ctx: ReturnType<typeof contextFor>) {
  return {
    ...ctx,
    inventory: {
      ...ctx.inventory,
      cluster: { ...ctx.inventory.cluster, install: { mode: 'airgap' as const, artifactsDir: '/a' } },
    },
  };
}

describe('rke2-install', () => {
  it('uploads what the host lacks, then installs from the verified tarball', () => {
    const ctx = airgapInventory(
      airgap('cp-1', {
        [INSTALLED_PROBE]: '',
        [ARTIFACTS_PROBE]: `${h('b')}  /var/lib/rancher/rke2/agent/images/rke2-images.linux-amd64.tar.zst`,
      }),
    );
    expect(rke2Install.plan(ctx).map((c) => c.summary)).toEqual([
      expect.stringMatching(
        /^upload rke2\.linux-amd64\.tar\.gz \(28\.6 MiB.*to \/var\/lib\/rigger\/rke2-artifacts\/rke2\.linux-amd64\.tar\.gz$/,
      ),
      expect.stringMatching(/^upload sha256sum-amd64\.txt/),
      `install RKE2 ${PINNED} (server) from the verified tarball into /usr/local`,
    ]);
  });

  it('leaves the pinned version alone', () => {
    const ctx = airgapInventory(
      airgap('worker-1', {
        [INSTALLED_PROBE]: `rke2 version ${PINNED} (abc)\nunit-file`,
        [ARTIFACTS_PROBE]: `${h('b')}  /var/lib/rancher/rke2/agent/images/rke2-images.linux-amd64.tar.zst`,
      }),
    );
    expect(rke2Install.plan(ctx)).toEqual([]);
  });

  it('re-uploads images that changed on the host even when RKE2 is installed', () => {
    const ctx = airgapInventory(
      airgap('worker-1', { [INSTALLED_PROBE]: `rke2 version ${PINNED} (abc)\nunit-file` }),
    );
    expect(rke2Install.plan(ctx).map((c) => c.summary)).toEqual([
      expect.stringMatching(/^upload rke2-images/),
    ]);
  });

  it('reports another installed version instead of changing it', () => {
    const ctx = airgapInventory(
      airgap('cp-1', { [INSTALLED_PROBE]: 'rke2 version v1.34.1+rke2r1 (abc)\nunit-file' }),
    );
    expect(() => rke2Install.plan(ctx)).toThrow(
      /RKE2 v1\.34\.1\+rke2r1 is installed at \/usr\/local\/bin\/rke2, the inventory pins v1\.35\.7\+rke2r1/,
    );
  });

  it('installs under /opt/rke2 on Flatcar, rewriting the units into /etc/systemd/system', () => {
    const layout = rke2Layout(contextFor('worker-3', {}).host);
    expect(layout).toMatchObject({ prefix: '/opt/rke2', unit: 'rke2-agent', unitDir: '/etc/systemd/system' });
    const script = tarInstallScript(layout, ARTIFACTS);
    expect(script).toContain("sed -i 's#/usr/local#/opt/rke2#g'");
    expect(script).toContain("'/etc/systemd/system'");
    expect(script.indexOf('sha256sum -c')).toBeLessThan(script.indexOf('tar -xzf'));
    expect(script.trimEnd().split('\n').slice(-2)).toEqual([
      "mv -f bin/rke2 '/opt/rke2'/bin/rke2",
      'systemctl daemon-reload',
    ]);
    expect(onlineInstallCommand(layout, PINNED)).toBe(
      "curl -sfL https://get.rke2.io | INSTALL_RKE2_VERSION='v1.35.7+rke2r1' INSTALL_RKE2_TYPE=agent INSTALL_RKE2_METHOD=tar INSTALL_RKE2_TAR_PREFIX='/opt/rke2' sh -",
    );
  });

  it('always names the tar method and the prefix online, so install.sh never picks another', () => {
    // install.sh falls back to /opt/rke2 by itself where /usr/local is read-only: rigger must say
    // /usr/local explicitly on Ubuntu too, or it would look for RKE2 where it is not.
    expect(onlineInstallCommand(rke2Layout(contextFor('cp-1', {}).host), PINNED)).toBe(
      "curl -sfL https://get.rke2.io | INSTALL_RKE2_VERSION='v1.35.7+rke2r1' INSTALL_RKE2_TYPE=server INSTALL_RKE2_METHOD=tar INSTALL_RKE2_TAR_PREFIX='/usr/local' sh -",
    );
  });
});

describe('rke2-config and rke2-service', () => {
  const secrets = new Map([['cluster.token', 'sup3r-secret-token']]);
  const stopped = {
    [SERVICE_PROBE]: 'enabled=disabled\nactive=inactive\nsince=\nconfig-mtime=',
    [CONFIG_PROBE]: '/etc/rancher/rke2/config.yaml missing\n',
  };

  it('writes config.yaml 0600 and never shows its content', () => {
    const [change, ...rest] = rke2Config.plan(contextFor('cp-2', stopped, undefined, { secrets }));
    expect(rest).toEqual([]);
    expect(change?.summary).toBe('create /etc/rancher/rke2/config.yaml (mode 0600)');
    expect(change?.diff).toBe('(content not shown: the file holds secrets)');
  });

  it('enables and starts a stopped node; restarts one whose config changes', () => {
    expect(
      rke2Service.plan(contextFor('cp-2', stopped, undefined, { secrets })).map((c) => c.summary),
    ).toEqual(['enable rke2-server', 'start rke2-server and wait until the node is ready']);
    const running = {
      [SERVICE_PROBE]: 'enabled=enabled\nactive=active\nsince=100\nconfig-mtime=50',
      [CONFIG_PROBE]: `/etc/rancher/rke2/config.yaml 600 root root\n${Buffer.from('token: old\n').toString('base64')}\n`,
    };
    expect(
      rke2Service.plan(contextFor('cp-2', running, undefined, { secrets })).map((c) => c.summary),
    ).toEqual(['restart rke2-server (config.yaml changes) and wait until the node is ready']);
  });
});
