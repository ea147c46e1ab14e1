/**
 * claimgraph graph schema: the one module that owns node and edge kinds, attribute types and validation.
 * Mirrors GRAPH-CONTRACT.md; the builder, the viewer, the queries and the exporters all import it.
 */
import { z } from 'zod';

/**
 * 2: the file is in the line layout (GRAPH-CONTRACT.md, "Container"), one document, node or edge per line,
 * so that it can be streamed. Files of version 1 hold the same fields and are still read (whole).
 */
export const SCHEMA_VERSION = 2;

/**
 * Entity kinds, in legend order. `other`: a name the text gives no evidence of kind for (no title, role, head word, gazetteer entry or
 * pronoun), kept because it plays a part (a speaker, a relation's end, what a claim is about).
 */
export const ENTITY_KINDS = ['agency', 'organization', 'media', 'person', 'spacecraft', 'place', 'event', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const NODE_KINDS = [...ENTITY_KINDS, 'claim'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A speaker's stance toward a claim. */
export const STANCE_KINDS = ['stated', 'denied', 'questioned', 'confirmed'] as const;
export type Stance = (typeof STANCE_KINDS)[number];

/** How a claim edge's words stand in the text: all inside quotation marks, some, or none (a paraphrase). */
export const QUOTING_KINDS = ['direct', 'partial', 'paraphrase'] as const;
export type Quoting = (typeof QUOTING_KINDS)[number];

/** Relations between two entities that the text states. */
export const RELATION_KINDS = ['investigates', 'meets', 'launches', 'employs', 'leads', 'part_of', 'located_in'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Relations whose direction carries no meaning. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationKind> = new Set<RelationKind>(['meets']);

/**
 * Why two claims contradict (GRAPH-CONTRACT.md, "Disputes"): `opposite-stance` speakers holding opposite things
 * of one proposition; `negation` P and not-P, each held by a speaker; `rejection` a speaker rejecting a claim
 * by pointing back to it ("rejected that account").
 */
export const CONTRADICTION_REASONS = ['opposite-stance', 'negation', 'rejection'] as const;
export type ContradictionReason = (typeof CONTRADICTION_REASONS)[number];

export const EDGE_KINDS = [...STANCE_KINDS, 'reported', 'about', ...RELATION_KINDS, 'contradicts'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const isEntityKind = (k: unknown): k is EntityKind => (ENTITY_KINDS as readonly unknown[]).includes(k);
export const isStance = (k: unknown): k is Stance => (STANCE_KINDS as readonly unknown[]).includes(k);
export const isRelationKind = (k: unknown): k is RelationKind => (RELATION_KINDS as readonly unknown[]).includes(k);

/** Colors by kind, chosen from the Okabe-Ito and Tol palettes so that color-blind readers can tell them apart. */
export const NODE_COLORS: Readonly<Record<NodeKind, string>> = {
  agency: '#0072B2',
  organization: '#56B4E9',
  media: '#E69F00',
  person: '#D55E00',
  spacecraft: '#009E73',
  place: '#999933',
  event: '#CC79A7',
  other: '#DDCC77',
  claim: '#888888',
};

export const EDGE_COLORS: Readonly<Record<EdgeKind, string>> = {
  stated: '#0072B2',
  denied: '#D55E00',
  questioned: '#E69F00',
  confirmed: '#009E73',
  reported: '#CC79A7',
  about: '#BBBBBB',
  investigates: '#882255',
  meets: '#44AA99',
  launches: '#117733',
  employs: '#332288',
  leads: '#AA4499',
  part_of: '#6699CC',
  located_in: '#999933',
  contradicts: '#EE3377',
};

/**
 * Why an article's entity was joined to a node of another article's (GRAPH-CONTRACT.md, "Merged names"):
 * `same-name` a name both carry; `shorter-name` the shorter form of the one longer organisation name, or a
 * person's name without the middle of the one person named with it; `surname` the surname of the one person named in full;
 * `surname-context` the surname of several, and the one of them with the same title or organisation;
 * `same-incident` an event with the same designator, or the same name and place in articles dated near.
 */
export const MERGE_REASONS = ['same-name', 'shorter-name', 'surname', 'surname-context', 'same-incident'] as const;
export type MergeReason = (typeof MERGE_REASONS)[number];

/** A span of a document: character offsets into `documents[].text`, start inclusive, end exclusive. */
export const evidenceSchema = z.object({
  doc: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const documentSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  date: z.string().optional(),
  source: z.string().optional(),
  /** who wrote it, from an HTML page's byline */
  author: z.string().optional(),
  path: z.string().optional(),
  text: z.string(),
});
export type GraphDocument = z.infer<typeof documentSchema>;

/**
 * A graph that is one part of a larger one (a neighbourhood that a server cut out for the viewer): the node it
 * is around, and how large the whole graph is.
 */
export const graphScopeSchema = z.object({
  focus: z.string(),
  label: z.string(),
  nodes: z.number().int().nonnegative(),
  edges: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
});
export type GraphScope = z.infer<typeof graphScopeSchema>;

export const graphAttributesSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    generator: z.string(),
    documents: z.array(documentSchema),
    scope: graphScopeSchema.optional(),
  })
  .passthrough();
export type GraphAttributes = z.infer<typeof graphAttributesSchema>;

const styleShape = {
  label: z.string(),
  aliases: z.array(z.string()),
  evidence: z.array(evidenceSchema),
  x: z.number(),
  y: z.number(),
  size: z.number(),
  color: z.string(),
};

/**
 * One name that joined an entity node: the article, its name there, why (`reason`), the name it matched (`via`),
 * what else decided it (`context`: a shared title or organisation, a place and the articles' dates), and its
 * first mention there.
 */
export const mergeRecordSchema = z.object({
  doc: z.string(),
  name: z.string(),
  reason: z.enum(MERGE_REASONS),
  via: z.string(),
  context: z.string().optional(),
  evidence: z.array(evidenceSchema),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

/**
 * A list that flat formats (GEXF, GraphML) carry as JSON text, as they do every attribute outside their own
 * columns: read back as the list, so a GEXF file with merges loads like its JSON.
 */
const listOrJsonText = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v; // not JSON: left for the list schema to refuse, with its own message
    }
  }, z.array(item));

export const entityAttributesSchema = z
  .object({
    kind: z.enum(ENTITY_KINDS),
    ...styleShape,
    // how names from other articles were joined to this node; files written before it have none
    merged: listOrJsonText(mergeRecordSchema).optional(),
    // a bare surname kept apart because several people have it: the keys of the nodes it could be
    ambiguous: listOrJsonText(z.string()).optional(),
  })
  .passthrough();
export const claimAttributesSchema = z.object({ kind: z.literal('claim'), text: z.string(), ...styleShape }).passthrough();
export const nodeAttributesSchema = z.discriminatedUnion('kind', [entityAttributesSchema, claimAttributesSchema]);

export type EntityAttributes = z.infer<typeof entityAttributesSchema> & { kind: EntityKind };
export type ClaimAttributes = z.infer<typeof claimAttributesSchema>;
export type NodeAttributes = EntityAttributes | ClaimAttributes;

export const edgeAttributesSchema = z
  .object({
    kind: z.enum(EDGE_KINDS),
    evidence: z.array(evidenceSchema),
    // a speaker's edge to a claim (stated, denied, questioned, confirmed) says what it is sure of; files
    // written before these fields existed have none
    confidence: z.number().min(0).max(1).optional(),
    quoted: z.enum(QUOTING_KINDS).optional(),
    unnamed: z.boolean().optional(),
    belief: z.boolean().optional(),
    // a `contradicts` edge says why; the reader checks it has one
    reason: z.enum(CONTRADICTION_REASONS).optional(),
    size: z.number().optional(),
    color: z.string().optional(),
  })
  .passthrough();
export type EdgeAttributes = z.infer<typeof edgeAttributesSchema>;

export const graphOptionsSchema = z
  .object({
    type: z.enum(['directed', 'mixed', 'undirected']).optional(),
    multi: z.boolean().optional(),
    allowSelfLoops: z.boolean().optional(),
  })
  .passthrough();
export const serializedNodeSchema = z.object({ key: z.string(), attributes: nodeAttributesSchema });
export const serializedEdgeSchema = z.object({
  key: z.string().optional(),
  source: z.string(),
  target: z.string(),
  attributes: edgeAttributesSchema,
  undirected: z.boolean().optional(),
});

export const serializedGraphSchema = z.object({
  attributes: graphAttributesSchema,
  options: graphOptionsSchema.optional(),
  nodes: z.array(serializedNodeSchema),
  edges: z.array(serializedEdgeSchema),
});
export type SerializedClaimGraph = z.infer<typeof serializedGraphSchema>;

/** Raised when a graph does not follow the contract; `issues` lists every problem found, not only the first. */
export class GraphContractError extends Error {
  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`${source}: not a claimgraph graph: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
    this.name = 'GraphContractError';
  }
}

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

export interface ValidateOptions {
  /**
   * The file carries no article texts (GEXF has no place for them): evidence may name a document the file does
   * not hold, and is then kept as offsets alone. Evidence into a document the file does hold is still checked.
   */
  textless?: boolean;
}

type SerializedEdge = SerializedClaimGraph['edges'][number];
type SerializedNode = SerializedClaimGraph['nodes'][number];
type SerializedOptions = NonNullable<SerializedClaimGraph['options']>;

/** A dispute joins two claims (or a claim to itself), without direction, and says why. */
function checkContradiction(where: string, e: SerializedEdge, kindOf: ReadonlyMap<string, string>, issues: string[]): void {
  if (!e.attributes.reason) issues.push(`${where}: a contradicts edge without a reason`);
  if (!e.undirected) issues.push(`${where}: a contradicts edge must be undirected`);
  for (const end of [e.source, e.target]) {
    const kind = kindOf.get(end);
    if (kind !== undefined && kind !== 'claim') issues.push(`${where}: a contradicts edge ends at "${end}", a ${kind}, not a claim`);
  }
}

/**
 * What a schema cannot say about a graph, checked one part at a time in file order (graph attributes, each
 * document, the options, each node, each edge), so that a file read as a stream is checked as it comes and a
 * parsed file the same way: keys are unique, edge ends exist, edges keep the file's own options, the schema
 * version is one this code reads, evidence points into a known document, lies inside its text and is not empty.
 * Each part must already have passed its zod schema. `issues` gathers every problem found.
 */
export class GraphChecker {
  readonly issues: string[] = [];
  private readonly docLength = new Map<string, number>();
  private readonly kindOf = new Map<string, string>();
  private readonly ambiguous: { key: string; names: string[] }[] = [];
  private readonly edgeKeys = new Set<string>();
  private readonly pairs = new Set<string>();
  private options: Required<Pick<SerializedOptions, 'type' | 'multi' | 'allowSelfLoops'>> = { type: 'mixed', multi: true, allowSelfLoops: true };
  private edgeCount = 0;
  private nodesEnded = false;

  constructor(private readonly validateOptions: ValidateOptions = {}) {}

  /** The graph's own attributes, documents aside. */
  attributes(attributes: { schemaVersion: number }): void {
    if (attributes.schemaVersion > SCHEMA_VERSION) {
      this.issues.push(`schemaVersion ${attributes.schemaVersion} is newer than this claimgraph reads (${SCHEMA_VERSION}): update claimgraph`);
    }
  }

  document(document: GraphDocument): void {
    this.docLength.set(document.id, document.text.length);
  }

  graphOptions(options: SerializedClaimGraph['options']): void {
    const { type = 'mixed', multi = true, allowSelfLoops = true } = options ?? {};
    this.options = { type, multi, allowSelfLoops };
  }

  node(n: SerializedNode): void {
    if (this.kindOf.has(n.key)) this.issues.push(`node "${n.key}" appears twice`);
    // graphology keeps neighbours in plain objects: such a key would write into Object.prototype
    if (n.key === '__proto__' || Object.prototype.hasOwnProperty.call(Object.prototype, n.key)) this.issues.push(`node key "${n.key}" is a name JavaScript objects reserve`);
    this.kindOf.set(n.key, n.attributes.kind);
    this.checkEvidence(`node "${n.key}"`, n.attributes.evidence);
    if (n.attributes.kind === 'claim') return;
    for (const r of n.attributes.merged ?? []) this.checkEvidence(`node "${n.key}" merged name "${r.name}"`, r.evidence);
    if (n.attributes.ambiguous?.length) this.ambiguous.push({ key: n.key, names: n.attributes.ambiguous });
  }

  edge(e: SerializedEdge): void {
    this.endNodes();
    const where = `edge ${e.key ?? this.edgeCount}`;
    this.edgeCount++;
    if (e.key !== undefined) {
      if (this.edgeKeys.has(e.key)) this.issues.push(`edge "${e.key}" appears twice`);
      this.edgeKeys.add(e.key);
    }
    if (!this.kindOf.has(e.source)) this.issues.push(`${where}: unknown source node "${e.source}"`);
    if (!this.kindOf.has(e.target)) this.issues.push(`${where}: unknown target node "${e.target}"`);
    // what the file's own options forbid, said here with the file's name rather than by graphology on import
    const { type, multi, allowSelfLoops } = this.options;
    if (type === 'directed' && e.undirected) this.issues.push(`${where}: undirected, in a graph whose options say directed`);
    if (type === 'undirected' && !e.undirected) this.issues.push(`${where}: directed, in a graph whose options say undirected`);
    if (!allowSelfLoops && e.source === e.target) this.issues.push(`${where}: a self-loop, in a graph whose options forbid them`);
    if (!multi) {
      const ends = e.undirected ? [e.source, e.target].sort() : [e.source, e.target];
      const pair = JSON.stringify([e.undirected ? 'u' : 'd', ...ends]);
      if (this.pairs.has(pair)) this.issues.push(`${where}: a second edge between "${e.source}" and "${e.target}", in a graph whose options say not multi`);
      this.pairs.add(pair);
    }
    this.checkEvidence(where, e.attributes.evidence);
    if (e.attributes.kind === 'contradicts') checkContradiction(where, e, this.kindOf, this.issues);
  }

  /** Call when every part has been given; resolves what needed all the nodes. */
  finish(): string[] {
    this.endNodes();
    return this.issues;
  }

  /** Once the nodes are all known: the nodes that an ambiguous surname may be must exist. */
  private endNodes(): void {
    if (this.nodesEnded) return;
    this.nodesEnded = true;
    for (const { key, names } of this.ambiguous) for (const k of names) if (!this.kindOf.has(k)) this.issues.push(`node "${key}": ambiguous names unknown node "${k}"`);
  }

  private checkEvidence(where: string, evidence: Evidence[]): void {
    for (const e of evidence) {
      const length = this.docLength.get(e.doc);
      if (length === undefined) {
        if (!this.validateOptions.textless) this.issues.push(`${where}: evidence names unknown document "${e.doc}"`);
        else if (e.start > e.end) this.issues.push(`${where}: evidence ${e.start}-${e.end} ends before it starts`);
      } else if (e.start > e.end || e.end > length) this.issues.push(`${where}: evidence ${e.start}-${e.end} lies outside document "${e.doc}"`);
      if (e.start === e.end) this.issues.push(`${where}: evidence ${e.start}-${e.end} in document "${e.doc}" is empty`);
    }
  }
}

/** zod's issues as one line each, prefixed with where in the file the checked part sits. */
export function zodIssueLines(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): string[] {
  return error.issues.map((i) => `${formatPath([...prefix, ...i.path]) || '(root)'}: ${i.message}`);
}

/**
 * Checks a parsed graph file against the contract: shape and types (zod), then what a schema cannot say
 * (GraphChecker). `source` names the file in error messages.
 */
export function validateSerializedGraph(data: unknown, source = 'graph', options: ValidateOptions = {}): SerializedClaimGraph {
  const parsed = serializedGraphSchema.safeParse(data);
  if (!parsed.success) throw new GraphContractError(source, zodIssueLines(parsed.error));
  const graph = parsed.data;
  const checker = new GraphChecker(options);
  checker.attributes(graph.attributes);
  for (const d of graph.attributes.documents) checker.document(d);
  checker.graphOptions(graph.options);
  for (const n of graph.nodes) checker.node(n);
  for (const e of graph.edges) checker.edge(e);
  const issues = checker.finish();
  if (issues.length) throw new GraphContractError(source, issues);
  return graph;
}
