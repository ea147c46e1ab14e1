/**
 * claimgraph claims: span trimming. A claim's text is always a slice of the document, so the frame's leftovers
 * (quote marks, the complementizer "that", final punctuation) are dropped by moving the span, never by rewriting.
 */
import type { Span } from '../types';

const EDGE_JUNK = /[\s"\u201c\u201d\u2018\u2019'`,;:.!?\u2026\u2014\u2013\u2015\-([]/u;
const LEADING_JUNK = /[\s"\u201c\u201d\u2018\u2019'`,;:\u2014\u2013\u2015\-)\]]/u;
const COMPLEMENTIZER = /^(that|whether)\s+/i;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Moves the span's ends past quote marks, punctuation, spaces and a leading "that"/"whether". */
export function trimContent(text: string, span: Span, complementizer = true): Span {
  let start = Math.max(0, span.start);
  let end = Math.min(text.length, span.end);
  for (let guard = 0; guard < 4; guard++) {
    while (start < end && LEADING_JUNK.test(text[start]!)) start++;
    const m = complementizer ? COMPLEMENTIZER.exec(text.slice(start, Math.min(end, start + 10))) : null;
    if (m && start + m[0].length < end) start += m[0].length;
    else break;
  }
  for (;;) {
    while (end > start && EDGE_JUNK.test(text[end - 1]!)) end--;
    // a closing bracket stays when its opening one is inside the span ("the Kestrel (KX-04)")
    const last = text[end - 1];
    if (end > start && (last === ')' || last === ']') && !opensInside(text, start, end - 1, last === ')' ? '(' : '[')) end--;
    else break;
  }
  return { start, end };
}

function opensInside(text: string, start: number, end: number, opener: string): boolean {
  const at = text.lastIndexOf(opener, end - 1);
  return at >= start;
}

/** Whether a span holds at least one letter or digit. */
export function hasWords(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (LETTER_OR_DIGIT.test(text[i]!)) return true;
  return false;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
