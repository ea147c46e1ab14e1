/**
 * Benchmark of `claimgraph build` in-process (ingest + extraction + graph + layout, without writing) over the
 * PolNeAR dev texts, in words per second, against bare wink-nlp readDoc with POS tags over the same texts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { buildFromSources, type SourceFile } from '../../src/pipeline/build-from-sources';
import { medianMs, peakRssMiB } from './memory';

export const description = 'build pipeline words/s over PolNeAR dev texts, against bare wink-nlp readDoc + POS (goal: ratio >= 0.33 now, 0.5 later)';

const TEXT_DIR = join(__dirname, '..', '..', '..', 'shared', 'eval', 'polnear-dev', 'text');

/** CPU time (user + system) of one call, in milliseconds. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
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
  // Warm up both (model load, JIT), then take medians, alternating so that machine noise hits both alike.
  baseline();
  pipeline();
  const baseMs = await medianMs(baseline, 3);
  const buildMs = await medianMs(pipeline, 3);
  // CPU time too: on a shared, loaded machine wall time also counts the time other processes had the CPU.
  const baseCpu = cpuMs(baseline);
  const buildCpu = cpuMs(pipeline);
  const baseRate = words / (baseMs / 1000);
  const buildRate = words / (buildMs / 1000);
  const ratio = buildRate / baseRate;
  console.log(`texts: ${files.length} PolNeAR dev articles, ${words} words; graph: ${nodes} nodes, ${edges} edges`);
  console.log(`wink-nlp readDoc + POS: ${Math.round(baseRate)} words/s (${baseMs.toFixed(0)} ms)`);
  console.log(`claimgraph build (ingest+extract+graph+layout, no write): ${Math.round(buildRate)} words/s (${buildMs.toFixed(0)} ms)`);
  console.log(`ratio build/baseline: ${ratio.toFixed(2)} (goal >= 0.33 now, 0.5 later): ${ratio >= 0.5 ? 'meets 0.5' : ratio >= 0.33 ? 'meets 0.33' : 'BELOW 0.33'}`);
  console.log(`CPU time: baseline ${baseCpu.toFixed(0)} ms, build ${buildCpu.toFixed(0)} ms, ratio ${(baseCpu / buildCpu).toFixed(2)}`);
  console.log(`peak memory (maxRSS): ${peakRssMiB()} MiB`);
}
