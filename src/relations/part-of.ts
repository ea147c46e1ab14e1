/**
 * claimgraph relations: `part_of`: a named component and its whole ("the Harmony module of the Russian segment
 * of the station", "X, a division of Y") and `located_in` for "based/headquartered in".
 */
import type { EntityKind } from '../types';
import { LOWER_START, firstAfter, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import type { Occurrence } from './mentions';

const WHOLES: ReadonlySet<EntityKind> = new Set<EntityKind>(['spacecraft', 'agency', 'organization']);

/** The whole after "of": skips articles, adjectives, demonyms and common nouns, and further "of"s. */
function wholeAfterOf(ctx: PatternContext, of: number, part: Occurrence): Occurrence | undefined {
  const { tokens } = ctx.analyzed;
  for (let k = of + 1; k < tokens.length && k <= of + 8; k++) {
    const oi = ctx.mentions.at[k];
    if (oi !== undefined && oi >= 0) {
      const o = ctx.mentions.occurrences[oi]!;
      return WHOLES.has(o.kind) && o.entity !== part.entity ? o : undefined;
    }
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.sentence !== tokens[of]!.sentence) return undefined;
  }
  return undefined;
}

/** Looks for the patterns that start at occurrence index oi. */
export function partOfAt(ctx: PatternContext, oi: number): void {
  const lex = relationLexicon();
  const { tokens } = ctx.analyzed;
  const part = ctx.mentions.occurrences[oi]!;
  let k = part.end;
  // "Harmony module of ...": the name is followed by its component noun
  if (tokens[k] && LOWER_START.test(tokens[k]!.text) && lex.componentNouns.has(tokens[k]!.normal) && tokens[k + 1]?.normal === 'of') {
    const whole = wholeAfterOf(ctx, k + 1, part);
    if (whole && part.kind !== 'person' && part.kind !== 'event') ctx.emit('part_of', part.entity, whole.entity, part.start, whole.end);
    return;
  }
  // "X, a division of Y" / "X, part of Y"
  if (tokens[k]?.normal === ',') {
    k++;
    if (tokens[k]?.pos === 'DET') k++;
    while (tokens[k]?.pos === 'ADJ') k++;
    if (tokens[k] && lex.componentNouns.has(tokens[k]!.normal) && tokens[k + 1]?.normal === 'of' && part.kind !== 'person') {
      const whole = wholeAfterOf(ctx, k + 1, part);
      if (whole) ctx.emit('part_of', part.entity, whole.entity, part.start, whole.end);
      return;
    }
    k = part.end;
  }
  // "X, based in Y", "X headquartered in Y"
  if (tokens[k]?.normal === ',') k++;
  if (tokens[k] && lex.locatedVerbs.has(tokens[k]!.normal) && tokens[k + 1]?.normal === 'in') {
    const place = firstAfter(ctx, k + 1, (o) => o.kind === 'place', 3, true);
    if (place && place.entity !== part.entity) ctx.emit('located_in', part.entity, place.entity, part.start, place.end);
  }
}
