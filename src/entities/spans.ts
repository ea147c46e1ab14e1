/**
 * claimgraph entities: the name spans that the finder passes to typing and merging: one place where the text
 * names something, with the cues gathered around it.
 */
import type { EntityKind } from '../types';
import type { GazetteerEntry } from './lexicon';

export type KindVotes = Partial<Record<EntityKind, number>>;

export interface NameSpan {
  /** token range [start, end) of the name itself ("Jim Bridenstine") */
  start: number;
  end: number;
  /** token range of the whole mention, with its title and modifiers ("NASA Administrator Jim Bridenstine") */
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
  /** index of the span naming the person's organization ("NASA" in "NASA Administrator ...", "Roscosmos" in "... of Roscosmos") */
  orgSpan?: number;
  /** token range of the words that state the person-organization link */
  orgEvidence?: { start: number; end: number };
  /** this span only modifies another mention ("NASA" inside "NASA Administrator Jim Bridenstine") */
  modifier?: boolean;
  /** index of the span this acronym or designator spells out ("ISS" after "International Space Station") */
  sameAs?: number;
  /** canonical name when the written form is not one ("Soyuz (MS-09/55S)" → "Soyuz MS-09") */
  canonical?: string;
  /** found in a title-case headline line */
  headline?: boolean;
  /** index of the span after "of" that the person belongs to ("Sergey Prokopyev of Roscosmos") */
  memberOf?: number;
  memberEvidence?: { start: number; end: number };
  /** common nouns that described it ("spacecraft" in "Soyuz spacecraft", "station" in "Space Station") */
  heads?: string[];
  /** a group of people named after something ("Expedition 56 crew") */
  group?: boolean;
  /** swallowed by a neighbour (a designator in brackets) */
  dropped?: boolean;
}

export function vote(span: NameSpan, kind: EntityKind, weight: number): void {
  span.votes[kind] = (span.votes[kind] ?? 0) + weight;
}
