/**
 * claimgraph claims: sentence units. wink-nlp's sentences, split again where a line break falls inside one,
 * because a title, a dateline or a speaker's turn ends at the line even without a full stop.
 */
import type { AnalyzedDocument } from '../types';

export interface Unit {
  index: number;
  start: number;
  end: number;
  /** first token index (inclusive) */
  firstToken: number;
  /** last token index (exclusive) */
  endToken: number;
  /** index of the paragraph (a run of lines without a blank... or any line: one line is one paragraph here) */
  paragraph: number;
  /** the unit opens its paragraph */
  opensParagraph: boolean;
}

/** Splits the analysed sentences into units at line breaks; one linear pass over the tokens. */
export function sentenceUnits(analyzed: AnalyzedDocument): Unit[] {
  const { tokens, sentences } = analyzed;
  const units: Unit[] = [];
  let paragraph = -1;
  for (const s of sentences) {
    let first = s.firstToken;
    for (let t = s.firstToken; t <= s.endToken; t++) {
      const atBreak = t < s.endToken && t > first && tokens[t]!.lineBreakBefore;
      if (t === s.endToken || atBreak) {
        if (t > first) {
          const opens = first === 0 || tokens[first]!.lineBreakBefore;
          if (opens) paragraph++;
          units.push({
            index: units.length,
            start: tokens[first]!.start,
            end: tokens[t - 1]!.end,
            firstToken: first,
            endToken: t,
            paragraph: Math.max(paragraph, 0),
            opensParagraph: opens,
          });
        }
        first = t;
      }
    }
  }
  return units;
}

/** The unit of each token, as an array indexed by token. */
export function unitOfToken(units: readonly Unit[], tokenCount: number): Int32Array {
  const out = new Int32Array(tokenCount).fill(-1);
  for (const u of units) for (let t = u.firstToken; t < u.endToken; t++) out[t] = u.index;
  return out;
}
