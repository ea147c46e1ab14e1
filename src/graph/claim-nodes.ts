/**
 * Claims across articles (issue 8, part 2): which node each extracted claim goes to. A claim is first keyed by
 * its words (claim-pronouns.ts keeps the ones resting on an unresolved pronoun to their article), then claims
 * that say the same thing in other words join one node (claim-match.ts), and claims that say P and not-P are
 * paired for the disputes (contradictions.ts).
 */
import { keyClaim, type ClaimKeying } from './claim-pronouns';
import { clusterClaims, signature, type ClaimSignature, type MentionSpan } from './claim-match';
import type { Evidence, Quoting, Stance } from './schema';
import type { ClaimRecord, DocumentExtraction, EntityRecord } from '../types';
import { claimParts, documentOffset, insideClaim } from '../claims/parts';

export interface SpeakerDraft {
  node: string;
  stance: Stance;
  cue: Evidence;
  marks: { confidence: number; quoted: Quoting; unnamed: boolean; belief: boolean };
  /** denies a claim by pointing back to it ("rejected that account") */
  rejects: boolean;
}

/** One claim of one article, with its ends already turned into node keys. */
export interface ClaimInstance {
  doc: string;
  text: string;
  span: Evidence;
  /** where its words stand: its span, or the parts of a quotation split around its frame */
  parts: Evidence[];
  keying: ClaimKeying;
  signature: ClaimSignature;
  /** another claim of its article lies inside it ("Acme confirmed that P"): it reports an attribution, and
   * matches no paraphrase, whose words would be the inner claim's */
  embedsClaim: boolean;
  speakers: SpeakerDraft[];
  reporters: { node: string; cue: Evidence }[];
  about: string[];
}

/** The claims of one article; `nodeOf` gives the node key of the article's entity ids. */
export function claimInstances(extraction: DocumentExtraction, nodeOf: (id: string) => string | undefined): ClaimInstance[] {
  const { doc, claims, entities } = extraction;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const instances: ClaimInstance[] = [];
  for (const claim of claims) {
    if (!claim.text.trim() || !claim.speakers.length) continue;
    const span = { doc: doc.id, start: claim.span.start, end: claim.span.end };
    const parts = claimParts(claim).map((p) => ({ doc: doc.id, start: p.start, end: p.end }));
    const speakers: SpeakerDraft[] = [];
    for (const s of claim.speakers) {
      const node = nodeOf(s.entityId);
      const marks = { confidence: s.confidence, quoted: s.quoted, unnamed: !!byId.get(s.entityId)?.local, belief: s.belief };
      if (node) speakers.push({ node, stance: s.stance, cue: { doc: doc.id, start: s.cue.start, end: s.cue.end }, marks, rejects: !!s.rejects });
    }
    const reporters = claim.reporters.flatMap((r) => {
      const node = nodeOf(r.entityId);
      return node ? [{ node, cue: { doc: doc.id, start: r.cue.start, end: r.cue.end } }] : [];
    });
    const about = claim.about.flatMap((id) => nodeOf(id) ?? []);
    const keying = keyClaim(claim, doc.id, byId, nodeOf);
    const embedsClaim = claims.some((c) => c !== claim && c.span.start >= claim.span.start && c.span.end <= claim.span.end);
    instances.push({ doc: doc.id, text: claim.text, span, parts, keying, signature: { ...signature(claim.text, (i) => documentOffset(claim, i), aboutMentions(claim, byId, nodeOf)), span }, embedsClaim, speakers, reporters, about });
  }
  return instances;
}

/** The mentions inside the claim of the entities it is about, with their nodes. */
function aboutMentions(claim: ClaimRecord, byId: ReadonlyMap<string, EntityRecord>, nodeOf: (id: string) => string | undefined): MentionSpan[] {
  const spans: MentionSpan[] = [];
  for (const id of claim.about) {
    const node = nodeOf(id);
    if (!node) continue;
    for (const m of byId.get(id)?.mentions ?? []) {
      if (insideClaim(claim, m.start, m.end)) spans.push({ start: m.start, end: m.end, node });
    }
  }
  return spans;
}

export interface ClaimPlacement {
  /** each instance's node key, by instance index */
  nodeOf: string[];
  /** each node's text: its representative's wording */
  textOf: Map<string, string>;
  /** node keys saying P and not-P, sorted */
  negations: [string, string][];
}

/**
 * Joins instances into nodes: by key first, then by matching the keys' signatures. Per-article keys (an
 * unresolved pronoun) take no part in matching: their words could be about anyone; nor do claims that hold
 * another claim.
 */
export function placeClaims(instances: readonly ClaimInstance[]): ClaimPlacement {
  const firstOfKey = new Map<string, ClaimInstance>();
  for (const i of instances) if (!firstOfKey.has(i.keying.key)) firstOfKey.set(i.keying.key, i);
  // in build order (documents by id, then text order): a merged node takes its first article's key and wording
  const keys = [...firstOfKey.keys()];
  const matchable = keys.filter((k) => !firstOfKey.get(k)!.keying.perArticle && !firstOfKey.get(k)!.embedsClaim);
  const { representative, negations } = clusterClaims(matchable.map((k) => firstOfKey.get(k)!.signature));
  const finalOf = new Map(keys.map((k) => [k, k]));
  matchable.forEach((k, i) => finalOf.set(k, matchable[representative[i]!]!));
  const textOf = new Map<string, string>();
  for (const k of keys) if (finalOf.get(k) === k) textOf.set(k, firstOfKey.get(k)!.text);
  const pairs = new Map<string, [string, string]>();
  for (const { a, b } of negations) {
    const pair = [finalOf.get(matchable[a]!)!, finalOf.get(matchable[b]!)!].sort() as [string, string];
    if (pair[0] !== pair[1]) pairs.set(pair.join(' '), pair);
  }
  return {
    nodeOf: instances.map((i) => finalOf.get(i.keying.key)!),
    textOf,
    negations: [...pairs.values()].sort((x, y) => (x.join(' ') < y.join(' ') ? -1 : 1)),
  };
}
