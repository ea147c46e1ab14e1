/**
 * claimgraph relations: `launches`: a craft that launched from a site ("the Apollo 13 spacecraft launched
 * from the Kourou spaceport"), or an agency or company that launched a craft ("SpaceX launched the satellite").
 */
import { firstAfter, subjectsBefore, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import type { EntityKind } from '../types';

const LAUNCHERS: ReadonlySet<EntityKind> = new Set<EntityKind>(['agency', 'organization']);
const CRAFT_REACH = 30;

/** Looks for the pattern at token i. */
export function launchesAt(ctx: PatternContext, i: number): void {
  const lex = relationLexicon();
  const { tokens } = ctx.analyzed;
  const t = tokens[i]!;
  if (!lex.launchWords.has(t.normal)) return;
  if (tokens[i + 1]?.normal === 'from') {
    const site = firstAfter(ctx, i + 1, (o) => o.kind === 'place', 3, true);
    if (site) {
      // the craft is the nearest one named before, in the same sentence
      for (let k = i - 1; k >= 0 && k >= i - CRAFT_REACH && tokens[k]!.sentence === t.sentence; k--) {
        const oi = ctx.mentions.at[k];
        if (oi === undefined || oi < 0) continue;
        const o = ctx.mentions.occurrences[oi]!;
        if (o.kind === 'spacecraft') {
          ctx.emit('launches', o.entity, site.entity, o.start, site.end);
          return;
        }
        k = o.start;
      }
      return;
    }
  }
  if (t.pos === 'NOUN') return;
  const craft = firstAfter(ctx, i, (o) => o.kind === 'spacecraft', 6, true);
  if (!craft) return;
  for (const agent of subjectsBefore(ctx, i, LAUNCHERS, 10)) ctx.emit('launches', agent.entity, craft.entity, agent.start, craft.end);
}
