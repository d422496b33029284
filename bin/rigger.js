#!/usr/bin/env node
// The rigger command. TypeScript sources run through tsx, so a fresh clone works after `npm ci`
// with no build step and `npx rigger` always runs the code in the tree.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv.slice(2));
