/**
 * claimgraph claims: noun phrases around a cue, from POS tags alone (no parser): the speaker before "said",
 * after "according to" or after an inverted "said". Returns token ranges; spans are taken from the tokens.
 */
import type { Token } from '../types';

/** A token range: first inclusive, end exclusive. */
export interface TokenRange {
  first: number;
  end: number;
}

const NOUNISH = new Set(['PROPN', 'NOUN']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'another', 'some', 'several', 'many', 'other', 'one', 'two', 'three', 'both', 'each', 'most', 'all', 'no']);
const QUANTIFIERS = new Set(['some', 'many', 'most', 'all', 'several', 'none', 'few', 'both', 'each']);
/** prepositions that may sit inside a speaker's noun phrase ("a spokesman for the agency") */
const INNER_ADPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on']);
const POSSESSIVE_MARKS = new Set(["'s", '\u2019s', "'", '\u2019']);
const JOINERS = new Set(['-', '&', '.', '/']);
const PAST_PARTICIPLE = /(?:ed|en)$/;
const UPPER_START = /^\p{Lu}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** A determiner or possessive that opens a phrase; "that" as a complementizer does not. */
function isDeterminer(t: Token): boolean {
  if (t.pos === 'SCONJ' || t.pos === 'ADP') return false;
  return t.pos === 'DET' || DETERMINERS.has(t.normal) || POSSESSIVE_PRONOUNS.has(t.normal);
}

export function isPossessiveMark(t: Token): boolean {
  return POSSESSIVE_MARKS.has(t.normal) || POSSESSIVE_MARKS.has(t.text);
}

export function isSubjectPronoun(t: Token): boolean {
  return t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.normal);
}

function isNounish(t: Token): boolean {
  return NOUNISH.has(t.pos) || (t.pos === 'ADJ' && UPPER_START.test(t.text) && t.type === 'word');
}

/** A capitalised word the tagger called a verb or an adjective ("Lynch", "Herald"). */
function isMistaggedName(t: Token): boolean {
  return CAPITALISED.test(t.text) && (t.pos === 'VERB' || t.pos === 'ADJ');
}

/**
 * The noun phrase that ends at token `head` (a subject before its verb), or undefined. `lo` bounds the search.
 * A subject pronoun is a phrase of its own.
 */
export function phraseEndingAt(tokens: readonly Token[], head: number, lo: number): TokenRange | undefined {
  const h = tokens[head];
  if (!h || head < lo) return undefined;
  if (isSubjectPronoun(h)) return { first: head, end: head + 1 };
  // a name the tagger took for a verb or an adjective ("Lynch said") still heads the phrase
  if (!isNounish(h) && !isMistaggedName(h)) return undefined;
  let first = head;
  for (let k = head - 1; k >= lo && head - k <= 12; k--) {
    const t = tokens[k]!;
    const right = tokens[k + 1]!;
    if (isNounish(t) || t.pos === 'NUM' || (t.pos === 'ADJ' && t.type === 'word')) {
      first = k;
      continue;
    }
    if (isDeterminer(t)) {
      // a determiner or a possessive pronoun opens the phrase, unless a coordinated one stands before it
      first = k;
      const link = tokens[k - 1];
      const joined = link && k - 2 >= lo && isNounish(tokens[k - 2]!) && ((link.normal === 'and' && link.pos === 'CCONJ') || (link.pos === 'ADP' && INNER_ADPOSITIONS.has(link.normal)));
      if (joined) {
        first = k - 1;
        k--;
        continue;
      }
      if (link && postModifierAt(tokens, k - 1, lo)) {
        first = k - 2;
        k -= 2;
        continue;
      }
      break;
    }
    if (isPossessiveMark(t) && k - 1 >= lo && isNounish(tokens[k - 1]!)) {
      first = k;
      continue;
    }
    if (JOINERS.has(t.text) && k - 1 >= lo && isNounish(tokens[k - 1]!) && isNounish(right)) {
      first = k;
      continue;
    }
    if (t.normal === 'and' && t.pos === 'CCONJ') {
      // coordinated names or determined phrases ("Acme and Interpol", "the Administrator and the Director")
      const before = tokens[k - 1];
      if (before && k - 1 >= lo && isNounish(before) && (right.pos === 'PROPN' || right.pos === 'DET')) {
        first = k;
        continue;
      }
      break;
    }
    if (INNER_ADPOSITIONS.has(t.normal) && t.pos === 'ADP') {
      const before = tokens[k - 1];
      // a share of a group speaks too ("eight of 10 voters", "most of the senators")
      const share = t.normal === 'of' && !!before && (before.pos === 'NUM' || QUANTIFIERS.has(before.normal));
      if (before && k - 1 >= lo && (isNounish(before) || share) && (isNounish(right) || right.pos === 'NUM' || right.pos === 'DET' || right.pos === 'ADJ' || POSSESSIVE_PRONOUNS.has(right.normal))) {
        first = k;
        continue;
      }
      if (postModifierAt(tokens, k, lo)) {
        first = k - 1;
        k--;
        continue;
      }
    }
    break;
  }
  return { first, end: head + 1 };
}

