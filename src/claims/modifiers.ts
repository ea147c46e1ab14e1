/**
 * claimgraph claims: stance carried inside the proposition. "X said P is false" denies P; "X said A had
 * nothing to do with B" denies; "this does not necessarily mean P" questions P. Moves the span, never the text.
 */
import type { Span, Stance } from '../types';
import { firstTokenFrom, type ClaimContext } from './context';
import { CONTENT_MODIFIERS } from './lexicon';

export interface Modified {
  span: Span;
  stance: Stance;
}

/** Nouns of an account whose "that" clause is what is denied ("Reports that the pier will close are false"). */
const ACCOUNT_NOUNS: ReadonlySet<string> = new Set(['report', 'reports', 'claim', 'claims', 'allegation', 'allegations', 'rumor', 'rumors', 'rumour', 'rumours', 'suggestion', 'suggestions', 'assertion', 'assertions', 'speculation', 'story', 'stories', 'accusation', 'accusations']);

const TRAILING = /^[\s.,;:!?"\u201d\u2019)]*$/;
const SPACE = /\s/;

export function applyContentModifiers(ctx: ClaimContext, span: Span, stance: Stance): Modified {
  if (stance !== 'stated') return { span, stance };
  const { tokens, forms, text } = ctx;
  for (let k = firstTokenFrom(ctx, span.start); k < tokens.length && tokens[k]!.start < span.end; k++) {
    const hit = CONTENT_MODIFIERS.matchAt(forms, k);
    if (!hit) continue;
    const last = tokens[k + hit.words.length - 1];
    if (!last || last.end > span.end) continue;
    if (hit.value === 'questioned') {
      // the doubted proposition is what follows the hedge
      let from = k + hit.words.length;
      if (forms[from] === 'that') from++;
      const next = tokens[from];
      if (!next || next.start >= span.end) continue;
      return { span: { start: next.start, end: span.end }, stance: 'questioned' };
    }
    // "P is false": the denied proposition is P; "Reports that P are false": P, not the reports
    if (TRAILING.test(text.slice(last.end, span.end)) && tokens[k]!.start > span.start) {
      let end = tokens[k]!.start;
      while (end > span.start && SPACE.test(text[end - 1]!)) end--;
      let start = span.start;
      const head = firstTokenFrom(ctx, span.start);
      const skip = forms[head] === 'the' ? 1 : 0;
      if (ACCOUNT_NOUNS.has(forms[head + skip] ?? '') && forms[head + skip + 1] === 'that' && tokens[head + skip + 2] && tokens[head + skip + 2]!.start < end) start = tokens[head + skip + 2]!.start;
      return { span: { start, end }, stance: 'denied' };
    }
    if (hit.words.includes('nothing')) return { span, stance: 'denied' };
  }
  return { span, stance };
}
