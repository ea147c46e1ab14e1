/**
 * Example: how two names are connected, hop by hop, with the evidence of each edge.
 * Usage: npx ts-node scripts/examples/how-connected.ts NAME_A NAME_B [graph.json]   (default graph-data/graph.json)
 */
import { loadGraph } from '../../src/query';

async function main(from: string | undefined, to: string | undefined, graphPath = 'graph-data/graph.json'): Promise<void> {
  if (!from || !to) {
    console.error('usage: how-connected.ts NAME_A NAME_B [graph.json]');
    process.exitCode = 2;
    return;
  }
  const graph = await loadGraph(graphPath);
  const path = graph.path(from, to);
  if (!path) {
    console.error(`nothing connects ${from} and ${to}`);
    process.exitCode = 1;
    return;
  }
  console.log(`${path.from.label} → ${path.to.label} in ${path.steps.length} step(s):`);
  for (const step of path.steps) {
    const [a, b] = step.direction === 'in' ? [step.to, step.from] : [step.from, step.to];
    console.log(`  ${a.label} ${step.kind} ${b.label}   ("${step.evidence[0]?.quote ?? ''}")`);
  }
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
