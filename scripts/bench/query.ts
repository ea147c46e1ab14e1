/**
 * Query benchmark: latency of `claims --by`, `entity` and `path` on a synthetic graph of 1M nodes and 2.5M edges,
 * after the indexes are built once; baseline: resolving a name by scanning every node instead of the index.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { graphFromJson, type ClaimGraph } from '../../src/graph/load';
import { validateSerializedGraph } from '../../src/graph/schema';
import { normalizeName, queryGraph } from '../../src/query';
import { syntheticGraph } from '../../test/fixtures/synthetic-graph';
import { peakRssMiB } from '../lib/bench-helpers';

export const description =
  'query latency on a synthetic 1M-node / 2.5M-edge graph (median over 21 names each), against a name lookup by full scan';

const NODES = 1_000_000;
const EDGES = 2_500_000;
/** the file-loading figure (read, JSON.parse, zod validation, import, indexes) uses a graph this much smaller */
const FILE_SCALE = 20;
const SAMPLES = 21;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${ms < 1 ? ms.toFixed(3) : ms.toFixed(2)} ms`;

/**
 * Wall time and CPU time (user + system, this process) of `fn`. Shared machines are often busy: CPU time
 * says what the work costs, wall time what a user waited.
 */
function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median wall and CPU time and slowest wall time of `fn` over each of `inputs`, after one warm-up call. */
function latency<I>(inputs: I[], fn: (input: I) => unknown): { median: number; cpu: number; max: number } {
  fn(inputs[0]!);
  const runs = inputs.map((input) => timed(() => fn(input)));
  return { median: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpuMs)), max: Math.max(...runs.map((r) => r.ms)) };
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

/** What loadGraph(file) does, step by step, on a graph FILE_SCALE times smaller (a 1M-node file outgrows a JS string). */
function fileLoad(): void {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));
  try {
    const path = join(dir, 'graph.json');
    writeFileSync(path, JSON.stringify(syntheticGraph(NODES / FILE_SCALE, EDGES / FILE_SCALE).export()));
    const read = timed(() => readFileSync(path, 'utf8'));
    const parsed = timed(() => JSON.parse(read.value) as unknown);
    const validated = timed(() => validateSerializedGraph(parsed.value, path));
    const imported = timed(() => graphFromJson(parsed.value, path)); // validates again, then imports
    const indexed = timed(() => queryGraph(imported.value, path));
    const steps = [
      ['read', read],
      ['JSON.parse', parsed],
      ['zod + contract checks', validated],
      ['graphology import', { ms: imported.ms - validated.ms, cpuMs: imported.cpuMs - validated.cpuMs }],
      ['query indexes', indexed],
    ] as const;
    const total = steps.reduce((sum, [, t]) => sum + t.ms, 0);
    const totalCpu = steps.reduce((sum, [, t]) => sum + t.cpuMs, 0);
    console.log(`loadGraph(file) at ${NODES / FILE_SCALE} nodes / ${EDGES / FILE_SCALE} edges: ${seconds(total)} wall, ${seconds(totalCpu)} CPU`);
    for (const [name, t] of steps) console.log(`  ${name.padEnd(22)}${seconds(t.ms)} wall, ${seconds(t.cpuMs)} CPU`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  fileLoad();

  const generated = timed(() => syntheticGraph(NODES, EDGES) as unknown as ClaimGraph);
  const graph = generated.value;
  console.log(`synthetic graph: ${graph.order} nodes, ${graph.size} edges, generated in ${seconds(generated.ms)} (not part of claimgraph)`);

  const opened = timed(() => queryGraph(graph, 'synthetic'));
  const q = opened.value;
  console.log(`indexes built once at load: ${seconds(opened.ms)} (CPU ${seconds(opened.cpuMs)})`);

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

  const show = (name: string, l: { median: number; cpu: number; max: number }) =>
    `${name.padEnd(18)}median ${millis(l.median)} wall, ${millis(l.cpu)} CPU (slowest ${millis(l.max)} wall)`;
  console.log(`${show('claims --by NAME', byName)}; ${(scan.median / byName.median).toFixed(0)}x faster than the baseline`);
  console.log(show('entity NAME', entity));
  console.log(`${show('path A B', path)}; median length ${median(pathLengths)} hops`);
  console.log(`${show('baseline', scan)}: a name found by scanning every node`);
  console.log(`peak memory (RSS): ${peakRssMiB()} MiB`);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
