/**
 * Which Debian archive this machine can actually reach. The lab builds its base image from it and
 * the package proxy forwards to it; apt-cacher-ng's own mirror list does not resolve on machines
 * that only reach one archive host, so the machine's own apt sources are the authority.
 */
import { lookup } from 'node:dns/promises';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RunError } from '../core/errors.ts';

/** An archive location, e.g. `http://deb.debian.org/debian`. */
export interface DebianMirror {
  url: string;
  /** `host/path` without the scheme, the form apt-cacher-ng's Remap backends take for http. */
  backend: string;
}

export const FALLBACK_MIRROR = 'http://deb.debian.org/debian';

/** Archive URIs from one-line (`.list`) and deb822 (`.sources`) apt source files. */
export function parseAptSourceUris(text: string, deb822: boolean): string[] {
  const uris: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || line === '') continue;
    if (deb822) {
      const m = /^URIs:\s*(.+)$/i.exec(line);
      if (m?.[1] !== undefined) uris.push(...m[1].split(/\s+/));
    } else {
      // deb [options] URI suite components
      const m = /^deb(?:-src)?\s+(?:\[[^\]]*\]\s+)?(\S+)/.exec(line);
      if (m?.[1] !== undefined) uris.push(m[1]);
    }
  }
  return uris;
}

async function machineSourceUris(): Promise<string[]> {
  const files: { path: string; deb822: boolean }[] = [{ path: '/etc/apt/sources.list', deb822: false }];
  try {
    for (const name of (await readdir('/etc/apt/sources.list.d')).sort()) {
      if (name.endsWith('.list')) files.push({ path: join('/etc/apt/sources.list.d', name), deb822: false });
      if (name.endsWith('.sources'))
        files.push({ path: join('/etc/apt/sources.list.d', name), deb822: true });
    }
  } catch {
    // no sources.list.d: only sources.list counts
  }
  const uris: string[] = [];
  for (const f of files) {
    try {
      uris.push(...parseAptSourceUris(await readFile(f.path, 'utf8'), f.deb822));
    } catch {
      // unreadable or missing file: skip it
    }
  }
  return uris;
}

/** The main Debian archive (path ending in /debian), not security, ports or third-party repos. */
function isDebianArchive(uri: string): boolean {
  try {
    const u = new URL(uri);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /\/debian\/?$/.test(u.pathname);
  } catch {
    return false;
  }
}

async function resolves(url: string): Promise<boolean> {
  try {
    await lookup(new URL(url).hostname);
    return true;
  } catch {
    return false;
  }
}

function toMirror(url: string): DebianMirror {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '');
  const hostPath = `${u.host}${path}`;
  return {
    url: `${u.protocol}//${hostPath}`,
    backend: u.protocol === 'https:' ? `https://${hostPath}` : hostPath,
  };
}

/**
 * The first Debian archive from the machine's apt sources whose host resolves, else
 * deb.debian.org if that resolves; a RunError saying what was tried otherwise.
 */
export async function detectDebianMirror(): Promise<DebianMirror> {
  const candidates = [...new Set([...(await machineSourceUris()).filter(isDebianArchive), FALLBACK_MIRROR])];
  for (const url of candidates) {
    if (await resolves(url)) return toMirror(url);
  }
  throw new RunError(
    `no Debian archive resolves from this machine (tried ${candidates.join(', ')}); the lab needs one for its base image and package proxy`,
  );
}
