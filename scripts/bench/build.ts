/**
 * Benchmark of `claimgraph build` in-process (ingest + extraction + graph + layout, without writing) over the
 * PolNeAR dev texts, in words per second, against bare wink-nlp readDoc with POS tags over the same texts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { buildFromSources, type SourceFile } from '../../src/pipeline/build-from-sources';
import { extractDocument } from '../../src/pipeline/extract-document';
import { ingest } from '../../src/ingest/ingest';
import { analyze } from '../../src/nlp/analyze';
import { buildGraph } from '../../src/graph/build';
import { applyLayout } from '../../src/layout/layout';
import type { ArticleDocument, DocumentExtraction } from '../../src/types';
import { performance } from 'node:perf_hooks';
import { peakRssMiB } from '../lib/bench-helpers';
import { attributionModel, tagDocument } from '../../src/claims/model';
import type { AnalyzedDocument } from '../../src/types';

export const description = 'build pipeline words/s over PolNeAR dev texts, against bare wink-nlp readDoc + POS (goal: ratio >= 0.33 now, 0.5 later)';

const TEXT_DIR = join(__dirname, '..', '..', '..', 'shared', 'eval', 'polnear-dev', 'text');

const REPEAT = 5;

/** CPU time (user + system) of one call, in milliseconds. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** One build taken apart stage by stage (CPU ms), to show which stage to make faster. */
function stageBreakdown(sources: SourceFile[]): string {
  let docs: ArticleDocument[] = [];
  const ingestMs = cpuMs(() => {
    docs = sources.flatMap((s) => {
      const r = ingest({ name: s.file, bytes: s.bytes });
      return r.ok ? [r.document] : [];
    });
  });
  const nlpMs = cpuMs(() => docs.forEach((d) => analyze(d)));
  let extractions: DocumentExtraction[] = [];
  const extractMs = cpuMs(() => {
    extractions = docs.map((d) => extractDocument(d));
  });
  let graph: ReturnType<typeof buildGraph> | undefined;
  const graphMs = cpuMs(() => {
    graph = buildGraph(extractions);
  });
  const layoutMs = cpuMs(() => applyLayout(graph!));
  const parts = [['ingest', ingestMs], ['nlp (wink)', nlpMs], ['entities+claims+relations', extractMs - nlpMs], ['graph', graphMs], ['layout', layoutMs]] as const;
  return parts.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ');
}

/**
 * The attribution model's own speed: features, emission scores, Viterbi and marginals, in tokens per second of
 * CPU time over documents already analyzed (goal: 300k tokens/s).
 */
function modelSpeed(sources: SourceFile[]): string {
  const analyzed: AnalyzedDocument[] = sources.flatMap((s) => {
    const r = ingest({ name: s.file, bytes: s.bytes });
    return r.ok ? [analyze(r.document)] : [];
  });
  const model = attributionModel();
  let tokens = 0;
  for (const a of analyzed) tokens += tagDocument(a, model).sequence.length;
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) times.push(cpuMs(() => analyzed.forEach((a) => tagDocument(a, model))));
  const rate = tokens / (median(times) / 1000);
  return `${tokens} tokens, ${Math.round(rate)} tokens/s (goal >= 300000): ${rate >= 300_000 ? 'meets' : 'BELOW'}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function run(): Promise<void> {
  if (!existsSync(TEXT_DIR)) {
    console.log(`SKIPPED: ${TEXT_DIR} is absent (the PolNeAR dev texts are shared data, not part of the project)`);
    return;
  }
  const files = readdirSync(TEXT_DIR).filter((f) => f.endsWith('.txt')).sort();
  const sources: SourceFile[] = files.map((f) => ({ file: f, path: f, bytes: readFileSync(join(TEXT_DIR, f)) }));
  const texts = sources.map((s) => Buffer.from(s.bytes).toString('utf8'));
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);

  const nlp = winkNLP(model);
  const its = nlp.its;
  const baseline = () => {
    for (const t of texts) nlp.readDoc(t).tokens().out(its.pos);
  };
  let nodes = 0;
  let edges = 0;
  const pipeline = () => {
    const { graph, errors } = buildFromSources(sources);
    if (errors.length) throw new Error(`build errors: ${errors.map((e) => `${e.file}: ${e.reason}`).join('; ')}`);
    nodes = graph.order;
    edges = graph.size;
  };
  // Warm up both (model load, JIT), then alternate them, so that noise from other processes hits both alike;
  // medians of wall time, and CPU time, which a loaded machine disturbs less.
  baseline();
  pipeline();
  const wall = { base: [] as number[], build: [] as number[] };
  const cpu = { base: [] as number[], build: [] as number[] };
  for (let i = 0; i < REPEAT; i++) {
    for (const [name, fn] of [['base', baseline], ['build', pipeline]] as const) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      fn();
      const used = process.cpuUsage(c0);
      wall[name].push(performance.now() - t0);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  const baseMs = median(wall.base);
  const buildMs = median(wall.build);
  const baseCpu = median(cpu.base);
  const buildCpu = median(cpu.build);
  const baseRate = words / (baseMs / 1000);
  const buildRate = words / (buildMs / 1000);
  const ratio = buildRate / baseRate;
  console.log(`texts: ${files.length} PolNeAR dev articles, ${words} words; graph: ${nodes} nodes, ${edges} edges`);
  console.log(`wink-nlp readDoc + POS: ${Math.round(baseRate)} words/s (${baseMs.toFixed(0)} ms)`);
  console.log(`claimgraph build (ingest+extract+graph+layout, no write): ${Math.round(buildRate)} words/s (${buildMs.toFixed(0)} ms)`);
  console.log(`ratio build/baseline: ${ratio.toFixed(2)} (goal >= 0.33 now, 0.5 later): ${ratio >= 0.5 ? 'meets 0.5' : ratio >= 0.33 ? 'meets 0.33' : 'BELOW 0.33'}`);
  console.log(`CPU time (median of ${REPEAT}): baseline ${baseCpu.toFixed(0)} ms, build ${buildCpu.toFixed(0)} ms, ratio ${(baseCpu / buildCpu).toFixed(2)}`);
  console.log(`where the build's CPU time goes: ${stageBreakdown(sources)}`);
  console.log(`attribution model tagging: ${modelSpeed(sources)}`);
  console.log(`peak memory (maxRSS): ${peakRssMiB()} MiB`);
}
