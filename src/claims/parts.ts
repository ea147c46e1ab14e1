/**
 * claimgraph claims: a claim in parts. A quotation split around its frame (“P,” X said. “Q.”) is one claim of
 * two parts: its text is the parts' words joined by PART_SEPARATOR, its span covers them all (the frame
 * between them included), and `parts` says where each part stands. These map between the claim's text and the
 * document, so that every reader of a claim's offsets treats a claim of one part and of several alike.
 */
import type { ClaimRecord, Span } from '../types';

/** Between the parts of a claim's text: an ellipsis, as a quotation with words left out is written. */
export const PART_SEPARATOR = ' … ';

/** The spans of the document that the claim's words come from: its parts, or its span. */
export const claimParts = (claim: Pick<ClaimRecord, 'span' | 'parts'>): readonly Span[] => claim.parts ?? [claim.span];

/** The claim's text of these parts of `text`. */
export const textOfParts = (text: string, parts: readonly Span[]): string => parts.map((p) => text.slice(p.start, p.end)).join(PART_SEPARATOR);

/** The document offset of the claim text's character `i`, or -1 for a character of a separator. */
export function documentOffset(claim: Pick<ClaimRecord, 'span' | 'parts'>, i: number): number {
  let at = 0;
  for (const part of claimParts(claim)) {
    const length = part.end - part.start;
    if (i < at + length) return i >= at ? part.start + (i - at) : -1;
    at += length + PART_SEPARATOR.length;
  }
  return -1;
}

/** Whether [start, end) of the document lies inside one of the claim's parts. */
export const insideClaim = (claim: Pick<ClaimRecord, 'span' | 'parts'>, start: number, end: number): boolean =>
  claimParts(claim).some((p) => p.start <= start && end <= p.end);
