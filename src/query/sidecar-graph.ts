/**
 * claimgraph sidecar index, the reader's graphs: small graphology graphs made of what the index holds and of the
 * few graph-file lines it points to, on which the claims query runs unchanged (findClaims of claims.ts), so an
 * answer through the index is the whole graph's answer by construction, not by a second implementation.
 *
 * - The names graph: entities by their name alone (key, kind, label, aliases) and documents without their text:
 *   all that resolving NAME, --about and --doc, with the errors and suggestions for names that match nothing
 *   or several, reads.
 * - The speaker's graph: the speaker, its attribution edges, their claims, the claims' `about` edges and what
 *   they point to, and the documents its evidence lies in, with their texts. Documents keep their order, so
 *   rows sort as in the whole graph.
 *
 * Nodes known by their name alone carry no evidence and no layout: nothing the claims query reads.
 */
import Graph from 'graphology';
import type { ClaimGraph } from '../graph/load';
import {
  documentSchema,
  SCHEMA_VERSION,
  serializedEdgeSchema,
  serializedNodeSchema,
  type EdgeAttributes,
  type GraphAttributes,
  type GraphDocument,
  type NodeAttributes,
} from '../graph/schema';
import { isAttribution } from './attributions';
import { SidecarMismatch, type DocumentRow, type EntityRow, type SidecarHeader } from './sidecar-format';

/** A node known by its name alone: all that resolving a name and a row's NodeRef read of it. */
const nameOnly = (kind: string, label: string, aliases: string[] = []): NodeAttributes => ({ kind, label, aliases, evidence: [], x: 0, y: 0, size: 0, color: '' }) as NodeAttributes;

/**
 * A document as the reader has it: where its line lies in the graph file (documents lie there in their list's
 * order, so this orders them) and the document, with its text only when its line was read.
 */
export interface PlacedDocument {
  at: number;
  document: GraphDocument;
}

/** A document of the index's table, without its text (never read for it). */
export const placedRow = ([id, title, date, offset]: DocumentRow): PlacedDocument => ({ at: offset, document: { id, title, ...(date === null ? {} : { date }), text: '' } });

/** A graph of the index's `options`, with `documents` in graph order; of two with one id, the later is kept. */
function emptyGraph(header: SidecarHeader, documents: PlacedDocument[]): ClaimGraph {
  const graph: ClaimGraph = new Graph(header.options);
  const inOrder = [...new Map(documents.map((d) => [d.document.id, d])).values()].sort((a, b) => a.at - b.at);
  graph.replaceAttributes({ schemaVersion: SCHEMA_VERSION, generator: header.generator, documents: inOrder.map((d) => d.document) } as GraphAttributes);
  return graph;
}

/**
 * The names graph: the entities given (those a name may stand for, or all of them) by name alone, in graph
 * order, and the documents given (the one --doc may name, or all of them), in graph order. Resolving a name on
 * it gives what the whole graph gives as long as every entity that bears that name is among them.
 */
export function namesGraph(header: SidecarHeader, documents: DocumentRow[], entities: EntityRow[]): ClaimGraph {
  const graph = emptyGraph(header, documents.map(placedRow));
  for (const e of [...entities].sort((a, b) => a.position - b.position)) graph.mergeNode(e.key, nameOnly(e.kind, e.label, e.aliases));
  return graph;
}

type Edge = { key: string; source: string; target: string; attributes: EdgeAttributes };
type Node = { key: string; attributes: NodeAttributes };

function parsed(line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new SidecarMismatch(`the line it names for ${what} is not JSON`);
  }
}

/**
 * An edge line as the whole-graph reader keeps it (the JSON as the file has it, once it passed its schema), if
 * it is a directed edge of the kind `is` accepts from `source`.
 */
function edgeLine(line: string, what: string, source: string, is: (kind: string) => boolean): Edge {
  const value = parsed(line, what);
  const r = serializedEdgeSchema.safeParse(value);
  const edge = value as Edge & { undirected?: boolean };
  if (!r.success || edge.key === undefined || edge.source !== source || edge.undirected || !is(edge.attributes.kind)) throw new SidecarMismatch(`the line it names for ${what} is not that edge`);
  return edge;
}

function claimLine(line: string, key: string): Node {
  const value = parsed(line, `claim "${key}"`);
  const r = serializedNodeSchema.safeParse(value);
  // an attribution of a node that is no claim breaks the contract: the whole graph's reader says so
  if (!r.success || (value as Node).key !== key || r.data.attributes.kind !== 'claim') throw new SidecarMismatch(`the line it names for claim "${key}" is not that claim`);
  return value as Node;
}

/** The document of a line a speaker's record names, which lies at `at` in the graph file. */
export function documentLine(line: string, at: number): PlacedDocument {
  const value = parsed(line, `the document at ${at}`);
  if (!documentSchema.safeParse(value).success) throw new SidecarMismatch(`the line it names for the document at ${at} is not a document`);
  return { at, document: value as GraphDocument };
}

/** One attribution of the speaker as the lines give it: the edge, its claim and the claim's `about` edges. */
export interface ClaimLines {
  edge: string;
  claim: string;
  about: string[];
}

/** The speaker's attributions, checked line by line, and the documents their evidence lies in. */
export function speakerParts(speaker: string, lines: ClaimLines[]): { parts: { edge: Edge; claim: Node; about: Edge[] }[]; documents: Set<string> } {
  const documents = new Set<string>();
  const parts = lines.map((l) => {
    const edge = edgeLine(l.edge, `an attribution of "${speaker}"`, speaker, isAttribution);
    const claim = claimLine(l.claim, edge.target);
    const about = l.about.map((a) => edgeLine(a, `an about edge of "${claim.key}"`, claim.key, (kind) => kind === 'about'));
    for (const e of edge.attributes.evidence) documents.add(e.doc);
    return { edge, claim, about };
  });
  return { parts, documents };
}

/** What the claims of a speaker are about, by key, from its claims' lines of the index. */
export type Targets = ReadonlyMap<string, { kind: string; label: string }>;

/**
 * The speaker's graph: the speaker (and the --about entity) by name, the claims and edges of `parts`, what the
 * claims are about by name (`targets`), and `documents` (those of the record, with their texts, and the one
 * --doc names), in graph order.
 */
export function speakerGraph(header: SidecarHeader, speaker: string, documents: PlacedDocument[], targets: Targets, named: EntityRow[], parts: ReturnType<typeof speakerParts>['parts']): ClaimGraph {
  const graph = emptyGraph(header, documents);
  for (const e of named) graph.mergeNode(e.key, nameOnly(e.kind, e.label));
  // the claims whole before any edge, so that none is taken for a name only
  for (const { claim } of parts) if (!graph.hasNode(claim.key)) graph.addNode(claim.key, claim.attributes);
  for (const { edge, about } of parts) {
    if (!graph.hasEdge(edge.key)) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
    for (const a of about) {
      if (graph.hasEdge(a.key)) continue;
      const target = targets.get(a.target);
      if (target === undefined) throw new SidecarMismatch(`the claims of "${speaker}" do not name "${a.target}"`);
      if (!graph.hasNode(a.target)) graph.addNode(a.target, nameOnly(target.kind, target.label));
      graph.addDirectedEdgeWithKey(a.key, a.source, a.target, a.attributes);
    }
  }
  return graph;
}
