/**
 * npm run build-graph: rebuilds graph-data/graph.json and graph-data/graph.gexf from graph-data/articles,
 * through the same runBuild as `claimgraph build`. Extra arguments are passed on (e.g. --quiet, --json).
 */
import { join } from 'node:path';
import { runBuild } from '../src/cli/build';

// From the repository root, so messages name files as graph-data/... wherever the script is started.
process.chdir(join(__dirname, '..'));
const args = process.argv.slice(2);

runBuild({
  inputs: ['graph-data/articles'],
  out: 'graph-data/graph.json',
  quiet: args.includes('--quiet'),
  json: args.includes('--json'),
})
  .then(({ code }) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`build-graph: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
