/**
 * Disputes (issue 8, part 2): `contradicts` edges between claims, each with the evidence of both sides.
 *
 * A speaker's stance is a sign (stated, confirmed: +1; denied, questioned: -1) and a claim's negation another;
 * what a speaker holds is their product. Two speakers of one claim node who hold opposite things are an
 * `opposite-stance` dispute, drawn as the claim's edge to itself (one proposition, two sides). Two claim nodes
 * that say P and not-P (claim-match.ts) are a `negation` dispute when some speaker holds each: "there is no secret
 * deal" stated against "there is a secret deal" stated. "there is no secret deal" stated against "there is a
 * secret deal" denied is agreement, and gives no edge. A speaker who denies a claim by pointing back to it
 * ("rejected that account", claims/rejections.ts) makes the claim's dispute a `rejection`.
 */
import { edgeKey } from './keys';
import type { ContradictionReason, Evidence, Stance } from './schema';

export interface Assertion {
  /** the claim's node key */
  claim: string;
  negated: boolean;
  speaker: string;
  stance: Stance;
  /** the claim's span in the sentence this speaker says it in, or the words of a rejection */
  evidence: Evidence;
  /** denies the claim by pointing back to it ("rejected that account") */
  rejects?: boolean;
}

export interface Contradiction {
  key: string;
  source: string;
  target: string;
  reason: ContradictionReason;
  evidence: Evidence[];
}

const sign = (stance: Stance) => (stance === 'stated' || stance === 'confirmed' ? 1 : -1);
/** What a speaker holds of the proposition without its negation. */
const holds = (a: Assertion) => sign(a.stance) * (a.negated ? -1 : 1);

/** Every dispute, keyed and sorted: `negationPairs` are the claim node keys that say P and not-P. */
export function findContradictions(assertions: readonly Assertion[], negationPairs: ReadonlyArray<readonly [string, string]>): Contradiction[] {
  const byClaim = new Map<string, Assertion[]>();
  for (const a of assertions) byClaim.set(a.claim, [...(byClaim.get(a.claim) ?? []), a]);
  const found = new Map<string, Contradiction>();
  const add = (reason: ContradictionReason, one: Assertion, other: Assertion) => {
    const [source, target] = [one.claim, other.claim].sort() as [string, string];
    const key = edgeKey('contradicts', source, target, true);
    const edge = found.get(key) ?? { key, source, target, reason, evidence: [] };
    edge.evidence.push(one.evidence, other.evidence);
    // a claim both rejected and plainly denied is a rejection: the pointer says the most, whatever the order
    if (reason === 'rejection') edge.reason = reason;
    found.set(key, edge);
  };
  for (const list of byClaim.values()) {
    for (const x of list) for (const y of list) if (x.speaker < y.speaker && holds(x) !== holds(y)) add(x.rejects || y.rejects ? 'rejection' : 'opposite-stance', x, y);
  }
  for (const [p, q] of negationPairs) {
    for (const x of byClaim.get(p) ?? []) for (const y of byClaim.get(q) ?? []) if (holds(x) !== holds(y)) add('negation', x, y);
  }
  return [...found.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
