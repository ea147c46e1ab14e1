/**
 * Benchmark of the exporters on a synthetic graph of 100k nodes and 500k edges: time of each format, against
 * graphology-gexf's own `write` of the same graph in the same run (goal for GEXF: ratio ≤ 1.2), and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { write } from 'graphology-gexf';
import { exportGraph, writeGexf, EXPORT_FORMAT_NAMES, type ExportFormatName, type ExportOptions } from '../../src/export';
import type { ClaimGraph } from '../../src/graph/load';
import { syntheticGraph } from '../../test/fixtures/synthetic-graph';
import { peakRssMiB } from '../lib/bench-helpers';

export const description =
  'export time per format on 100k nodes / 500k edges, GEXF against graphology-gexf write (ratio, goal ≤ 1.2); peak RSS; one process per job';

const NODES = Number(process.env.BENCH_EXPORT_NODES ?? 100_000);
const EDGES = Number(process.env.BENCH_EXPORT_EDGES ?? 500_000);

/**
 * What a run measures: our exporter in a format, or the baseline. The baseline is graphology-gexf's `write` with
 * its defaults (GEXF 1.2, its own attribute mapping): with `version: '1.3'` it throws on claimgraph's evidence
 * (a list of objects), which is one reason writeGexf formats nodes and edges itself.
 */
type Job =
  | { kind: 'format'; format: ExportFormatName; options: ExportOptions; label: string }
  | { kind: 'baseline'; label: string }
  | { kind: 'gexf-pretty'; label: string };

const BASELINE = 'graphology-gexf write';
const JOBS: Job[] = [
  { kind: 'baseline', label: BASELINE },
  { kind: 'format', format: 'gexf', options: { gexfVersion: '1.3' }, label: 'gexf 1.3' },
  { kind: 'format', format: 'gexf', options: { gexfVersion: '1.2' }, label: 'gexf 1.2' },
  // indented as the baseline is: shows how much of the difference is the compact output of big graphs
  { kind: 'gexf-pretty', label: 'gexf 1.3 indented' },
  ...EXPORT_FORMAT_NAMES.filter((f) => f !== 'gexf').map((format): Job => ({ kind: 'format', format, options: {}, label: format })),
];

function makeGraph(): ClaimGraph {
  // syntheticGraph follows the contract (see its tests); loading it through the validator would only add minutes
  return syntheticGraph(NODES, EDGES) as unknown as ClaimGraph;
}

/** Runs one job and returns the total length of what it wrote, in characters. */
function runJob(graph: ClaimGraph, job: Job): number {
  if (job.kind === 'baseline') return write(graph).length;
  if (job.kind === 'gexf-pretty') return writeGexf(graph, { pretty: true }).length;
  return exportGraph(graph, job.format, job.options).files.reduce((n, f) => n + f.content.length, 0);
}

const mChars = (chars: number) => `${(chars / 1e6).toFixed(0)} M chars`;

interface Measure {
  wallMs: number;
  cpuMs: number;
  chars: number;
  graphRssMiB: number;
  peakRssMiB: number;
}

/** Child mode: build the graph, run one job once, print its wall and CPU time, output size and peak RSS. */
function child(label: string): void {
  const job = JOBS.find((j) => j.label === label);
  if (!job) throw new Error(`bench/export: no job "${label}"`);
  const graph = makeGraph();
  const graphRssMiB = peakRssMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const chars = runJob(graph, job);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const measure: Measure = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, chars, graphRssMiB, peakRssMiB: peakRssMiB() };
  process.stdout.write(JSON.stringify(measure));
}

/**
 * Each job runs in a process of its own, so that its peak RSS is its own and no job pays for another's garbage.
 * CPU time is printed beside wall time: on a shared machine it is the steadier of the two.
 */
function measureInChild(label: string): Measure {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, '--child', label], {
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
  });
  if (result.status !== 0) throw new Error(`bench/export child "${label}" failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Measure;
}

export async function run(): Promise<void> {
  console.log(`graph: syntheticGraph(${NODES}, ${EDGES}); each job in a fresh process, run once`);
  const measures = new Map<string, Measure>();
  for (const job of JOBS) {
    const m = measureInChild(job.label);
    measures.set(job.label, m);
    console.log(
      `${job.label.padEnd(22)} wall ${(m.wallMs / 1000).toFixed(1).padStart(6)} s  cpu ${(m.cpuMs / 1000).toFixed(1).padStart(6)} s  ` +
        `${mChars(m.chars).padStart(13)}  peak RSS ${String(m.peakRssMiB).padStart(5)} MiB (graph alone ${m.graphRssMiB} MiB)`,
    );
  }
  const base = measures.get(BASELINE)!;
  for (const version of ['1.3', '1.2', '1.3 indented']) {
    const m = measures.get(`gexf ${version}`)!;
    console.log(`ratio gexf ${version} / ${BASELINE}: wall ${(m.wallMs / base.wallMs).toFixed(2)}, cpu ${(m.cpuMs / base.cpuMs).toFixed(2)} (goal ≤ 1.2)`);
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) child(process.argv[at + 1] ?? '');
  else run().catch((err: unknown) => { console.error(err); process.exit(1); });
}
