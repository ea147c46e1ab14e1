#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` / `npm ci` through the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('claimgraph: the compiled CLI (dist/) is missing; run `npm install` or `npm run prepare` in the claimgraph folder\n');
  process.exit(1);
}
require(main).createProgram().parseAsync(process.argv).catch((err) => {
  process.stderr.write(`claimgraph: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
