/**
 * claimgraph claims: the kind of a speaker the entity stage did not know, guessed from its words
 * ("Russian media" → media, "the agency" → agency, "a campaign aide" → person, "Jane Roe" → person).
 */
import type { EntityKind, Token } from '../types';
import { AGENCY_WORDS, MEDIA_WORDS, ORGANIZATION_WORDS, PERSON_TITLES, UNNAMED_HEADS } from './lexicon';

const UPPER_START = /^\p{Lu}/u;
const CAPITALS = /^\p{Lu}+$/u;
const FINAL_DOT = /\.$/;
/** "ESA", "3M", "AT&T", "U.S.": a one-word organization */
const ORGANIZATION_WORD = /^[\p{Lu}\p{N}&.-]{2,}$/u;

export interface SpeakerKind {
  kind: EntityKind;
  /** an unnamed source: a description rather than a name */
  local: boolean;
}

/** `words` are the phrase's tokens without a leading article; `head` indexes its head within them. */
export function guessSpeakerKind(words: readonly Token[], head: number): SpeakerKind {
  const h = words[head];
  if (!h) return { kind: 'person', local: true };
  const headForm = h.normal.toLowerCase();
  const named = h.pos === 'PROPN' || UPPER_START.test(h.text);
  const all = words.map((w) => w.normal.toLowerCase());
  if (MEDIA_WORDS.has(headForm)) return { kind: 'media', local: false };
  if (AGENCY_WORDS.has(headForm)) return { kind: 'agency', local: false };
  if (ORGANIZATION_WORDS.has(headForm) && !UNNAMED_HEADS.has(headForm)) return { kind: 'organization', local: false };
  if (!named) return { kind: UNNAMED_HEADS.has(headForm) || !ORGANIZATION_WORDS.has(headForm) ? 'person' : 'organization', local: true };
  if (UNNAMED_HEADS.has(headForm) && !all.some((w, i) => i !== head && PERSON_TITLES.has(w.replace(FINAL_DOT, '')))) {
    // "ESA Spokesperson" still names no one
    if (words.filter((w) => w.pos === 'PROPN').length <= 1 && !CAPITALS.test(h.text)) return { kind: 'person', local: true };
  }
  if (all.some((w) => PERSON_TITLES.has(w.replace(FINAL_DOT, '')))) return { kind: 'person', local: false };
  if (words.length === 1 && ORGANIZATION_WORD.test(h.text)) return { kind: 'organization', local: false };
  return { kind: 'person', local: false };
}
