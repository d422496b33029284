import type { Command } from 'commander';
import { formatProblem } from '../../core/errors.ts';
import { writeLine, type CliIo } from '../io.ts';

/** `rigger validate <inventory>`: every problem at once, with file:line:col, no host touched. */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check an inventory (schema and semantic rules) without touching any host')
    .argument('<inventory>', 'inventory YAML file')
    .option('--json', 'print the summary and warnings as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { loadInventory } = await import('../../inventory/load.ts');
      const { summarize } = await import('../../inventory/summary.ts');
      const loaded = await loadInventory(file, { env: io.env, cwd: io.cwd });
      const summary = summarize(loaded.inventory);
      if (opts.json) {
        writeLine(
          io.stdout,
          JSON.stringify({ valid: true, file, ...summary, warnings: loaded.warnings }, null, 2),
        );
        return;
      }
      for (const w of loaded.warnings) writeLine(io.stderr, `warning: ${formatProblem(w)}`);
      const { cluster, hosts, addons } = summary;
      const group = (m: Record<string, string[]>): string =>
        Object.entries(m)
          .map(([k, names]) => `${k} ${names.length} (${names.join(', ')})`)
          .join(', ');
      writeLine(io.stdout, `${file} is valid`);
      writeLine(
        io.stdout,
        `  cluster  ${cluster.name}: RKE2 ${cluster.rke2Version}, registration ${cluster.registrationAddress}, install ${cluster.install}`,
      );
      writeLine(io.stdout, `  hosts    ${hosts.total}: ${group(hosts.byRole)}`);
      writeLine(io.stdout, `  os       ${group(hosts.byOs)}`);
      writeLine(
        io.stdout,
        `  add-ons  ${addons.length ? addons.map((a) => `${a.id} ${a.version}`).join(', ') : 'none'}`,
      );
      if (loaded.warnings.length) writeLine(io.stdout, `  ${loaded.warnings.length} warning(s), see above`);
    });
}
