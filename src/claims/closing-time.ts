/**
 * claimgraph claims: the date that closes a proposition without a verb. "The union condemned the cuts on
 * Tuesday", "called the plan reckless last week": the time phrase dates the cue, not what the cue is about, so it
 * is no part of the claim. A proposition with a verb keeps its time ("said the plant would reopen on Tuesday").
 */
import type { Span } from '../types';
import { firstTokenFrom, type ClaimContext } from './context';
import { TIME_WORDS } from './lexicon';
import { hasVerb, type TokenRange } from './phrases';

/** the words that open a time phrase before its time word: "on Tuesday", "last week" */
export const TIME_LEADS = /^(on|this|last|next|early|late|in|at)$/;

/** The range without a time phrase at its end, when it has no verb; the range itself otherwise. */
export function withoutClosingTime<R extends TokenRange>(ctx: ClaimContext, r: R): R {
  const { tokens, forms } = ctx;
  let end = r.end;
  while (end > r.first && tokens[end - 1]!.pos === 'PUNCT') end--;
  if (end - r.first < 3 || !TIME_WORDS.has(forms[end - 1]!) || hasVerb(tokens, r)) return r;
  let cut = end - 1;
  while (cut > r.first + 1 && TIME_LEADS.test(forms[cut - 1]!)) cut--;
  return { ...r, end: cut };
}

/** A claim's span without the date that closes it, as withoutClosingTime. */
export function undatedSpan(ctx: ClaimContext, span: Span): Span {
  const first = firstTokenFrom(ctx, span.start);
  let end = first;
  while (end < ctx.tokens.length && ctx.tokens[end]!.end <= span.end) end++;
  const cut = withoutClosingTime(ctx, { first, end });
  return cut.end === end ? span : { start: span.start, end: ctx.tokens[cut.end - 1]!.end };
}
