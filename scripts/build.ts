/**
 * Builds `dist/`: the CLI bundled by esbuild from `src/cli/main.ts`, one file per entry plus shared
 * chunks, so that a command loads a handful of files instead of about 1,500 modules
 * (`@kubernetes/client-node` alone is 967: loading it module by module took about 0.6 s of every
 * start, bundled about 0.09 s; bench/README.md). Commands that `import()` their code lazily stay
 * lazy (chunk splitting). Type checking is `npm run typecheck`'s job, not the build's.
 *
 * `npm run build` runs it (`tsx scripts/build.ts [--outdir DIR]`); `npm ci` does through `prepare`.
 * bin/rigger.js runs `dist/main.js` while it is at least as new as every file under src/.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../src/core/project-root.ts';

/**
 * Kept out of the bundle: ssh2 loads its optional native crypto binding by a path relative to its
 * own files, and cpu-features is native.
 */
const EXTERNAL = ['ssh2', 'cpu-features'];

/**
 * CommonJS dependencies bundled into ESM call `require` for Node's built-ins; ESM has none, so
 * each chunk gets one made for its own location.
 */
const REQUIRE_SHIM =
  "import { createRequire as __riggerCreateRequire } from 'node:module'; const require = __riggerCreateRequire(import.meta.url);";

async function buildDist(outdir: string): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: join(PROJECT_ROOT, 'src', 'cli', 'main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
    logLevel: 'warning',
  });
  // bin/rigger.js compares this stamp with the sources' mtimes.
  writeFileSync(join(outdir, '.built'), '');
}

const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? process.argv[at + 1] : undefined;
await buildDist(outdir ? resolve(outdir) : join(PROJECT_ROOT, 'dist'));
