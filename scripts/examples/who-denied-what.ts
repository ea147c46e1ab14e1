/**
 * Example: who denied or questioned what, with the sentence that says so.
 * Usage: npx ts-node scripts/examples/who-denied-what.ts [graph.json]   (default graph-data/graph.json)
 */
import { loadGraph } from '../../src/query';

async function main(graphPath = 'graph-data/graph.json'): Promise<void> {
  const graph = await loadGraph(graphPath);
  const rows = [...graph.claims({ stance: 'denied' }), ...graph.claims({ stance: 'questioned' })];
  if (!rows.length) {
    console.error(`${graphPath}: nobody denied or questioned anything`);
    process.exitCode = 1;
    return;
  }
  for (const row of rows) {
    console.log(`${row.speaker.label} ${row.stance}: ${row.claim.text}`);
    for (const e of row.evidence) console.log(`    [${e.doc}] ${e.sentence}`);
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
