/**
 * Claims whose meaning rests on a pronoun (issue 8, part 2). "he would resign" in two unrelated articles is two
 * propositions about two people, so such a claim must not share a node across articles by its words alone.
 *
 * The rule: every third-person pronoun in the claim's text must lie inside a mention of one of the entities the
 * claim is `about` (the extraction's resolution). A claim with one that does not is keyed by its article; a claim
 * whose pronouns all resolve is keyed by its text with each pronoun replaced by the node it names, so "its plant"
 * joins another article's "its plant" only when "its" is the same company in both.
 */
import { claimKey, slug } from './keys';
import { documentOffset } from '../claims/parts';
import type { ClaimRecord, EntityRecord } from '../types';

const THIRD_PERSON = /\b(he|she|it|they|him|her|them|his|hers|its|their|theirs|himself|herself|itself|themselves)\b/gi;

export interface ClaimKeying {
  key: string;
  /** true when the claim's key names its article: it never merges with another article's claim */
  perArticle: boolean;
  /** the text with resolved pronouns replaced by node keys: what matching compares */
  resolvedText: string;
}

/**
 * The claim's node key. `nodeOf` gives the node key of an entity id of the claim's article; `entities` are that
 * article's entity records, whose mentions say where each pronoun resolves.
 */
export function keyClaim(claim: ClaimRecord, doc: string, entities: ReadonlyMap<string, EntityRecord>, nodeOf: (id: string) => string | undefined): ClaimKeying {
  let unresolved = false;
  const resolvedText = claim.text.replace(THIRD_PERSON, (word: string, _p: string, offset: number) => {
    const at = documentOffset(claim, offset);
    const node = at < 0 ? undefined : resolvingNode(claim, at, at + word.length, entities, nodeOf);
    if (!node) unresolved = true;
    return node ? `[${node}]` : word;
  });
  if (unresolved) return { key: `${claimKey(claim.text)}@${slug(doc)}`, perArticle: true, resolvedText };
  return { key: claimKey(resolvedText), perArticle: false, resolvedText };
}

/** The node of the `about` entity one of whose mentions covers [start, end), if any. */
function resolvingNode(
  claim: ClaimRecord, start: number, end: number, entities: ReadonlyMap<string, EntityRecord>, nodeOf: (id: string) => string | undefined,
): string | undefined {
  for (const id of claim.about) {
    const entity = entities.get(id);
    if (entity?.mentions.some((m) => m.start <= start && end <= m.end)) return nodeOf(id);
  }
  return undefined;
}
