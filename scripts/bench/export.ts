/**
 * Benchmark of the exporters on a synthetic graph of 100k nodes and 500k edges: time of each format, against
 * graphology-gexf's own `write` of the same graph in the same run (goal for GEXF: ratio ≤ 1.2), and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { write } from 'graphology-gexf';
import { exportGraph, EXPORT_FORMAT_NAMES, type ExportFormatName, type ExportOptions } from '../../src/export';
import type { ClaimGraph } from '../../src/graph/load';
import { syntheticGraph } from '../../test/fixtures/synthetic-graph';
import { medianMs, peakRssMiB } from './memory';

export const description =
  'export time per format on 100k nodes / 500k edges, GEXF against graphology-gexf write (ratio, goal ≤ 1.2); peak RSS per format in a child process';

const NODES = Number(process.env.BENCH_EXPORT_NODES ?? 100_000);
const EDGES = Number(process.env.BENCH_EXPORT_EDGES ?? 500_000);
/** GEXF runs are repeated (median) because their ratio is the figure that has a goal; the others run once. */
const GEXF_REPEAT = 3;

/**
 * What a run measures: our exporter in a format, or the baseline. The baseline is graphology-gexf's `write` with
 * its defaults (GEXF 1.2, its own attribute mapping): with `version: '1.3'` it throws on claimgraph's evidence
 * (a list of objects), which is one reason writeGexf formats nodes and edges itself.
 */
type Job = { kind: 'format'; format: ExportFormatName; options: ExportOptions; label: string } | { kind: 'baseline'; label: string };

const BASELINE = 'graphology-gexf write';
const JOBS: Job[] = [
  { kind: 'baseline', label: BASELINE },
  { kind: 'format', format: 'gexf', options: { gexfVersion: '1.3' }, label: 'gexf 1.3' },
  { kind: 'format', format: 'gexf', options: { gexfVersion: '1.2' }, label: 'gexf 1.2' },
  ...EXPORT_FORMAT_NAMES.filter((f) => f !== 'gexf').map((format): Job => ({ kind: 'format', format, options: {}, label: format })),
];

function makeGraph(): ClaimGraph {
  // syntheticGraph follows the contract (see its tests); loading it through the validator would only add minutes
  return syntheticGraph(NODES, EDGES) as unknown as ClaimGraph;
}

/** Runs one job and returns the total length of what it wrote, in characters. */
function runJob(graph: ClaimGraph, job: Job): number {
  if (job.kind === 'baseline') return write(graph).length;
  return exportGraph(graph, job.format, job.options).files.reduce((n, f) => n + f.content.length, 0);
}

const mib = (chars: number) => `${(chars / 1024 / 1024).toFixed(0)} M chars`;

/** Child mode: build the graph, run one job, print the peak RSS and the RSS the graph alone took. */
function child(label: string): void {
  const job = JOBS.find((j) => j.label === label);
  if (!job) throw new Error(`bench/export: no job "${label}"`);
  const graph = makeGraph();
  const graphRss = peakRssMiB();
  runJob(graph, job);
  process.stdout.write(JSON.stringify({ graphRss, peakRss: peakRssMiB() }));
}

function measureMemory(label: string): { graphRss: number; peakRss: number } {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--child', label], {
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
  });
  if (result.status !== 0) throw new Error(`bench/export child "${label}" failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { graphRss: number; peakRss: number };
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const graph = makeGraph();
  console.log(`graph: ${graph.order} nodes, ${graph.size} edges, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const times = new Map<string, number>();
  for (const job of JOBS) {
    let size = 0;
    const repeat = job.kind === 'baseline' || job.format === 'gexf' ? GEXF_REPEAT : 1;
    times.set(job.label, await medianMs(() => { size = runJob(graph, job); }, repeat));
    const memory = measureMemory(job.label);
    console.log(
      `${job.label.padEnd(26)} ${(times.get(job.label)! / 1000).toFixed(2).padStart(6)} s  ${mib(size).padStart(13)}  ` +
        `peak RSS ${String(memory.peakRss).padStart(5)} MiB (graph alone ${memory.graphRss} MiB)`,
    );
  }
  for (const version of ['1.3', '1.2']) {
    const ratio = times.get(`gexf ${version}`)! / times.get(BASELINE)!;
    console.log(`ratio gexf ${version} / ${BASELINE}: ${ratio.toFixed(2)} (goal ≤ 1.2)`);
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) child(process.argv[at + 1] ?? '');
  else run().catch((err: unknown) => { console.error(err); process.exit(1); });
}
