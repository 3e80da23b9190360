#!/usr/bin/env node
// `npm run bench`: the benchmark (bench/main.ts) through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
