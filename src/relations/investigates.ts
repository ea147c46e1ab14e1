/**
 * claimgraph relations: `investigates`: an agent before an investigating verb ("are both investigating",
 * "continue to evaluate") or a light verb and its noun ("conduct further analysis"), and the incident after it.
 */
import { AGENTS, firstAfter, subjectsBefore, type PatternContext } from './context';
import { relationLexicon } from './lexicon';

/** How far after the cue the incident may stand ("investigating the cause of the hole"). */
const TARGET_REACH = 12;

/** Looks for the pattern at token i. */
export function investigatesAt(ctx: PatternContext, i: number): void {
  const lex = relationLexicon();
  const { tokens } = ctx.analyzed;
  const t = tokens[i]!;
  let agentCue = -1;
  // the tagger reads some verbs as nouns ("are both investigating"): only a word that can be a noun goes the noun way
  const noun = lex.investigateNouns.has(t.normal) && t.pos === 'NOUN';
  if (lex.investigateVerbs.has(t.normal) && !noun) agentCue = i;
  else if (noun) {
    // a noun needs a verb that gives it an agent: "conduct further analysis", "launched an investigation"
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const w = tokens[k]!;
      if (lex.lightVerbs.has(w.normal)) {
        agentCue = k;
        break;
      }
      if (w.pos !== 'DET' && w.pos !== 'ADJ' && w.pos !== 'ADV' && w.pos !== 'NUM') break;
    }
  }
  if (agentCue < 0) return;
  const target = firstAfter(ctx, i, (o) => o.kind === 'event', TARGET_REACH);
  if (!target) return;
  for (const agent of subjectsBefore(ctx, agentCue, AGENTS)) {
    ctx.emit('investigates', agent.entity, target.entity, agent.start, target.end);
  }
}
