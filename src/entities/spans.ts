/**
 * claimgraph entities: the name spans that the finder passes to typing and merging: one place where the text
 * names something, with the cues gathered around it.
 */
import type { EntityKind } from '../types';
import type { GazetteerEntry } from './lexicon';

export type KindVotes = Partial<Record<EntityKind, number>>;

export interface NameSpan {
  /** token range [start, end) of the name itself ("Ana Silva") */
  start: number;
  end: number;
  /** token range of the whole mention, with its title and modifiers ("Acme Director Ana Silva") */
  mentionStart: number;
  mentionEnd: number;
  /** the name as written */
  text: string;
  /** weighted votes for the entity kind, summed over an entity's spans */
  votes: KindVotes;
  gazetteer?: GazetteerEntry;
  /** lower-case title or role ("administrator", "astronaut") */
  title?: string;
  /** the title leads the organization that modifies it ("Administrator", "General Director") */
  leader?: boolean;
  /** index of the span naming the person's organization ("Acme" in "Acme Director ...", "Interpol" in "... of Interpol") */
  orgSpan?: number;
  /** token range of the words that state the person-organization link */
  orgEvidence?: { start: number; end: number };
  /** this span only modifies another mention ("Acme" inside "Acme Director Ana Silva") */
  modifier?: boolean;
  /** index of the span this acronym or designator spells out ("WHA" after "World Harbor Agency") */
  sameAs?: number;
  /** canonical name when the written form is not one ("Apollo (AS-508)" → "Apollo 12") */
  canonical?: string;
  /** found in a title-case headline line */
  headline?: boolean;
  /** index of the span after "of" that the person belongs to ("Oleg Varin of Interpol") */
  memberOf?: number;
  memberEvidence?: { start: number; end: number };
  /** common nouns that described it ("spacecraft" in "Apollo spacecraft", "station" in "Research Station") */
  heads?: string[];
  /** a group of people named after something ("Survey 7 crew") */
  group?: boolean;
  /** swallowed by a neighbour (a designator in brackets) */
  dropped?: boolean;
}

export function vote(span: NameSpan, kind: EntityKind, weight: number): void {
  span.votes[kind] = (span.votes[kind] ?? 0) + weight;
}
