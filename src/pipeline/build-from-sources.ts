/**
 * claimgraph pipeline: input files (already read into bytes) to one laid-out graph, with a line per input
 * that could not be built. Pure: the CLI reads the files and writes the result.
 */
import type { ClaimGraph } from '../graph/load';
import { buildGraph } from '../graph/build';
import { ingest, type IngestResult } from '../ingest/ingest';
import { applyLayout, type LayoutOptions } from '../layout/layout';
import type { ArticleDocument, DocumentExtraction } from '../types';
import { extractDocument } from './extract-document';

/** One input file's content. */
export interface SourceFile {
  /** the file as the user named it; used in messages */
  file: string;
  bytes: Uint8Array;
  /** stored as the document's `path` (relative, with forward slashes, so that builds are byte-stable) */
  path?: string;
}

/** An input that could not be built (or a warning about one), as `claimgraph: FILE: reason` shows it. */
export interface InputProblem {
  file: string;
  reason: string;
}

export interface PipelineOptions {
  layout?: LayoutOptions;
  /** called once before the first input (done = 0), then after each input, built or not */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface PipelineResult {
  graph: ClaimGraph;
  documents: ArticleDocument[];
  errors: InputProblem[];
  warnings: InputProblem[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Runs the extraction stages on one document; a stage that throws fails this document, not the build. */
function extractSafely(doc: ArticleDocument): { ok: true; extraction: DocumentExtraction } | { ok: false; reason: string } {
  try {
    return { ok: true, extraction: extractDocument(doc) };
  } catch (err) {
    return { ok: false, reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Reads one input into a document; an ingest step that throws (a parser's stack overflow on a hostile page, say)
 * fails this input with a reason, not the build.
 */
function ingestSafely(source: SourceFile): IngestResult {
  try {
    return ingest({ name: source.file, bytes: source.bytes, path: source.path });
  } catch (err) {
    return { ok: false, error: { code: 'failed', reason: `reading failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

/** The message for a document whose id an earlier input (in path order) already has. */
export const idTakenReason = (id: string, takenBy: string): string =>
  `document id "${id}" is already taken by ${takenBy} (ids are file names without extension); rename one of them`;

/** The inputs in the order every build takes them: by stored path, then by name, whatever order they came in. */
export const inPathOrder = <T extends { file: string; path?: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => byString(a.path ?? a.file, b.path ?? b.file) || byString(a.file, b.file));

export interface ExtractionResult {
  /** one per input built, in path order; `files[i]` is the input that `extractions[i]` came from */
  extractions: DocumentExtraction[];
  files: string[];
  errors: InputProblem[];
  warnings: InputProblem[];
}

/**
 * The map step: every input through ingest and the extraction stages, without the graph. Inputs are taken in
 * path order, whatever order they were given in, so the result depends on the files only. Two inputs with the
 * same document id (file name without extension): the first in path order is built, each later one is refused
 * with an error naming the first.
 */
export function extractSources(sources: SourceFile[], onProgress?: PipelineOptions['onProgress']): ExtractionResult {
  const ordered = inPathOrder(sources);
  const result: ExtractionResult = { extractions: [], files: [], errors: [], warnings: [] };
  const fileOfId = new Map<string, string>();
  onProgress?.(0, ordered.length, '');
  ordered.forEach((source, i) => {
    const ingested = ingestSafely(source);
    if (!ingested.ok) {
      result.errors.push({ file: source.file, reason: ingested.error.reason });
    } else {
      const { document } = ingested;
      const taken = fileOfId.get(document.id);
      if (taken !== undefined) {
        result.errors.push({ file: source.file, reason: idTakenReason(document.id, taken) });
      } else {
        for (const message of ingested.warnings) result.warnings.push({ file: source.file, reason: message });
        const extracted = extractSafely(document);
        if (extracted.ok) {
          fileOfId.set(document.id, source.file);
          result.extractions.push(extracted.extraction);
          result.files.push(source.file);
        } else {
          result.errors.push({ file: source.file, reason: extracted.reason });
        }
      }
    }
    onProgress?.(i + 1, ordered.length, source.file);
  });
  return result;
}

/** The graph stage: extractions merged into one graph and laid out. Build and merge both end here. */
export function graphFromExtractions(extractions: DocumentExtraction[], layout?: LayoutOptions): ClaimGraph {
  const graph = buildGraph(extractions);
  applyLayout(graph, layout);
  return graph;
}

/** Builds the graph of `sources`: `extractSources`, then `graphFromExtractions`. */
export function buildFromSources(sources: SourceFile[], options: PipelineOptions = {}): PipelineResult {
  const { extractions, errors, warnings } = extractSources(sources, options.onProgress);
  return { graph: graphFromExtractions(extractions, options.layout), documents: extractions.map((e) => e.doc), errors, warnings };
}

/**
 * What one input gives on its own, before the id rule (which needs the inputs before it): the reason it could not
 * be read, or its document id, its warnings, and its extraction or the reason the extraction failed. Extraction
 * workers compute these in any order; `gatherOutcomes` applies the rule in path order.
 */
export type SourceOutcome =
  | { ok: false; reason: string }
  | { ok: true; id: string; warnings: string[]; extraction: DocumentExtraction }
  | { ok: true; id: string; warnings: string[]; extraction?: undefined; reason: string };

/** One input through ingest and the extraction stages, each failure caught as `extractSources` catches it. */
export function extractOne(source: SourceFile): SourceOutcome {
  const ingested = ingestSafely(source);
  if (!ingested.ok) return { ok: false, reason: ingested.error.reason };
  const { document } = ingested;
  const extracted = extractSafely(document);
  return extracted.ok
    ? { ok: true, id: document.id, warnings: ingested.warnings, extraction: extracted.extraction }
    : { ok: true, id: document.id, warnings: ingested.warnings, reason: extracted.reason };
}

/**
 * `extractSources`'s result from the outcomes of `ordered` (the inputs in path order; `outcomes[i]` is that of
 * `ordered[i]`): the same extractions, errors and warnings in the same order, whatever order they were computed in.
 * A document whose id an earlier one has is refused, its warnings and extraction unused, as `extractSources` does.
 */
export function gatherOutcomes(ordered: readonly SourceFile[], outcomes: readonly SourceOutcome[]): ExtractionResult {
  const result: ExtractionResult = { extractions: [], files: [], errors: [], warnings: [] };
  const fileOfId = new Map<string, string>();
  ordered.forEach(({ file }, i) => {
    const outcome = outcomes[i]!;
    const taken = outcome.ok ? fileOfId.get(outcome.id) : undefined;
    if (!outcome.ok) result.errors.push({ file, reason: outcome.reason });
    else if (taken !== undefined) result.errors.push({ file, reason: idTakenReason(outcome.id, taken) });
    else {
      for (const message of outcome.warnings) result.warnings.push({ file, reason: message });
      if (outcome.extraction === undefined) result.errors.push({ file, reason: outcome.reason });
      else {
        fileOfId.set(outcome.id, file);
        result.extractions.push(outcome.extraction);
        result.files.push(file);
      }
    }
  });
  return result;
}
