/**
 * claimgraph claims: what a claim edge says about itself. How sure the attribution model is of the frame's
 * cue and content (the mean probability it gives their tokens those roles), and whether the proposition is a
 * direct quotation, a partial one or a paraphrase.
 */
import type { Span } from '../types';
import type { ClaimContext } from './context';
import { firstTokenFrom } from './context';
import { beginTag, TAG_COUNT, type Role } from './model/labels';
import type { TaggedDocument } from './model';

export type Quoting = 'direct' | 'partial' | 'paraphrase';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Direct when every word of the span lies inside quotation marks, partial when some do, else a paraphrase. */
export function quotingOf(ctx: ClaimContext, span: Span): Quoting {
  let words = 0;
  let quoted = 0;
  for (let k = firstTokenFrom(ctx, span.start); k < ctx.tokens.length && ctx.tokens[k]!.start < span.end; k++) {
    if (!LETTER_OR_DIGIT.test(ctx.tokens[k]!.text)) continue;
    words++;
    if (ctx.quoteOf[k]! >= 0) quoted++;
  }
  return quoted === 0 ? 'paraphrase' : quoted === words ? 'direct' : 'partial';
}

/** The mean probability the model gives the word tokens of a span the role (B or I), or undefined with no words. */
function roleProbability(ctx: ClaimContext, tagged: TaggedDocument, span: Span, role: Role): number | undefined {
  const b = beginTag(role);
  let sum = 0;
  let count = 0;
  for (let k = firstTokenFrom(ctx, span.start); k < ctx.tokens.length && ctx.tokens[k]!.start < span.end; k++) {
    const at = tagged.positionOf[k]!;
    if (at < 0 || !LETTER_OR_DIGIT.test(ctx.tokens[k]!.text)) continue;
    sum += tagged.probabilities[at * TAG_COUNT + b]! + tagged.probabilities[at * TAG_COUNT + b + 1]!;
    count++;
  }
  return count ? sum / count : undefined;
}

/**
 * The model's confidence in a frame: the lower of its cue's and its content's role probabilities (a cue of
 * punctuation alone, a colon or a dash, counts by its content), rounded so that output stays byte-stable.
 */
export function frameConfidence(ctx: ClaimContext, tagged: TaggedDocument, cue: Span, content: Span): number {
  const c = roleProbability(ctx, tagged, content, 'content') ?? 0;
  const q = roleProbability(ctx, tagged, cue, 'cue');
  const p = Math.min(c, q ?? c);
  return Math.round(Math.min(1, Math.max(0, p)) * 1000) / 1000;
}
