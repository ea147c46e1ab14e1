/**
 * claimgraph sidecar index, the format (GRAPH-CONTRACT.md, "The sidecar index"): a file beside a graph file in
 * the line layout, `graph.json.idx`, that holds what `query claims --by NAME` needs to find its rows without
 * reading the graph: every entity's name, every document's title and date, and where in the graph file (byte
 * offsets) the lines lie that a speaker's claims are made of. Like a .bai beside a BAM file, it is derived and
 * optional: a reader that finds none, or one that does not match its graph, reads the graph.
 *
 * The file is lines of JSON: a header; one line per document; one per entity (every node but the claims, in
 * graph order); one per speaker (an entity with claims), its record. The header gives the byte size of the
 * document and entity lines, so a reader reads them in one piece, and each speaker's entity line the place of
 * its record after them, so a reader reads one record. Here: the shapes, and checks that cost little per line
 * (an index of a large graph has hundreds of thousands of lines; a schema library would take most of a second).
 */

export const SIDECAR_FORMAT = 'claimgraph-index';
/** Bumped when the shapes below change; a reader uses only the version it knows. */
export const SIDECAR_VERSION = 1;

/** The index of the graph file at `graphPath`: the same name with `.idx` added (graph.json → graph.json.idx). */
export const sidecarPathFor = (graphPath: string): string => `${graphPath}.idx`;

/** Where a line lies in the graph file: its first byte and its length in bytes, its comma and line break included. */
export type Span = [offset: number, length: number];

/** Line 1. */
export interface SidecarHeader {
  format: typeof SIDECAR_FORMAT;
  version: number;
  generator: string;
  /** the graph file it was made with: its size, the SHA-256 of its first line and of the whole file (hex) */
  graph: { bytes: number; firstLine: string; sha256: string };
  /** the graph's options, for a reader that builds a graph of the lines it reads */
  options: { type: 'mixed' | 'directed' | 'undirected'; multi: boolean; allowSelfLoops: boolean };
  /** how many lines follow the header for documents, then for entities, and their bytes (line breaks included) */
  documents: { count: number; bytes: number };
  entities: { count: number; bytes: number };
}

/** A document line: id, title, date (null when the document has none), the span of its line in the graph. */
export type DocumentRow = [id: string, title: string, date: string | null, offset: number, length: number];

/**
 * An entity line: key, kind, label, aliases; for a speaker also where its record lies, as a byte offset from
 * the end of the entity lines and a length (line break included).
 */
export type EntityRow = [key: string, kind: string, label: string, aliases: string[]] | [key: string, kind: string, label: string, aliases: string[], record: number, recordLength: number];

/**
 * One attribution edge of a speaker (`speakerEdges` of claims.ts): the spans of the edge's line and of its claim's
 * node line, then the spans of the claim's `about` edges (`aboutEdges`), flat: [offset, length, offset, length, ...].
 */
export type ClaimSpans = [edge: number, edgeLength: number, claim: number, claimLength: number, about: number[]];

/** A speaker's record: its key (checked against the entity line that led to it) and its attribution edges. */
export interface SpeakerRecord {
  speaker: string;
  claims: ClaimSpans[];
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCounts = (v: unknown): v is number[] => Array.isArray(v) && v.every(isCount);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSection = (v: unknown): boolean => isObject(v) && isCount(v.count) && isCount(v.bytes);
const GRAPH_TYPES: readonly unknown[] = ['mixed', 'directed', 'undirected'];

/** The header, or why the line is none this reader takes. */
export function parseSidecarHeader(line: string): SidecarHeader | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'the first line is not JSON';
  }
  if (!isObject(v) || v.format !== SIDECAR_FORMAT) return 'not a claimgraph index';
  if (v.version !== SIDECAR_VERSION) return `an index of version ${String(v.version)}; this claimgraph reads version ${SIDECAR_VERSION}`;
  const { graph, options } = v;
  const shaped =
    typeof v.generator === 'string' &&
    isObject(graph) && isCount(graph.bytes) && typeof graph.firstLine === 'string' && typeof graph.sha256 === 'string' &&
    isObject(options) && GRAPH_TYPES.includes(options.type) && typeof options.multi === 'boolean' && typeof options.allowSelfLoops === 'boolean' &&
    isSection(v.documents) && isSection(v.entities);
  return shaped ? (v as unknown as SidecarHeader) : 'the header lacks a field';
}

/** The JSON of a line, or undefined when it is none. */
function json(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

export function parseDocumentRow(line: string): DocumentRow | undefined {
  const v = json(line);
  const ok = Array.isArray(v) && v.length === 5 && typeof v[0] === 'string' && typeof v[1] === 'string' && (v[2] === null || typeof v[2] === 'string') && isCount(v[3]) && isCount(v[4]);
  return ok ? (v as DocumentRow) : undefined;
}

export function parseEntityRow(line: string): EntityRow | undefined {
  const v = json(line);
  if (!Array.isArray(v) || (v.length !== 4 && v.length !== 6)) return undefined;
  const ok = typeof v[0] === 'string' && typeof v[1] === 'string' && typeof v[2] === 'string' && isStrings(v[3]) && (v.length === 4 || (isCount(v[4]) && isCount(v[5])));
  return ok ? (v as EntityRow) : undefined;
}

export function parseSpeakerRecord(line: string): SpeakerRecord | undefined {
  const v = json(line);
  if (!isObject(v) || typeof v.speaker !== 'string' || !Array.isArray(v.claims)) return undefined;
  const ok = v.claims.every((c: unknown) => Array.isArray(c) && c.length === 5 && isCount(c[0]) && isCount(c[1]) && isCount(c[2]) && isCount(c[3]) && isCounts(c[4]) && c[4].length % 2 === 0);
  return ok ? (v as unknown as SpeakerRecord) : undefined;
}
