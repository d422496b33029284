import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        // Real helm on the real charts (../shared/charts): no lab, no cluster.
        test: { name: 'charts', include: ['test/addons/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        test: {
          name: 'lab',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/addons/**'],
          // Lab tests share real hosts: one file at a time, generous timeouts.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
