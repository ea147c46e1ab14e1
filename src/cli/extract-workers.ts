/**
 * claimgraph build on several cores: the inputs' extraction (ingest and every extraction stage, pure per
 * document) on worker threads, one input at a time each, and the outcomes gathered in path order, so that the
 * graph stage gets exactly what `extractSources` gives in one thread and the files are the same bytes.
 * Extractions come back as shard lines (`claimgraph extract`'s format) and are read as `claimgraph merge` reads
 * them. A worker that dies (out of memory, say) fails only the input it had, and another takes its place.
 */
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gatherOutcomes, inPathOrder, type ExtractionResult, type PipelineOptions, type SourceFile, type SourceOutcome } from '../pipeline/build-from-sources';
import { parseShardLine } from '../pipeline/shards';
import type { WorkerReply, WorkerRequest } from '../pipeline/worker-extract';

/** The default of `--jobs`: one extraction at a time per core that this process may use. */
export const defaultJobs = (): number => availableParallelism();

/** The worker's entry: the .ts source under ts-node, the compiled .js in dist/ (this file's own extension). */
export const WORKER_ENTRY = join(__dirname, '..', 'pipeline', `worker-entry${extname(__filename)}`);

/** A worker's reply as the outcome `gatherOutcomes` takes; the extraction is read back from its shard line. */
function outcomeOf(message: Exclude<WorkerReply, { kind: 'ready' }>): SourceOutcome {
  if (message.kind === 'failed') return { ok: false, reason: message.reason };
  const { id, warnings } = message;
  if (message.kind === 'not-extracted') return { ok: true, id, warnings, reason: message.reason };
  const parsed = parseShardLine(message.line);
  if (parsed.kind !== 'record') return { ok: true, id, warnings, reason: `extraction failed: ${parsed.kind === 'problem' ? parsed.reason : 'empty line'}` };
  return { ok: true, id, warnings, extraction: parsed.record.extraction };
}

/** An error's first line; duck-typed, since an error from a worker may come from another realm (under jest). */
const messageOf = (err: unknown): string => {
  const message = typeof (err as { message?: unknown } | undefined)?.message === 'string' ? (err as { message: string }).message : String(err);
  return message.split('\n')[0]!;
};

/**
 * `extractSources` on `jobs` worker threads (at most one per input): the same result, in path order. Rejects
 * only when a worker cannot even start (its code cannot be loaded), since then no input could be extracted.
 * `entry`: the worker's code (tests give one that fails on purpose).
 */
export async function extractSourcesInWorkers(sources: SourceFile[], jobs: number, onProgress?: PipelineOptions['onProgress'], entry = WORKER_ENTRY): Promise<ExtractionResult> {
  const ordered = inPathOrder(sources);
  return gatherOutcomes(ordered, await extractOutcomesInWorkers(ordered, jobs, onProgress, entry));
}

/**
 * The outcome of each of `ordered` (`extractOne`'s), computed on `jobs` worker threads, in the same order; the id
 * rule is left to `gatherOutcomes`, so that the build can mix these with outcomes from its extraction cache.
 */
export async function extractOutcomesInWorkers(ordered: readonly SourceFile[], jobs: number, onProgress?: PipelineOptions['onProgress'], entry = WORKER_ENTRY): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = new Array<SourceOutcome>(ordered.length);
  const workers = new Set<Worker>();
  let next = 0;
  let done = 0;
  onProgress?.(0, ordered.length, '');
  try {
    await new Promise<void>((resolve, reject) => {
      if (!ordered.length) return resolve();
      const finish = (index: number, outcome: SourceOutcome) => {
        outcomes[index] = outcome;
        done += 1;
        onProgress?.(done, ordered.length, ordered[index]!.file);
        if (done === ordered.length) resolve();
      };
      const start = () => {
        const worker = new Worker(entry);
        workers.add(worker);
        let ready = false;
        let current: number | undefined;
        let error: unknown;
        const give = () => {
          current = next < ordered.length ? next++ : undefined;
          if (current === undefined) {
            workers.delete(worker);
            void worker.terminate();
          } else worker.postMessage({ index: current, source: ordered[current]! } satisfies WorkerRequest);
        };
        worker.on('message', (message: WorkerReply) => {
          if (message.kind !== 'ready') finish(message.index, outcomeOf(message));
          else ready = true;
          give();
        });
        worker.on('error', (err) => (error = err));
        worker.on('exit', (code) => {
          workers.delete(worker);
          if (!ready) return reject(new Error(`cannot start an extraction worker: ${error === undefined ? `it stopped with code ${code}` : messageOf(error)}`));
          if (current === undefined) return;
          finish(current, { ok: false, reason: `extraction failed: the worker thread stopped (${error === undefined ? `code ${code}` : messageOf(error)})` });
          if (next < ordered.length) start();
        });
      };
      for (let i = 0; i < Math.min(Math.max(1, jobs), ordered.length); i++) start();
    });
  } finally {
    await Promise.all([...workers].map((w) => w.terminate()));
  }
  return outcomes;
}
