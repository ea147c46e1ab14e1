/**
 * Query benchmark: latency of `claims --by`, `entity` and `path` on a synthetic graph of 1M nodes and 2.5M edges,
 * after the indexes are built once; baseline: resolving a name by scanning every node instead of the index.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ClaimGraph } from '../../src/graph/load';
import { loadGraph, normalizeName, queryGraph } from '../../src/query';
import { syntheticGraph } from '../../test/fixtures/synthetic-graph';
import { medianMs, peakRssMiB } from './memory';

export const description =
  'query latency on a synthetic 1M-node / 2.5M-edge graph (median over 21 names each), against a name lookup by full scan';

const NODES = 1_000_000;
const EDGES = 2_500_000;
/** the file-loading figure (read, JSON.parse, zod validation, import, indexes) uses a graph this much smaller */
const FILE_SCALE = 10;
const SAMPLES = 21;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${ms < 1 ? ms.toFixed(3) : ms.toFixed(2)} ms`;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Median and slowest time of `fn` over each of `inputs`, after one warm-up call. */
function latency<I>(inputs: I[], fn: (input: I) => unknown): { median: number; max: number } {
  fn(inputs[0]!);
  const times = inputs.map((input) => timed(() => fn(input)).ms).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

/** Entity labels of the synthetic graph, chosen evenly (every third node is a claim, named differently). */
function entityNames(count: number, salt: number): string[] {
  const names: string[] = [];
  for (let k = 0; names.length < count; k++) {
    const i = Math.floor(((k * 7919 + salt * 104729) % NODES) / 3) * 3; // i % 3 === 0: an entity
    names.push(`Entity ${i}`);
  }
  return names;
}

async function fileLoad(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));
  try {
    const path = join(dir, 'graph.json');
    writeFileSync(path, JSON.stringify(syntheticGraph(NODES / FILE_SCALE, EDGES / FILE_SCALE).export()));
    const ms = await medianMs(() => loadGraph(path), 1);
    console.log(`loadGraph(file) at ${NODES / FILE_SCALE} nodes / ${EDGES / FILE_SCALE} edges (read, parse, zod, import, index): ${seconds(ms)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await fileLoad();

  const generated = timed(() => syntheticGraph(NODES, EDGES) as unknown as ClaimGraph);
  const graph = generated.value;
  console.log(`synthetic graph: ${graph.order} nodes, ${graph.size} edges, generated in ${seconds(generated.ms)} (not part of claimgraph)`);

  const opened = timed(() => queryGraph(graph, 'synthetic'));
  const q = opened.value;
  console.log(`indexes built once at load: ${seconds(opened.ms)}`);

  const speakers = entityNames(SAMPLES, 1);
  const targets = entityNames(SAMPLES, 2);
  const byName = latency(speakers, (name) => q.claims({ by: name }));
  const entity = latency(speakers, (name) => q.entity(name));
  const pairs = speakers.map((name, i) => [name, targets[i]!] as const);
  const path = latency(pairs, ([a, b]) => q.path(a, b));
  const pathLengths = pairs.map(([a, b]) => q.path(a, b)?.steps.length ?? -1).sort((a, b) => a - b);
  // baseline: what `claims --by` would pay to find its speaker without the name index
  const scan = latency(speakers.slice(0, 3), (name) => {
    const wanted = normalizeName(name);
    return graph.findNode((_key, attributes) => normalizeName(attributes.label) === wanted);
  });

  console.log(`claims --by NAME: median ${millis(byName.median)} (slowest ${millis(byName.max)}), ${(scan.median / byName.median).toFixed(0)}x faster than the full-scan baseline`);
  console.log(`entity NAME:      median ${millis(entity.median)} (slowest ${millis(entity.max)})`);
  console.log(`path A B:         median ${millis(path.median)} (slowest ${millis(path.max)}), median length ${pathLengths[Math.floor(pathLengths.length / 2)]} hops`);
  console.log(`baseline, name found by scanning every node: median ${millis(scan.median)}`);
  console.log(`peak memory (RSS): ${peakRssMiB()} MiB`);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
