/**
 * claimgraph query: the sentence around an evidence span, from the document text alone (never the NLP pipeline).
 * Simple bounds on purpose: `.`, `!` or `?` followed by whitespace ends a sentence, and so does a line break.
 */

/** Closing quotes and brackets that may follow a terminator and still belong to its sentence. */
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);
const TERMINATORS = new Set(['.', '!', '?']);

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** Index just after the sentence end that stands at `i` (a terminator plus closers), or -1 if none stands there. */
function sentenceEndAt(text: string, i: number): number {
  const c = text[i];
  if (c === '\n' || c === '\r') return i;
  if (c === undefined || !TERMINATORS.has(c)) return -1;
  let j = i + 1;
  while (j < text.length && (TERMINATORS.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
  return j >= text.length || isSpace(text[j]) ? j : -1;
}

/** Start of the sentence that holds offset `pos`. */
export function sentenceStart(text: string, pos: number): number {
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return i + 1;
    if (isSpace(c)) {
      // a terminator (maybe followed by closers) right before this space ends the previous sentence
      let j = i - 1;
      while (j >= 0 && CLOSERS.has(text[j]!)) j--;
      if (j >= 0 && TERMINATORS.has(text[j]!)) return i + 1;
    }
  }
  return 0;
}

/** End (exclusive) of the sentence that holds the character before offset `pos`. */
export function sentenceEnd(text: string, pos: number): number {
  for (let i = Math.max(pos, 1) - 1; i < text.length; i++) {
    const end = sentenceEndAt(text, i);
    if (end >= 0 && end >= pos) return end;
  }
  return text.length;
}

/** The sentence(s) covering text[start, end), with whitespace collapsed to single spaces. */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, Math.max(end, start + 1));
  return text.slice(from, Math.max(from, to)).replace(/\s+/g, ' ').trim();
}