/** Whether a range holds a verb or an auxiliary. */
export function hasVerb(tokens: readonly Token[], r: TokenRange): boolean {
  for (let k = r.first; k < r.end; k++) {
    const pos = tokens[k]!.pos;
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

/**
 * "Jo Park, who said P" / "an architect who said P": the phrase a relative pronoun at `rel` stands for, before
 * it or before its comma.
 */
export function relativeAntecedent(tokens: readonly Token[], rel: number, lo: number): TokenRange | undefined {
  return phraseEndingAt(tokens, tokens[rel - 1]?.normal === ',' ? rel - 2 : rel - 1, lo);
}

/**
 * "people briefed on the talks", "officials involved in the case": whether the preposition at `adposition`
 * follows a participle that modifies the noun before it, so that the phrase goes on to that noun.
 */
function postModifierAt(tokens: readonly Token[], adposition: number, lo: number): boolean {
  const a = tokens[adposition];
  const participle = tokens[adposition - 1];
  const noun = tokens[adposition - 2];
  if (!a || !participle || !noun || adposition - 2 < lo) return false;
  return a.pos === 'ADP' && INNER_ADPOSITIONS.has(a.normal) && participle.pos === 'VERB' && PAST_PARTICIPLE.test(participle.normal) && isNounish(noun);
}

/** The noun phrase that starts at token `at` and runs right (after "according to", or an inverted "said"). */
export function phraseStartingAt(tokens: readonly Token[], at: number, hi: number): TokenRange | undefined {
  const t0 = tokens[at];
  if (!t0 || at >= hi) return undefined;
  if (isSubjectPronoun(t0)) return { first: at, end: at + 1 };
  let end = at;
  let sawNoun = false;
  for (let k = at; k < hi && k - at < 14; k++) {
    const t = tokens[k]!;
    // a capitalised word after a name goes on with the name, whatever the tagger called it ("Ada Moor")
    const nameGoesOn = k > at && tokens[k - 1]!.pos === 'PROPN' && CAPITALISED.test(t.text) && (t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'ADV');
    if (isNounish(t) || nameGoesOn || t.pos === 'NUM' || (t.pos === 'ADJ' && t.type === 'word')) {
      sawNoun ||= isNounish(t);
      end = k + 1;
      continue;
    }
    // a determiner opens the phrase, or a phrase joined by "and" or a preposition ("director of the Institute")
    const prev = tokens[k - 1]!;
    const opensPhrase = k === at || (end === k && (prev.normal === 'and' || (prev.pos === 'ADP' && INNER_ADPOSITIONS.has(prev.normal))));
    if (opensPhrase && isDeterminer(t)) {
      end = k + 1;
      continue;
    }
    if (isPossessiveMark(t) && sawNoun) {
      end = k + 1;
      continue;
    }
    const next = tokens[k + 1];
    if (JOINERS.has(t.text) && sawNoun && next && k + 1 < hi && isNounish(next)) {
      end = k + 1;
      continue;
    }
    if (((INNER_ADPOSITIONS.has(t.normal) && t.pos === 'ADP') || (t.normal === 'and' && t.pos === 'CCONJ')) && sawNoun && next && k + 1 < hi) {
      if (isNounish(next) || next.pos === 'DET' || next.pos === 'ADJ' || POSSESSIVE_PRONOUNS.has(next.normal)) {
        // a preposition that opens a time or place adjunct ("on Monday", "in Washington") ends the phrase
        if (t.normal === 'on' || t.normal === 'in') break;
        end = k + 1;
        continue;
      }
    }
    break;
  }
  return sawNoun ? { first: at, end } : undefined;
}

/** The run of names and nouns that ends at `head`, without determiners or prepositions ("Harbour Gazette Ruiz"). */
export function bareNounsEndingAt(tokens: readonly Token[], head: number, lo: number): TokenRange | undefined {
  if (!tokens[head] || !isNounish(tokens[head]!)) return undefined;
  let first = head;
  while (first - 1 >= lo && isNounish(tokens[first - 1]!)) first--;
  return { first, end: head + 1 };
}

/** The head of a speaker phrase: the last noun before any preposition ("spokesman" in "a spokesman for X"). */
export function headOf(tokens: readonly Token[], range: TokenRange): number {
  let head = range.end - 1;
  for (let k = range.first; k < range.end; k++) {
    const t = tokens[k]!;
    if (t.pos === 'ADP' && k > range.first) {
      head = k - 1;
      break;
    }
  }
  while (head > range.first && !isNounish(tokens[head]!) && !isSubjectPronoun(tokens[head]!) && !isMistaggedName(tokens[head]!)) head--;
  return head;
}
