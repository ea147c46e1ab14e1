/**
 * claimgraph sidecar index, the format (GRAPH-CONTRACT.md, "The sidecar index"): a file beside a graph file in
 * the line layout, `graph.json.idx`, that holds what `query claims --by NAME` needs to find its rows without
 * reading the graph, and where in the graph file (byte offsets) the lines lie that a speaker's claims are made
 * of. Like a .bai beside a BAM file it is derived and optional: a reader that finds none, or one that does not
 * fit its graph, reads the graph.
 *
 * The file is lines of JSON, in five sections: the header; a table of lookups (entities by key, names by
 * normalized label and alias, documents by id and by normalized id), in buckets by a hash of the lookup; where
 * each bucket starts, so that a lookup reads one bucket (some 14 KB); one record per speaker: the spans of its
 * attribution edges' lines and of its documents' lines, and where its claims' lines of the index lie; one line
 * per claim a speaker's attribution leads to: the spans of its node's and its `about` edges' lines and what it
 * is about. A claim said by many speakers is written once, not in each speaker's record, and a document is
 * named by the span of its line, not copied: the first index, which repeated both, was nearly as large as the
 * graph of 2,000 invented articles whose claims many speakers share (6.6 MB beside 7.5 MB; now 1.9 MB; its
 * repeated `about` lists were 3.7 MB of it, the documents 0.5 MB). A query reads the header, the
 * buckets, a few buckets of the table, one record and its claims, whatever the graph's size; only a name that
 * matches nothing makes it read the whole table, for the suggestions.
 *
 * Buckets, not a sorted table: a lookup only ever asks for one name whole, and hashing the lookups costs the
 * writer little where sorting them cost it much (the 414,152 lookups of a synthetic graph of 138,050 entities:
 * some 20 ms to hash, some 250 ms to sort). A name's lookup has a line for each entity that bears it, so that
 * the writer lists the names as it meets them, with no map of every name to gather them first.
 *
 * Here: the shapes, and checks that cost little per line (a schema library would cost more than the lookup).
 */
import { normalizeName } from './normalize';

export const SIDECAR_FORMAT = 'claimgraph-index';
/** Bumped when the shapes below change; a reader uses only the version it knows. */
export const SIDECAR_VERSION = 2;

/** The index of the graph file at `graphPath`: the same name with `.idx` added (graph.json → graph.json.idx). */
export const sidecarPathFor = (graphPath: string): string => `${graphPath}.idx`;

/** The table has a bucket for every this many entities and documents (at least one): some 14 KB each. */
export const ROWS_PER_BUCKET = 100;

export const bucketCount = (rows: number): number => Math.max(1, Math.ceil(rows / ROWS_PER_BUCKET));

/** The bucket of a lookup: its 32-bit FNV-1a hash, over its UTF-16 code units, modulo the number of buckets. */
export function bucketOf(lookup: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < lookup.length; i++) hash = Math.imul(hash ^ lookup.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % buckets;
}

/**
 * The table holds names as normalizeName writes them. The header holds this text normalized, so that an index
 * written by a claimgraph that normalized otherwise (and would look names up otherwise) is not used.
 */
const NAMES_PROBE = 'Ínterpol  D.C.—Zoë’s 3rd Ltd';
export const namesProbe = (): string => normalizeName(NAMES_PROBE);

/** The index does not fit its graph file, or a line it points to is not what it says: the index is not used. */
export class SidecarMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SidecarMismatch';
  }
}

/** Where a line lies in the graph file (or in a section of the index): its first byte and its length in bytes, its comma and line break included. */
export type Span = [offset: number, length: number];

/** How many lines a section has, and their bytes, line breaks included. */
export interface Section {
  count: number;
  bytes: number;
}

/** Line 1. The sections follow it in this order. */
export interface SidecarHeader {
  format: typeof SIDECAR_FORMAT;
  version: number;
  generator: string;
  names: string;
  /** the graph file it was made with: its size, the SHA-256 of its first line and of the whole file (hex) */
  graph: { bytes: number; firstLine: string; sha256: string };
  /** the graph's options, for a reader that builds a graph of the lines it reads */
  options: { type: 'mixed' | 'directed' | 'undirected'; multi: boolean; allowSelfLoops: boolean };
  table: Section;
  buckets: Section;
  records: Section;
  claims: Section;
}

/** The prefixes of the table's lookups. */
export const LOOKUP = { entity: 'k:', label: 'l:', alias: 'a:', document: 'd:', documentName: 'n:' } as const;

/**
 * A document: id, title, date (null when it has none), the span of its line (documents lie in the graph file in
 * their list's order, so the offset orders them too). In the table as [`d:` + id, title, ...].
 */
export type DocumentRow = [id: string, title: string, date: string | null, offset: number, length: number];

/**
 * An entity (a node that is not a claim): key, kind, label, aliases, its place among the entities in graph
 * order, and for a speaker where its record lies: a byte offset from the start of the records, and a length.
 * In the table as [`k:` + key, kind, ...].
 */
export interface EntityRow {
  key: string;
  kind: string;
  label: string;
  aliases: string[];
  position: number;
  record?: Span;
}

/**
 * A speaker's record: its key (checked against the entity that led to it); for each of its attribution edges
 * (`speakerEdges` of claims.ts), in key order, the span of the edge's line in the graph file and the span of
 * its claim's line among the index's claims; the spans of the lines of the documents its evidence lies in, in
 * graph order. In the file: `[key, [edge offset, edge length, claim offset, claim length, ...], [document
 * offset, document length, ...]]`, the numbers flat.
 */
