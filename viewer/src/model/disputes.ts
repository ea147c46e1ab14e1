/**
 * The Disputes view's model: every pair of speakers on opposite sides of a `contradicts` edge (GRAPH-CONTRACT.md),
 * each side a speaker, its stance and its claim with its article and date; what a dispute lights up in the graph;
 * the speakers one speaker disputes with; and what a dispute's evidence is. Pure: no DOM.
 *
 * Which speakers of an edge's claims are on opposite sides is read from their stances, as the builder
 * (src/graph/contradictions.ts) decided it and as `claimgraph query disputes` reads it: a stance is positive
 * (stated, confirmed) or negative (denied, questioned). On one claim node (an `opposite-stance` self-loop), two
 * speakers whose stances differ in sign dispute. Across a `negation` edge (P and not-P), two speakers whose
 * stances have the same sign do: stating P against stating not-P (one speaker may so dispute itself). Across an
 * edge of another reason (none is written today: a `rejection` is a self-loop like `opposite-stance`), stances of opposite signs.
 */
import type Graph from 'graphology';
import type { Evidence, Stance } from '../../../src/graph/schema';
import { isStance } from '../../../src/graph/schema';
import { articleDay } from './articles';
import { compareText } from './compare';
import { claimText, documentIndex, evidenceForAttribution, evidenceOf, focusForAttribution, nodeLabel } from './claims';
import { shortText } from './edge-evidence';

export interface DisputeSide {
  speaker: string;
  speakerLabel: string;
  stance: Stance;
  /** the speaker's stance edge to the claim */
  edge: string;
  claim: string;
  claimText: string;
  /** the stance edge's evidence (cue and the speaker's own words) and the claim's in the same article */
  evidence: Evidence[];
  /** where the evidence view opens: the claim's words in the speaker's article */
  focus: Evidence[];
  /** the earliest dated article of the stance edge's evidence (else its first article); '' when none */
  docId: string;
  docTitle: string;
  /** YYYY-MM-DD, or null when that article has no date */
  date: string | null;
}

export interface Dispute {
  /** stable across loads of one file, for the URL: the two stance edges' keys */
  key: string;
  /** the `contradicts` edge */
  edge: string;
  reason: string;
  /** the side said first (undated last), then by speaker */
  a: DisputeSide;
  b: DisputeSide;
}

/** A reason in words, for the list and the panel. */
export function reasonText(reason: string): string {
  if (reason === 'opposite-stance') return 'opposite stances on one claim';
  if (reason === 'negation') return 'a claim against its negation';
  if (reason === 'rejection') return 'a claim rejected';
  return reason || 'contradiction';
}

const positive = (stance: Stance) => stance === 'stated' || stance === 'confirmed';

/** Whether sides `x` and `y` are opposed, given the edge between their claims. */
function opposed(x: DisputeSide, y: DisputeSide, sameClaim: boolean, reason: string): boolean {
  const differ = positive(x.stance) !== positive(y.stance);
  // on one claim, a speaker who both states and denies it has changed its account, not disputed anyone
  if (sameClaim) return differ && x.speaker !== y.speaker;
  return reason === 'negation' ? !differ : differ;
}

const KEY_SEPARATOR = '|';

/** Undated last, then earliest first. */
const compareDates = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);

/** Where a side is said in its article: its first span there. */
const offsetIn = (side: DisputeSide) => Math.min(...side.evidence.filter((e) => e.doc === side.docId).map((e) => e.start), Number.MAX_SAFE_INTEGER);

/** Said first first: by date (undated last), in one article by reading order, then by article and speaker. */
const compareSides = (x: DisputeSide, y: DisputeSide) =>
  compareDates(x.date, y.date) || (x.docId === y.docId ? offsetIn(x) - offsetIn(y) : compareText(x.docTitle, y.docTitle)) ||
  compareText(x.speakerLabel, y.speakerLabel) || compareText(x.edge, y.edge);

