/**
 * claimgraph ingest: the text that the nlp stage reads, as a same-length copy of the stored document text.
 * Hard-wrapped .txt and .md files break sentences at the end of every line, and a tab or a control character
 * inside a sentence splits a name; here a line break inside a paragraph becomes a space, and so does a tab or
 * a control character. Every character keeps its offset, so evidence found in this copy indexes the stored text.
 */

/** Shortest line taken as wrapped prose: titles, bylines and datelines are shorter, wrapped lines are near 70. */
export const MIN_WRAPPED_LINE = 40;

/** A line that starts a Markdown block (heading, list item, quote, table row, fence, rule): its break stays. */
const BLOCK_START = /^[ \t]*(?:#{1,6}(?:\s|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~|[-*_]{3,}\s*$)/;
/** A line that ends a sentence: a break after it is harmless and may be a paragraph of its own. */
const ENDS_SENTENCE = /[.!?:;]["'\u201d\u2019)\]]*\s*$/;
/** Controls that nlp would read as part of a word, or as a break in one: tabs, form feeds, C0/C1 controls, DEL. */
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** True when the break between `line` and `next` is a hard wrap inside a paragraph. */
function isWrap(line: string, next: string, isTitle: boolean): boolean {
  if (isTitle || !next.trim() || !line.trim()) return false;
  if (line.trim().length < MIN_WRAPPED_LINE || ENDS_SENTENCE.test(line)) return false;
  return !BLOCK_START.test(line) && !BLOCK_START.test(next) && !/^( {4}|\t)/.test(next);
}

/** The nlp input for `text`: same length, line breaks inside paragraphs and control characters as spaces. */
export function proseText(text: string): string {
  const spaced = text.replace(CONTROL, ' ');
  // every break first (one pass), so that each line and the next are read in constant time per line
  const breaks = [...text.matchAll(/\r\n|\n|\r/g)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  const parts: string[] = [];
  let copied = 0;
  let titleSeen = false;
  for (const [i, br] of breaks.entries()) {
    const line = text.slice(i ? breaks[i - 1]!.end : 0, br.at);
    const next = text.slice(br.end, breaks[i + 1]?.at ?? text.length);
    const isTitle = !titleSeen && line.trim().length > 0;
    if (line.trim()) titleSeen = true;
    if (isWrap(line, next, isTitle)) {
      parts.push(spaced.slice(copied, br.at), ' '.repeat(br.end - br.at));
      copied = br.end;
    }
  }
  parts.push(spaced.slice(copied));
  return parts.join('');
}
