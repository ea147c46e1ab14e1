/**
 * claimgraph sidecar index, the format (GRAPH-CONTRACT.md, "The sidecar index"): a file beside a graph file in
 * the line layout, `graph.json.idx`, that holds what `query claims --by NAME` needs to find its rows without
 * reading the graph, and where in the graph file (byte offsets) the lines lie that a speaker's claims are made
 * of. Like a .bai beside a BAM file it is derived and optional: a reader that finds none, or one that does not
 * fit its graph, reads the graph.
 *
 * The file is lines of JSON, in four sections: the header; a table of lookups (entities by key, names by
 * normalized label and alias, documents by id and by normalized id), sorted by their first element; the
 * table's blocks (the first lookup of every piece of about 16 KB of the table, and where it starts), so that a
 * lookup reads one piece; one record per speaker: the spans of its lines and what its rows show besides them.
 * A query reads the header, the blocks, a few pieces of the table and one record, whatever the graph's size;
 * only a name that matches nothing makes it read the whole table, for the suggestions.
 *
 * Here: the shapes, and checks that cost little per line (a schema library would cost more than the lookup).
 */
import { normalizeName } from './normalize';

export const SIDECAR_FORMAT = 'claimgraph-index';
/** Bumped when the shapes below change; a reader uses only the version it knows. */
export const SIDECAR_VERSION = 1;

/** The index of the graph file at `graphPath`: the same name with `.idx` added (graph.json → graph.json.idx). */
export const sidecarPathFor = (graphPath: string): string => `${graphPath}.idx`;

/** The table is cut into blocks of at least this many bytes (the last may be shorter). */
export const BLOCK_BYTES = 1 << 14;

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

/** Where a line lies in the graph file: its first byte and its length in bytes, its comma and line break included. */
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
  blocks: Section;
  records: Section;
}

/** The prefixes of the table's lookups. */
export const LOOKUP = { entity: 'k:', label: 'l:', alias: 'a:', document: 'd:', documentName: 'n:' } as const;

/**
 * A document: id, title, date (null when it has none), its place in the graph's list, the span of its line.
 * In the table as [`d:` + id, title, ...]; in a record as it is.
 */
export type DocumentRow = [id: string, title: string, date: string | null, position: number, offset: number, length: number];

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
 * One attribution edge of a speaker (`speakerEdges` of claims.ts): the spans of the edge's line and of its claim's
 * node line, then the spans of the claim's `about` edges (`aboutEdges`), flat: [offset, length, offset, length, ...].
 */
export type ClaimSpans = [edge: number, edgeLength: number, claim: number, claimLength: number, about: number[]];

/**
 * A speaker's record: its key (checked against the entity that led to it), its attribution edges, what their
 * claims are about ([key, kind, label]) and the documents their evidence lies in, by position.
 */
export interface SpeakerRecord {
  speaker: string;
  claims: ClaimSpans[];
  about: [key: string, kind: string, label: string][];
  documents: DocumentRow[];
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
    isSection(v.table) && isSection(v.blocks) && isSection(v.records);
  if (!shaped) return 'the header lacks a field';
  if (v.names !== namesProbe()) return `written by ${v.generator}, which normalized names otherwise`;
  return v as unknown as SidecarHeader;
}

/** A line of the table: its lookup first. */
export const isTableLine = (v: unknown): v is [string, ...unknown[]] => Array.isArray(v) && typeof v[0] === 'string';

/** A block: the first lookup in it, and where it starts in the table. */
export const isBlock = (v: unknown): v is [string, number] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isCount(v[1]);

export function isDocumentRow(v: unknown): v is DocumentRow {
  return Array.isArray(v) && v.length === 6 && typeof v[0] === 'string' && typeof v[1] === 'string' && (v[2] === null || typeof v[2] === 'string') && isCount(v[3]) && isCount(v[4]) && isCount(v[5]);
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

/** The keys or ids of an `l:`, `a:` or `n:` line of the table. */
export function namesOfLine(line: [string, ...unknown[]]): string[] | undefined {
  return line.length === 2 && isStrings(line[1]) && line[1].length > 0 ? line[1] : undefined;
}

export function parseSpeakerRecord(line: string): SpeakerRecord | undefined {
  const v = parseLine(line);
  if (!isObject(v) || typeof v.speaker !== 'string' || !Array.isArray(v.claims) || !Array.isArray(v.about) || !Array.isArray(v.documents)) return undefined;
  const ok =
    v.claims.every((c: unknown) => Array.isArray(c) && c.length === 5 && isCount(c[0]) && isCount(c[1]) && isCount(c[2]) && isCount(c[3]) && isCounts(c[4]) && c[4].length % 2 === 0) &&
    v.about.every((a: unknown) => isStrings(a) && a.length === 3) &&
    v.documents.every(isDocumentRow);
  return ok ? (v as unknown as SpeakerRecord) : undefined;
}