/** Every dispute of the graph, in order: the first side's date (undated last), then the speakers, then the keys. */
export function disputeList(graph: Graph): Dispute[] {
  const docs = documentIndex(graph);
  const sidesCache = new Map<string, DisputeSide[]>();
  const sidesOf = (claim: string): DisputeSide[] => {
    const cached = sidesCache.get(claim);
    if (cached) return cached;
    const sides: DisputeSide[] = [];
    graph.forEachInEdge(claim, (edge, attrs, speaker) => {
      const stance = attrs.kind;
      if (!isStance(stance)) return;
      const link = { claim, evidence: evidenceOf(attrs) };
      const articles = [...new Set(link.evidence.map((e) => e.doc))].map((id) => ({ id, doc: docs.get(id) }));
      const dated = articles.map((a) => ({ ...a, day: articleDay(a.doc?.date) })).filter((a) => a.day !== null).sort((p, q) => compareDates(p.day, q.day));
      const where = dated[0] ?? articles[0];
      sides.push({
        speaker, speakerLabel: nodeLabel(graph, speaker), stance, edge, claim, claimText: claimText(graph, claim),
        evidence: evidenceForAttribution(graph, link), focus: focusForAttribution(graph, link),
        docId: where?.id ?? '', docTitle: where?.doc?.title || where?.id || '', date: dated[0]?.day ?? null,
      });
    });
    sidesCache.set(claim, sides);
    return sides;
  };
  const found = new Map<string, Dispute>();
  graph.forEachEdge((edge, attrs, source, target) => {
    if (attrs.kind !== 'contradicts') return;
    const reason = typeof attrs.reason === 'string' ? attrs.reason : '';
    const same = source === target;
    const left = sidesOf(source);
    const right = same ? left : sidesOf(target);
    left.forEach((x, i) => right.forEach((y, j) => {
      // on one claim, each pair once; a speaker never disputes its own edge
      if ((same && j <= i) || !opposed(x, y, same, reason)) return;
      const [a, b] = [x, y].sort(compareSides) as [DisputeSide, DisputeSide];
      const key = `${a.edge}${KEY_SEPARATOR}${b.edge}`;
      if (!found.has(key)) found.set(key, { key, edge, reason, a, b });
    }));
  });
  return [...found.values()].sort((p, q) => compareSides(p.a, q.a) || compareSides(p.b, q.b) || compareText(p.key, q.key));
}

/** The nodes and edges a dispute (or several) lights up: both speakers, their stance edges, the claims, the contradicts edge. */
export function disputeElements(disputes: readonly Dispute[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const d of disputes) {
    for (const side of [d.a, d.b]) {
      nodes.add(side.speaker);
      nodes.add(side.claim);
      edges.add(side.edge);
    }
    edges.add(d.edge);
  }
  return { nodes, edges };
}

/** A side in words: `Brightwake Shipping denied`. */
export const sideLine = (side: DisputeSide): string => `${side.speakerLabel} ${side.stance}`;

/** What opening a dispute shows: a heading naming both sides, both sides' evidence, both claims' words to open at. */
export function disputeEvidence(disputes: readonly Dispute[]): { heading: string; evidence: Evidence[]; focus: Evidence[] } {
  const first = disputes[0];
  if (!first) return { heading: '', evidence: [], focus: [] };
  const heading = disputes.length > 1
    ? `${first.a.speakerLabel} and ${first.b.speakerLabel}: ${disputes.length} disputes`
    : first.a.claim === first.b.claim
      ? `${sideLine(first.a)}, ${sideLine(first.b)}: “${shortText(first.a.claimText)}”`
      : `${sideLine(first.a)} “${shortText(first.a.claimText, 50)}”; ${sideLine(first.b)} “${shortText(first.b.claimText, 50)}”`;
  const sides = disputes.flatMap((d) => [d.a, d.b]);
  return { heading, evidence: sides.flatMap((s) => s.evidence), focus: sides.flatMap((s) => s.focus) };
}

export interface Opponent {
  speaker: string;
  speakerLabel: string;
  /** the disputes between the two, in list order */
  disputes: Dispute[];
}

/** The speakers `speaker` disputes with, by label, each with their disputes; a speaker against itself is left out. */
export function opponentsOf(disputes: readonly Dispute[], speaker: string): Opponent[] {
  const byOther = new Map<string, Opponent>();
  for (const d of disputes) {
    const other = d.a.speaker === speaker ? d.b : d.b.speaker === speaker ? d.a : null;
    if (!other || other.speaker === speaker) continue;
    const entry = byOther.get(other.speaker) ?? { speaker: other.speaker, speakerLabel: other.speakerLabel, disputes: [] };
    entry.disputes.push(d);
    byOther.set(other.speaker, entry);
  }
  return [...byOther.values()].sort((p, q) => compareText(p.speakerLabel, q.speakerLabel) || compareText(p.speaker, q.speaker));
}

/** The side of `d` that `speaker` takes, and the other one. */
export function sidesFor(d: Dispute, speaker: string): { own: DisputeSide; other: DisputeSide } {
  return d.a.speaker === speaker ? { own: d.a, other: d.b } : { own: d.b, other: d.a };
}

/** The disputes a claim is in. */
export const disputesOfClaim = (disputes: readonly Dispute[], claim: string): Dispute[] => disputes.filter((d) => d.a.claim === claim || d.b.claim === claim);

/** The disputes that show while articles are hidden: both stance edges still show (model/articles.ts outOfArticles). */
export const shownDisputes = (disputes: readonly Dispute[], hiddenEdges: ReadonlySet<string>): Dispute[] =>
  hiddenEdges.size ? disputes.filter((d) => !hiddenEdges.has(d.a.edge) && !hiddenEdges.has(d.b.edge)) : [...disputes];
