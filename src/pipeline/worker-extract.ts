/**
 * An extraction worker thread: takes inputs (bytes) from the main thread one message at a time and answers each
 * with its outcome, the extraction as one shard line (the JSON of `claimgraph extract`, src/pipeline/shards.ts), so
 * that the main thread reads it back as `claimgraph merge` reads a shard. Every stage's exception is caught per
 * document (`extractOne`), so one input's failure is its own.
 */
import type { MessagePort } from 'node:worker_threads';
import { extractOne, type SourceFile } from './build-from-sources';
import { shardLine } from './shards';

/** Main thread to worker: one input, `index` its place in path order. */
export interface WorkerRequest {
  index: number;
  source: SourceFile;
}

/** Worker to main thread: loaded and waiting, or one input's outcome (an extraction as a shard line). */
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; index: number; reason: string }
  | { kind: 'extracted'; index: number; id: string; warnings: string[]; line: string }
  | { kind: 'not-extracted'; index: number; id: string; warnings: string[]; reason: string };

export function reply({ index, source }: WorkerRequest): WorkerReply {
  const outcome = extractOne(source);
  if (!outcome.ok) return { kind: 'failed', index, reason: outcome.reason };
  const { id, warnings } = outcome;
  if (outcome.extraction === undefined) return { kind: 'not-extracted', index, id, warnings, reason: outcome.reason };
  return { kind: 'extracted', index, id, warnings, line: shardLine({ file: source.file, extraction: outcome.extraction }) };
}

/** Answers the main thread's requests on `port` (a worker's parentPort), once this thread's code is loaded. */
export function serveExtractions(port: MessagePort): void {
  port.on('message', (request: WorkerRequest) => port.postMessage(reply(request)));
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);
}