export interface SpeakerRecord {
  speaker: string;
  attributions: { edge: Span; claim: Span }[];
  documents: Span[];
}

/**
 * What a claim's line of the index says: the span of the claim's node line and of its `about` edges' lines
 * (`aboutEdges`, in key order) in the graph file, and what the claim is about ([key, kind, label], by key).
 * In the file: `[node offset, node length, [about offset, about length, ...], [[key, kind, label], ...]]`.
 */
export interface ClaimRecord {
  node: Span;
  about: Span[];
  targets: [key: string, kind: string, label: string][];
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCounts = (v: unknown): v is number[] => Array.isArray(v) && v.every(isCount);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSection = (v: unknown): boolean => isObject(v) && isCount(v.count) && isCount(v.bytes);
const GRAPH_TYPES: readonly unknown[] = ['mixed', 'directed', 'undirected'];

/** The JSON of a line, or undefined when it is none. */
export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The header, or why the line is none this reader takes. */
export function parseSidecarHeader(line: string): SidecarHeader | string {
  const v = parseLine(line);
  if (v === undefined) return 'the first line is not JSON';
  if (!isObject(v) || v.format !== SIDECAR_FORMAT) return 'not a claimgraph index';
  if (v.version !== SIDECAR_VERSION) return `an index of version ${String(v.version)}; this claimgraph reads version ${SIDECAR_VERSION}`;
  const { graph, options } = v;
  const shaped =
    typeof v.generator === 'string' && typeof v.names === 'string' &&
    isObject(graph) && isCount(graph.bytes) && typeof graph.firstLine === 'string' && typeof graph.sha256 === 'string' &&
    isObject(options) && GRAPH_TYPES.includes(options.type) && typeof options.multi === 'boolean' && typeof options.allowSelfLoops === 'boolean' &&
    isSection(v.table) && isSection(v.buckets) && isSection(v.records) && isSection(v.claims);
  if (!shaped) return 'the header lacks a field';
  if (v.names !== namesProbe()) return `written by ${v.generator}, which normalized names otherwise`;
  return v as unknown as SidecarHeader;
}

/** A line of the table: its lookup first. */
export const isTableLine = (v: unknown): v is [string, ...unknown[]] => Array.isArray(v) && typeof v[0] === 'string';

/** A bucket's line: where it starts in the table, a byte offset. */
export const isBucket = (v: unknown): v is number => isCount(v);

export function isDocumentRow(v: unknown): v is DocumentRow {
  return Array.isArray(v) && v.length === 5 && typeof v[0] === 'string' && typeof v[1] === 'string' && (v[2] === null || typeof v[2] === 'string') && isCount(v[3]) && isCount(v[4]);
}

/** The document of a `d:` line of the table. */
export function documentOfLine(line: [string, ...unknown[]]): DocumentRow | undefined {
  const row = [line[0].slice(LOOKUP.document.length), ...line.slice(1)];
  return line[0].startsWith(LOOKUP.document) && isDocumentRow(row) ? row : undefined;
}

/** The entity of a `k:` line of the table. */
export function entityOfLine(line: [string, ...unknown[]]): EntityRow | undefined {
  const [lookup, kind, label, aliases, position, offset, length] = line;
  if (!lookup.startsWith(LOOKUP.entity) || typeof kind !== 'string' || typeof label !== 'string' || !isStrings(aliases) || !isCount(position)) return undefined;
  if (line.length === 5) return { key: lookup.slice(LOOKUP.entity.length), kind, label, aliases, position };
  return line.length === 7 && isCount(offset) && isCount(length) ? { key: lookup.slice(LOOKUP.entity.length), kind, label, aliases, position, record: [offset, length] } : undefined;
}

/** The key or id of an `l:`, `a:` or `n:` line of the table. */
export function nameOfLine(line: [string, ...unknown[]]): string | undefined {
  return line.length === 2 && typeof line[1] === 'string' ? line[1] : undefined;
}

/** Flat numbers as spans ([offset, length, offset, length, ...]), or undefined when they are not. */
function spansOf(v: unknown): Span[] | undefined {
  if (!isCounts(v) || v.length % 2 !== 0) return undefined;
  return Array.from({ length: v.length / 2 }, (_, k): Span => [v[2 * k]!, v[2 * k + 1]!]);
}

export function parseSpeakerRecord(line: string): SpeakerRecord | undefined {
  const v = parseLine(line);
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== 'string') return undefined;
  const spans = spansOf(v[1]);
  const documents = spansOf(v[2]);
  if (spans === undefined || spans.length % 2 !== 0 || documents === undefined) return undefined;
  const attributions = Array.from({ length: spans.length / 2 }, (_, k) => ({ edge: spans[2 * k]!, claim: spans[2 * k + 1]! }));
  return { speaker: v[0], attributions, documents };
}

export function parseClaimRecord(line: string): ClaimRecord | undefined {
  const v = parseLine(line);
  if (!Array.isArray(v) || v.length !== 4 || !isCount(v[0]) || !isCount(v[1]) || !Array.isArray(v[3])) return undefined;
  const about = spansOf(v[2]);
  const targets = v[3] as unknown[];
  if (about === undefined || !targets.every((t) => isStrings(t) && t.length === 3)) return undefined;
  return { node: [v[0], v[1]], about, targets: targets as ClaimRecord['targets'] };
}
