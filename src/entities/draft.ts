/**
 * claimgraph entities: the entity drafts that the later passes (events, outlets, descriptions, pronouns)
 * add mentions to, before they become EntityRecords.
 */
import type { AnalyzedDocument, EntityKind, Mention } from '../types';

export interface Draft {
  kind: EntityKind;
  label: string;
  mentions: Mention[];
  /** lower-case titles of its people, for "the Administrator" */
  titles: Set<string>;
  /** nouns that described it, for "the spacecraft" */
  heads: Set<string>;
  /** an unnamed person: one node per article */
  local?: boolean;
  /** the role noun of an unnamed person ("spokesperson") */
  role?: string;
  /** a group of people ("Expedition 56 crew") */
  group?: boolean;
}

/** A mention over the token range [start, end), with its exact text. */
export function tokenMention(analyzed: AnalyzedDocument, start: number, end: number): Mention {
  const a = analyzed.tokens[start]!;
  const b = analyzed.tokens[end - 1]!;
  return { start: a.start, end: b.end, text: analyzed.doc.text.slice(a.start, b.end) };
}
