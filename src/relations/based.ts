/**
 * claimgraph relations: `located_in` from a place-based modifier: "the Chennai-based company Zentrix Systems",
 * "Chennai-based Zentrix", "Zentrix Systems, a Chennai-based company,".
 */
import { EMPLOYERS, LOWER_START, occurrenceAt, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import type { Occurrence } from './mentions';

/** Lower-case nouns between "-based" and the name ("the Chennai-based software company Zentrix"). */
const NOUN_REACH = 3;

/** The token after "-based" when it follows the place's occurrence without a space ("Chennai-based"). */
function basedEnd(ctx: PatternContext, place: Occurrence): number | undefined {
  const { tokens } = ctx.analyzed;
  const dash = tokens[place.end];
  const based = tokens[place.end + 1];
  if (!dash || !based || dash.text !== '-' || dash.start !== tokens[place.end - 1]!.end || based.start !== dash.end) return undefined;
  return relationLexicon().locatedVerbs.has(based.normal) ? place.end + 2 : undefined;
}

/** Looks for the pattern at the place's occurrence oi. */
export function basedAt(ctx: PatternContext, oi: number): void {
  const { tokens } = ctx.analyzed;
  const place = ctx.mentions.occurrences[oi]!;
  if (place.kind !== 'place') return;
  const end = basedEnd(ctx, place);
  if (end === undefined) return;
  let k = end;
  while (k < end + NOUN_REACH && tokens[k] && LOWER_START.test(tokens[k]!.text) && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) k++;
  // "the Chennai-based company Zentrix Systems"
  const named = occurrenceAt(ctx, k);
  if (named) {
    if (EMPLOYERS.has(named.kind)) ctx.emit('located_in', named.entity, place.entity, place.start, named.end);
    return;
  }
  // "Zentrix Systems, a Chennai-based company,": the name before, the common noun after
  if (k === end) return;
  let b = place.start - 1;
  if (tokens[b]?.pos === 'DET') b--;
  if (tokens[b]?.text !== ',') return;
  const oj = ctx.mentions.at[b - 1];
  const before = oj !== undefined && oj >= 0 ? ctx.mentions.occurrences[oj] : undefined;
  if (before && before.end === b && EMPLOYERS.has(before.kind)) ctx.emit('located_in', before.entity, place.entity, before.start, k);
}
