/**
 * Example: every claim about an entity, with who took which stance on it (sources that disagree stand out).
 * Usage: npx ts-node scripts/examples/claims-about.ts NAME [graph.json]   (default graph-data/graph.json)
 */
import { loadGraph } from '../../src/query';

async function main(name: string | undefined, graphPath = 'graph-data/graph.json'): Promise<void> {
  if (!name) {
    console.error('usage: claims-about.ts NAME [graph.json]');
    process.exitCode = 2;
    return;
  }
  const graph = await loadGraph(graphPath);
  // entity() throws NameNotFoundError (with suggestions) or AmbiguousNameError (with candidates)
  const report = graph.entity(name);
  console.log(`${report.entity.label} (${report.entity.kind}): ${report.claimsAbout.length} claim(s) about it`);
  for (const { claim, attributions } of report.claimsAbout) {
    const stances = new Set(attributions.map((a) => a.stance).filter((s) => s !== 'reported'));
    const disputed = stances.size > 1 ? '  [sources disagree]' : '';
    console.log(`- ${claim.text}${disputed}`);
    for (const a of attributions) console.log(`    ${a.stance} by ${a.speaker.label}`);
  }
}

main(process.argv[2], process.argv[3]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
