/**
 * The lab's chart mirror: the project's real Helm chart repository (`../shared/charts` beside the
 * repo) served read-only over HTTP on the bridge, as a site mirrors the charts its clusters
 * install. `lab up` runs it detached (`rigger lab chart-mirror-serve`, chart-mirror-process.ts).
 *
 * index.yaml is served with each chart's URL relative to the repository, as `helm repo index`
 * writes it without `--url`: the folder was indexed for `http://charts.invalid`, and helm
 * resolves a relative URL against the repository URL it was given, whatever that is.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../core/project-root.ts';
import { LAB_BRIDGE_ADDRESS } from './lab-spec.ts';

export const LAB_CHART_MIRROR_PORT = 8879;
export const LAB_CHART_MIRROR_URL = `http://${LAB_BRIDGE_ADDRESS}:${LAB_CHART_MIRROR_PORT}`;
/** The real chart repository: `charts/` beside the repo's parent folder. */
export const LAB_CHARTS_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'charts');

/** index.yaml with every entry's URLs made relative (the chart file's own name). */
export function relativeIndex(text: string): string {
  const doc = parseDocument(text);
  const entries = doc.toJS() as { entries?: Record<string, { urls?: string[] }[]> };
  for (const [chart, versions] of Object.entries(entries.entries ?? {})) {
    versions.forEach((v, i) => {
      (v.urls ?? []).forEach((url, j) => {
        doc.setIn(['entries', chart, i, 'urls', j], basename(new URL(url, 'http://x/').pathname));
      });
    });
  }
  return doc.toString();
}

export interface ChartMirrorOptions {
  listenAddress: string;
  port: number;
  root: string;
  log: (line: string) => void;
}

/** Serves `root` until the process ends: GET and HEAD of index.yaml and the files in it. */
export async function serveChartMirror(opts: ChartMirrorOptions): Promise<void> {
  const index = relativeIndex(await readFile(join(opts.root, 'index.yaml'), 'utf8'));
  const server = createServer((req, res) => {
    void handle(opts, index, req, res);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.listenAddress, () => resolveListen());
  });
  opts.log(`chart mirror: ${opts.root} on http://${opts.listenAddress}:${opts.port}/`);
  await new Promise<void>((resolveClose) => server.once('close', () => resolveClose()));
}

async function handle(
  opts: ChartMirrorOptions,
  index: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x/').pathname);
  const done = (code: number, type: string, size: number): void => {
    opts.log(`${req.socket.remoteAddress ?? '?'} ${req.method ?? '?'} ${path} ${code} ${size}`);
    res.writeHead(code, { 'Content-Type': type, 'Content-Length': size });
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    done(405, 'text/plain', 0);
    res.end();
    return;
  }
  if (path === '/index.yaml') {
    const body = Buffer.from(index);
    done(200, 'application/x-yaml', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  // Only plain file names of the folder: no traversal, no listing.
  const name = path.slice(1);
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*\.(tgz|prov)$/.test(name)) {
    done(404, 'text/plain', 0);
    res.end();
    return;
  }
  const file = join(opts.root, name);
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    done(404, 'text/plain', 0);
    res.end();
    return;
  }
  done(200, 'application/gzip', info.size);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}
