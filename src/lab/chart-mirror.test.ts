import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { relativeIndex, serveChartMirror } from './chart-mirror.ts';

const INDEX = `apiVersion: v1
entries:
  metallb:
    - name: metallb
      version: 0.16.1
      digest: abc
      urls:
        - http://charts.invalid/metallb-0.16.1.tgz
generated: "2026-12-01T19:08:31Z"
`;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('the lab chart mirror', () => {
  it('serves index.yaml with chart URLs relative to the repository, as `helm repo index` without --url writes them', () => {
    const out = parse(relativeIndex(INDEX)) as { entries: { metallb: { urls: string[]; digest: string }[] } };
    expect(out.entries.metallb[0]?.urls).toEqual(['metallb-0.16.1.tgz']);
    expect(out.entries.metallb[0]?.digest).toBe('abc');
  });

  it('serves the index and chart files of its folder and nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rigger-charts-'));
    writeFileSync(join(root, 'index.yaml'), INDEX);
    writeFileSync(join(root, 'metallb-0.16.1.tgz'), 'tgz bytes');
    writeFileSync(join(root, 'secret.txt'), 'no');
    const port = await freePort();
    void serveChartMirror({ listenAddress: '127.0.0.1', port, root, log: () => undefined });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      if (
        await fetch(`${base}/index.yaml`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await (await fetch(`${base}/index.yaml`)).text()).toContain('- metallb-0.16.1.tgz');
    expect(await (await fetch(`${base}/metallb-0.16.1.tgz`)).text()).toBe('tgz bytes');
    expect((await fetch(`${base}/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/index.yaml`, { method: 'POST' })).status).toBe(405);
  });
});
