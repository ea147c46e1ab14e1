/**
 * claimgraph query results: the typed values that every question of the query API returns.
 * They are plain JSON-ready objects; `claimgraph query --json` prints exactly these shapes.
 */
import type { ContradictionReason, MergeReason, Quoting, Stance } from '../graph/schema';

/** How a node is named in every result: its stable key, display label and kind. */
export interface NodeRef {
  key: string;
  label: string;
  kind: string;
}

/** A claim node: its reference plus the proposition as the article states it. */
export interface ClaimRef extends NodeRef {
  text: string;
}

/** One evidence span, with the words it covers and the sentence around them. */
export interface EvidenceRow {
  doc: string;
  start: number;
  end: number;
  /** the exact text of the span */
  quote: string;
  /** the sentence (or sentences) that contain the span, whitespace collapsed */
  sentence: string;
}

/** How a source relates to a claim: a speaker's stance, or an outlet that reported it. */
export type Attribution = Stance | 'reported';

/** One attribution edge: who took which stance on which claim, and where the text says so. */
export interface ClaimRow {
  /** key of the attribution edge */
  edge: string;
  speaker: NodeRef;
  stance: Attribution;
  claim: ClaimRef;
  /** the entities the claim is about (its `about` edges), in label order */
  about: NodeRef[];
  /**
   * The article the row is dated by: of the documents its evidence lies in, the earliest dated one (the first
   * in reading order when none has a date). null only for a row without evidence.
   */
  doc: string | null;
  /** that article's title */
  title: string | null;
  /** that article's date as the graph holds it (YYYY-MM-DD); null when the article has none */
  date: string | null;
  /** the attribution edge's evidence, in document order */
  evidence: EvidenceRow[];
  /** what a speaker's edge says about itself (GRAPH-CONTRACT.md); absent on `reported` rows and older files */
  confidence?: number;
  quoted?: Quoting;
  unnamed?: boolean;
  belief?: boolean;
}

export interface ClaimFilter {
  /** name of the speaker or outlet */
  by?: string;
  stance?: Attribution;
  /** name of an entity the claim is about */
  about?: string;
  /** document id */
  doc?: string;
  /** only speakers' edges the model is at least this sure of (0..1) */
  minConfidence?: number;
  /** only edges quoted this way */
  quoted?: Quoting;
  /** only unnamed sources (true) or only named ones (false) */
  unnamed?: boolean;
  /** false: leave out beliefs and intentions ("X believes P", "X wants P") */
  beliefs?: boolean;
  /**
   * Only evidence in articles dated on or after / on or before this ISO day (YYYY-MM-DD, inclusive); articles
   * without a date are left out once either is given. A row whose evidence is all left out is dropped.
   */
  since?: string;
  until?: string;
  /** `reading` (default): document order, then offset; `date`: by the row's date, stable, undated rows last */
  sort?: ClaimSort;
}

export type ClaimSort = 'reading' | 'date';

/** One side of a dispute: a speaker's stance on one of the disputed claims, as `claims` lists it. */
export type DisputeSide = ClaimRow & { stance: Stance };

/**
 * Two speakers on opposite sides of a dispute (a `contradicts` edge): one states or confirms what the other
 * denies or questions (one claim), or each states one of P and not-P (two claims).
 */
export interface DisputeRow {
  /** key of the `contradicts` edge */
  edge: string;
  reason: ContradictionReason;
  /** the earlier side's date, null when neither side's article is dated */
  date: string | null;
  /** the two speakers, in the order of `sides` */
  speakers: [NodeRef, NodeRef];
  /** each speaker's stance, claim, article and evidence: the earlier dated first (reading order for a tie) */
  sides: [DisputeSide, DisputeSide];
}

export interface DisputeFilter {
  /** name of an entity that one of the disputed claims is about */
  about?: string;
}

/** A claim about an entity, with everyone who took a stance on it. */
export interface AboutClaim {
  claim: ClaimRef;
  attributions: { speaker: NodeRef; stance: Attribution }[];
  /** evidence of the `about` edge */
  evidence: EvidenceRow[];
}

/** Which way an edge runs, seen from the node the result is about (or from the earlier step of a path). */
export type EdgeDirection = 'out' | 'in' | 'undirected';

/** An edge between two entities (every edge kind that is not an attribution or `about`). */
export interface RelationRow {
  edge: string;
  kind: string;
  direction: EdgeDirection;
  other: NodeRef;
  evidence: EvidenceRow[];
}

/** How a name from another article came to be this node (the node's `merged` records, with their sentences). */
export interface MergeRow {
  doc: string;
  /** the name as that article gives it */
  name: string;
  reason: MergeReason;
  /** the name it was matched to */
  via: string;
  /** what besides the name decided it (a shared title, organisation, place and dates); absent when nothing did */
  context?: string;
  evidence: EvidenceRow[];
}

export interface EntityReport {
  entity: NodeRef;
  aliases: string[];
  /** names from other articles joined to this node, and why; empty for a node named in one way in one article */
  merged: MergeRow[];
  /** a bare surname kept apart because several people bear it: the nodes it could be */
  ambiguous: NodeRef[];
  mentions: EvidenceRow[];
  claimsMade: ClaimRow[];
  claimsAbout: AboutClaim[];
  relations: RelationRow[];
}

export interface NeighborOptions {
  /** how many hops to follow, ignoring edge direction (default 1) */
  depth?: number;
  /** keep only neighbors of this node kind */
  kind?: string;
}

/** A node reached from the start node, with the edge that first reached it. */
export interface NeighborRow {
  node: NodeRef;
  depth: number;
  via: { edge: string; kind: string; direction: EdgeDirection; from: NodeRef; evidence: EvidenceRow[] };
}

/** One hop of a path: the edge from `from` to `to`, whatever its direction in the graph. */
export interface PathStep {
  from: NodeRef;
  to: NodeRef;
  edge: string;
  kind: string;
  direction: EdgeDirection;
  evidence: EvidenceRow[];
}

export interface PathResult {
  from: NodeRef;
  to: NodeRef;
  /** empty when `from` and `to` are the same node */
  steps: PathStep[];
}

/** How many claims a source made, by stance; `total` is the sum. */
export interface SpeakerRow {
  speaker: NodeRef;
  total: number;
  stances: Record<Attribution, number>;
}

export interface CentralNode extends NodeRef {
  degree: number;
  pagerank: number;
}

export interface Community {
  /** 1 for the largest community, then by size */
  id: number;
  size: number;
  entities: number;
  claims: number;
  /** its entities of highest degree (at most five) */
  top: NodeRef[];
}

export interface GraphStats {
  documents: number;
  nodes: { total: number; byKind: Record<string, number> };
  edges: { total: number; byKind: Record<string, number> };
  central: { byDegree: CentralNode[]; byPagerank: CentralNode[] };
  communities: { count: number; modularity: number; largest: Community[] };
}

export interface StatsOptions {
  /** how many central entities and communities to list (default 10) */
  top?: number;
}
