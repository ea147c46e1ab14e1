/**
 * claimgraph entities: per-token facts the name finder reads (capitalised? sentence-initial? part of a date?
 * inside a title-case headline line?), computed in one pass over the tokens.
 */
import type { AnalyzedDocument, Token } from '../types';
import { lexicon, WORD } from './lexicon';

export interface TokenFeatures {
  /** first word of its sentence or line, after any opening quotes or brackets */
  sentenceInitial: Uint8Array;
  /** inside a line whose every content word is capitalised (a headline, a byline, a heading) */
  headline: Uint8Array;
  /** inside a date or time ("Oct. 11", "4:40 a.m. EDT", "Thursday") */
  date: Uint8Array;
  /** a word that can carry a name (see isWordToken), computed once */
  word: Uint8Array;
  /** starts with a capital letter, computed once */
  cap: Uint8Array;
  /** the lexicon's WORD bits of each token's lower-case form */
  cls: Uint8Array;
}

const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\d/;
const LETTER_OR_DIGIT_START = /^[\p{L}\d]/u;
const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,5}$/u;
const PLAIN_ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$/u;
const DECIMAL = /^\d+[.,]\d+$/;
const DESIGNATOR_CHARS = /^[\p{L}\d][\p{L}\d\-/.]*$/u;
const YEAR = /^(1[89]|20)\d\d$/;
const OPENER = /^["“‘'(\[«—–-]+$/;
const SENTENCE_OPENING_MARK = /^["“‘:—–]$/;
const LINE_BREAK = /[\n\r]/;
/** words a title-case headline leaves in lower case */
const HEADLINE_SMALL = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'on', 'in', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'vs', 'vs.', 'via', 'over', 'into', 'up', 'off', 'per',
  // particles inside names, lower case in any line ("Tour de France", "al-Qaida", "van Gogh")
  'al', 'el', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn',
]);

/** Starts with a capital; an ASCII test first, as this runs on every token. */
export function isCapitalized(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return UPPER_START.test(text);
}

/** "ESA", "U.S.", "KSS": two to six capitals, dotted or not. */
export function isAcronym(text: string): boolean {
  return DOTTED_ACRONYM.test(text) || PLAIN_ACRONYM.test(text);
}

/** A model or serial designator that continues a name: "B-52", "737", "Canadarm2", "F-35". */
export function isDesignator(text: string): boolean {
  return HAS_DIGIT.test(text) && !DECIMAL.test(text) && DESIGNATOR_CHARS.test(text) && !YEAR.test(text) && text.length <= 12;
}

/** A token that can carry a name: a word with a letter (or a designator), not punctuation, space or symbol. */
export function isWordToken(t: Token): boolean {
  if (t.type !== 'word' && t.type !== 'number') return false;
  const c = t.text.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return HAS_LETTER.test(t.text) && LETTER_OR_DIGIT_START.test(t.text);
}

function startsWithApostrophe(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x27 || c === 0x2019;
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Opening quotes, brackets or dashes only; a letter or digit first rules that out without the regex. */
export const isOpener = (t: Token): boolean => !isAsciiAlphanumeric(t.text.charCodeAt(0)) && OPENER.test(t.text);

function startsLine(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const t = tokens[i]!;
  if (t.lineBreakBefore) return true;
  const prev = tokens[i - 1]!;
  return prev.pos === 'SPACE' && LINE_BREAK.test(prev.text);
}

const computed = new WeakMap<AnalyzedDocument, TokenFeatures>();

/** The features of a document's tokens, computed once per analyzed document (entities, claims and relations ask). */
export function tokenFeatures(analyzed: AnalyzedDocument): TokenFeatures {
  let features = computed.get(analyzed);
  if (!features) computed.set(analyzed, (features = computeTokenFeatures(analyzed)));
  return features;
}

/** Marks sentence-initial tokens, headline lines and date tokens. Linear in the number of tokens. */
function computeTokenFeatures(analyzed: AnalyzedDocument): TokenFeatures {
  const { tokens, numericEntities } = analyzed;
  const lex = lexicon();
  const n = tokens.length;
  // typed arrays of 0/1 flags: one allocation each, nothing for the collector to trace
  const sentenceInitial = new Uint8Array(n);
  const headline = new Uint8Array(n);
  const date = new Uint8Array(n);
  const word = new Uint8Array(n);
  const cap = new Uint8Array(n);
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    word[i] = isWordToken(t) ? 1 : 0;
    cap[i] = isCapitalized(t.text) ? 1 : 0;
  }

  // Dates and times: wink-nlp's DATE/TIME spans, walked alongside the tokens (both are in text order).
  const spans = numericEntities.filter((e) => e.type === 'DATE' || e.type === 'TIME' || e.type === 'DURATION');
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    const span = spans[s];
    if (span && span.start <= t.start && t.end <= span.end) date[i] = 1;
    const c = lex.wordClass.get(t.normal) ?? 0;
    cls[i] = c;
    if (c & WORD.date) date[i] = 1;
    // "Election Day", "Memorial Day": holidays are dates
    if (t.text === 'Day' && i > 0 && isCapitalized(tokens[i - 1]!.text)) {
      date[i] = 1;
      date[i - 1] = 1;
    }
  }

  // Sentence starts: the first word after a sentence or line begins, past quotes and brackets.
  let pendingStart = true;
  let lastSentence = -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.sentence !== lastSentence || startsLine(tokens, i)) {
      pendingStart = true;
      lastSentence = t.sentence;
    }
    if (t.pos === 'SPACE' || t.pos === 'PUNCT' || isOpener(t)) {
      // a quotation or a transcript's "PENCE:" opens a new sentence even where the tagger sees none
      if (SENTENCE_OPENING_MARK.test(t.text) || t.text === "'") pendingStart = true;
      continue;
    }
    if (pendingStart) {
      sentenceInitial[i] = 1;
      pendingStart = false;
    }
  }

  // Headline lines: every content word capitalised. Lines are short runs of tokens between line breaks;
  // a run-in heading ("Little Relief for Refugees: The refugee crisis ...") counts up to its colon.
  let lineStart = 0;
  const closeLine = (lineEnd: number) => {
    let end = lineEnd;
    for (let k = lineStart; k < lineEnd && k < lineStart + 12; k++) {
      if (tokens[k]!.text === ':' && k + 1 < lineEnd) {
        end = k;
        break;
      }
    }
    let content = 0;
    let words = 0;
    for (let k = lineStart; k < end; k++) {
      const t = tokens[k]!;
      // possessive endings and apostrophes are no words of a headline
      if (!word[k] || t.pos === 'PART' || startsWithApostrophe(t.text)) continue;
      // at most 25 words, every content word capitalised: the first exception settles it (most lines are prose)
      if (++words > 25) return;
      if (HEADLINE_SMALL.has(t.normal)) continue;
      content++;
      if (!cap[k] && HAS_LOWER.test(t.text)) return;
    }
    const isHeadline = content > 0 && (content >= 2 || (words <= 3 && end === lineEnd));
    if (isHeadline) for (let k = lineStart; k < end; k++) headline[k] = 1;
  };
  for (let i = 1; i <= n; i++) {
    if (i === n || startsLine(tokens, i)) {
      closeLine(i);
      lineStart = i;
    }
  }
  return { sentenceInitial, headline, date, word, cap, cls };
}
