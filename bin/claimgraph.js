#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` / `npm ci` through the prepare script).
require('../dist/cli/main.js').createProgram().parseAsync(process.argv).catch((err) => {
  process.stderr.write(`claimgraph: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
