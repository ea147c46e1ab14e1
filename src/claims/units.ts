/**
 * claimgraph claims: sentence units. wink-nlp's sentences, split again at line breaks (a title, a dateline or
 * a speaker's turn ends at its line even without a full stop), without the whitespace tokens at their edges.
 */
import type { AnalyzedDocument, Token } from '../types';

const LINE_BREAK = /[\n\r]/;
const LOWER_START = /^\p{Ll}/u;

export interface Unit {
  index: number;
  start: number;
  end: number;
  /** first token index (inclusive) */
  firstToken: number;
  /** last token index (exclusive) */
  endToken: number;
  /** index of the paragraph: a line of text */
  paragraph: number;
  /** the unit opens its paragraph */
  opensParagraph: boolean;
}

/** A whitespace token that holds a line break (wink-nlp keeps them as tokens of their own). */
export function isLineBreak(t: Token | undefined): boolean {
  return !!t && (t.pos === 'SPACE' || t.type === 'tabCRLF') && LINE_BREAK.test(t.text);
}

function isSpace(t: Token): boolean {
  return t.pos === 'SPACE' || t.type === 'tabCRLF' || t.text.trim() === '';
}

function startsLowerCase(tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (k < tokens.length && isSpace(tokens[k]!) && !isLineBreak(tokens[k])) k++;
  const t = tokens[k];
  return !!t && !isLineBreak(t) && LOWER_START.test(t.text);
}

/** Splits the analysed sentences into units at line breaks; one linear pass over the tokens. */
export function sentenceUnits(analyzed: AnalyzedDocument): Unit[] {
  const { tokens } = analyzed;
  const units: Unit[] = [];
  let paragraph = -1;
  let breakSeen = true; // the text's start opens a paragraph
  let first = -1;
  let sentence = -1;
  const close = (end: number) => {
    if (first < 0) return;
    let last = end;
    while (last > first && isSpace(tokens[last - 1]!)) last--;
    if (last > first) {
      const opens = breakSeen;
      if (opens) paragraph++;
      units.push({ index: units.length, start: tokens[first]!.start, end: tokens[last - 1]!.end, firstToken: first, endToken: last, paragraph: Math.max(paragraph, 0), opensParagraph: opens });
      breakSeen = false;
    }
    first = -1;
  };
  let parens = 0; // open parentheses in the current unit: a sentence break inside "(D-N.Y.)" is no break
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.sentence !== sentence) {
      // a "sentence" that opens in lower case, or inside a parenthesis, goes on the last one ("(D-Ore.) said")
      if (parens <= 0 && !startsLowerCase(tokens, i)) close(i);
      sentence = t.sentence;
    }
    if (isLineBreak(t) || t.lineBreakBefore) {
      close(i);
      parens = 0;
      breakSeen = true;
      if (isLineBreak(t)) continue;
    }
    if (first < 0 && !isSpace(t)) {
      first = i;
      parens = 0;
    }
    if (t.text === '(') parens++;
    else if (t.text === ')') parens--;
  }
  close(tokens.length);
  return units;
}

/** The unit of each token, as an array indexed by token (-1 for whitespace between units). */
export function unitOfToken(units: readonly Unit[], tokenCount: number): Int32Array {
  const out = new Int32Array(tokenCount).fill(-1);
  for (const u of units) for (let t = u.firstToken; t < u.endToken; t++) out[t] = u.index;
  return out;
}
