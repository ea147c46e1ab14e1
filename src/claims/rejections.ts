/**
 * claimgraph claims: denials that point back. "X said P. Y rejected that account." Y's object is no proposition
 * of its own: it names X's claim, so Y denies P. A denying or doubting frame whose proposition is such a pointer
 * (a determiner or possessive, adjectives, a noun of cues.json's pointerNouns, then at most a time phrase or an
 * "as" phrase: "dismissed the allegations as baseless") takes the nearest claim before it, said by someone else
 * within a few sentences, as what it denies.
 */
import type { ClaimRecord, Span } from '../types';
import { firstTokenFrom, type ClaimContext } from './context';
import type { Frame } from './frames';
import { POINTER_NOUNS, TIME_WORDS } from './lexicon';

/** How many sentence units back a pointer reaches for the claim it names. */
const POINTER_REACH = 3;

const POINTING_DETERMINERS: ReadonlySet<string> = new Set(['the', 'that', 'this', 'these', 'those', 'such', 'his', 'her', 'its', 'their']);

/** The words "that account" of a frame whose proposition is only such a pointer; undefined otherwise. */
export function pointerOf(ctx: ClaimContext, f: Frame): Span | undefined {
  if (f.stance !== 'denied' && f.stance !== 'questioned') return undefined;
  const first = firstTokenFrom(ctx, f.content.start);
  const end = firstTokenFrom(ctx, f.content.end - 1) + 1;
  const noun = pointerNounAt(ctx, first, end);
  if (noun === undefined || !restIsFrameOnly(ctx, noun + 1, end)) return undefined;
  return { start: ctx.tokens[first]!.start, end: ctx.tokens[noun]!.end };
}

/** The token index of the pointer noun of tokens [first, end) that open with a pointer, else undefined. */
export function pointerNounAt(ctx: ClaimContext, first: number, end: number): number | undefined {
  const { tokens, forms } = ctx;
  if (!POINTING_DETERMINERS.has(forms[first]!)) return undefined;
  let k = first + 1;
  while (k < end && tokens[k]!.pos === 'ADJ') k++;
  return k < end && POINTER_NOUNS.has(forms[k]!) ? k : undefined;
}

/** After the pointer: nothing, punctuation, a time phrase ("on Tuesday") or an "as" phrase ("as baseless"). */
function restIsFrameOnly(ctx: ClaimContext, from: number, end: number): boolean {
  const { tokens, forms } = ctx;
  let k = from;
  while (k < end && (tokens[k]!.pos === 'PUNCT' || tokens[k]!.pos === 'SPACE')) k++;
  if (k >= end || forms[k] === 'as') return true;
  if (forms[k] === 'on' || forms[k] === 'last' || forms[k] === 'this') k++;
  return k < end && TIME_WORDS.has(forms[k]!) && end - k <= 2;
}

/**
 * The claim a pointer names: the last one that ends before the denying frame, in its sentence unit or up to
 * POINTER_REACH units before, that none of the denying speakers made themselves.
 */
export function pointedClaim(ctx: ClaimContext, claims: Iterable<ClaimRecord>, f: Frame, speakerIds: ReadonlySet<string>): ClaimRecord | undefined {
  let best: ClaimRecord | undefined;
  for (const c of claims) {
    if (c.span.end > f.frame.start || c.span.end > f.content.start) continue;
    if (f.unit - ctx.unitOf[firstTokenFrom(ctx, c.span.start)]! > POINTER_REACH) continue;
    if (!c.speakers.length || c.speakers.every((s) => speakerIds.has(s.entityId))) continue;
    if (!best || c.span.end > best.span.end) best = c;
  }
  return best;
}
