/**
 * claimgraph pipeline: the shard format of the map step (`claimgraph extract`) and the reduce step
 * (`claimgraph merge`). A shard is newline-delimited JSON, one document's extraction a line, so shards can be
 * concatenated, split, counted with `wc -l` and streamed; each line says what it is and who wrote it.
 * Pure: text in, text or values out.
 */
import { z } from 'zod';
import { ENTITY_KINDS, QUOTING_KINDS, RELATION_KINDS, STANCE_KINDS, documentSchema } from '../graph/schema';
import type { DocumentExtraction } from '../types';
import { GENERATOR } from '../version';
import { idTakenReason, inPathOrder, type InputProblem } from './build-from-sources';

/** Every line's `format`; `version` changes when a line's shape does. */
export const SHARD_FORMAT = 'claimgraph-extraction';
export const SHARD_VERSION = 1;

/** One line of a shard: an input's extraction, with the file it came from as the user named it (for messages). */
export interface ShardRecord {
  file: string;
  extraction: DocumentExtraction;
}

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const spanSchema = z.object(span);

/** DocumentExtraction (src/types.ts) as zod: a line from another machine is checked before the graph stage trusts it. */
const extractionSchema = z.object({
  doc: documentSchema,
  entities: z.array(z.object({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    label: z.string(),
    aliases: z.array(z.string()),
    mentions: z.array(z.object({ ...span, text: z.string() })),
    local: z.boolean().optional(),
  })),
  claims: z.array(z.object({
    text: z.string(),
    span: spanSchema,
    parts: z.array(spanSchema).optional(),
    sentence: spanSchema,
    speakers: z.array(z.object({
      entityId: z.string(),
      stance: z.enum(STANCE_KINDS),
      cue: spanSchema,
      confidence: z.number().min(0).max(1),
      quoted: z.enum(QUOTING_KINDS),
      belief: z.boolean(),
    })),
    reporters: z.array(z.object({ entityId: z.string(), cue: spanSchema })),
    about: z.array(z.string()),
  })),
  relations: z.array(z.object({ kind: z.enum(RELATION_KINDS), source: z.string(), target: z.string(), evidence: spanSchema })),
});

const lineSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  version: z.literal(SHARD_VERSION),
  generator: z.string(),
  file: z.string(),
  extraction: extractionSchema,
});

/** A shard line: the record as JSON, keys in a fixed order, so the same inputs give the same bytes. */
export function shardLine(record: ShardRecord): string {
  return `${JSON.stringify({ format: SHARD_FORMAT, version: SHARD_VERSION, generator: GENERATOR, file: record.file, extraction: record.extraction })}\n`;
}

/** Whether `head` (the first bytes of a file) is the start of a shard, so an existing one may be replaced. */
export const looksLikeShard = (head: string): boolean => head.startsWith(`{"format":"${SHARD_FORMAT}"`);

/** Every span of an extraction lies inside its document's text (what zod cannot say). */
function spanProblem(extraction: z.infer<typeof extractionSchema>): string | undefined {
  const length = extraction.doc.text.length;
  const spans: [string, { start: number; end: number }][] = [
    ...extraction.entities.flatMap((e) => e.mentions.map((m): [string, typeof m] => [`entity ${e.id} mention`, m])),
    ...extraction.claims.flatMap((c, i) => [
      [`claim ${i} span`, c.span] as [string, typeof c.span],
      ...(c.parts ?? []).map((p): [string, typeof c.span] => [`claim ${i} part`, p]),
      [`claim ${i} sentence`, c.sentence] as [string, typeof c.span],
      ...c.speakers.map((s): [string, typeof c.span] => [`claim ${i} cue`, s.cue]),
      ...c.reporters.map((r): [string, typeof c.span] => [`claim ${i} reporter cue`, r.cue]),
    ]),
    ...extraction.relations.map((r, i): [string, typeof r.evidence] => [`relation ${i}`, r.evidence]),
  ];
  const bad = spans.find(([, s]) => s.start > s.end || s.end > length);
  return bad && `${bad[0]} ${bad[1].start}-${bad[1].end} lies outside the document's text (${length} characters)`;
}

export type ParsedLine =
  | { kind: 'blank' }
  | { kind: 'record'; record: ShardRecord; /** the claimgraph that wrote it */ generator: string }
  | { kind: 'problem'; reason: string };

/**
 * Reads one line of a shard. A line that is not a valid record gets a reason, so that the caller names it
 * (`shard.ndjson:7`) and skips it: one damaged line costs one document, not the merge. Blank lines are allowed.
 */
export function parseShardLine(line: string): ParsedLine {
  if (!line.trim()) return { kind: 'blank' };
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (err) {
    return { kind: 'problem', reason: `not a JSON line: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = lineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return { kind: 'problem', reason: `not a claimgraph extraction (${SHARD_FORMAT} version ${SHARD_VERSION}): ${path ? `${path}: ` : ''}${issue.message}` };
  }
  const outside = spanProblem(parsed.data.extraction);
  if (outside) return { kind: 'problem', reason: `not a valid extraction: ${outside}` };
  return { kind: 'record', record: { file: parsed.data.file, extraction: parsed.data.extraction as DocumentExtraction }, generator: parsed.data.generator };
}

/**
 * The records of all shards as one build would take them: in path order, and of two with the same document id
 * the first in path order kept and each later one refused with build's own message; the same path in two shards
 * is one document. So extract over any split of the inputs, then merge, gives the documents one build gives.
 */
export function mergeRecords(records: readonly ShardRecord[]): { extractions: DocumentExtraction[]; errors: InputProblem[] } {
  const ordered = inPathOrder(records.map((r) => ({ ...r, path: r.extraction.doc.path })));
  const taken = new Map<string, { file: string; path?: string }>();
  const extractions: DocumentExtraction[] = [];
  const errors: InputProblem[] = [];
  for (const { file, path, extraction } of ordered) {
    const first = taken.get(extraction.doc.id);
    // the same input in two shards (overlapping file lists) is one document, as build reads a file named twice once
    if (first && first.path === path) continue;
    if (first) {
      errors.push({ file, reason: idTakenReason(extraction.doc.id, first.file) });
      continue;
    }
    taken.set(extraction.doc.id, { file, path });
    extractions.push(extraction);
  }
  return { extractions, errors };
}
