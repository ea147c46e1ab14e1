/**
 * claimgraph relations: `investigates`: an agent before an investigating verb ("are both investigating",
 * "continue to evaluate") or a light verb and its noun ("conduct further analysis"), and the incident after it.
 */
import { AGENTS, firstAfter, subjectsBefore, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import { lexicon } from '../entities/lexicon';

/** How far after the cue the incident may stand ("investigating the cause of the hole"). */
const TARGET_REACH = 12;

/** Looks for the pattern at token i. */
export function investigatesAt(ctx: PatternContext, i: number): void {
  const lex = relationLexicon();
  const { tokens } = ctx.analyzed;
  const t = tokens[i]!;
  let agentCue = -1;
  // the tagger reads some verbs as nouns ("are both investigating"): only a word that can be a noun goes the noun way
  const noun = (lex.investigateNouns.has(t.normal) || lex.investigateNouns.has(t.lemma)) && t.pos === 'NOUN';
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
  if (agentCue < 0 && noun) {
    openingPhrase(ctx, i);
    return;
  }
  if (agentCue < 0) return;
  const target = firstAfter(ctx, i, (o) => o.kind === 'event', TARGET_REACH) ?? incidentOfStory(ctx, i);
  if (!target) return;
  for (const agent of subjectsBefore(ctx, agentCue, AGENTS)) {
    ctx.emit('investigates', agent.entity, target.entity, agent.start, target.end);
  }
}

/**
 * "investigating the hacks" in a story whose one incident the entity stage named "attack": an incident noun
 * right after the cue names the story's event, when the story has one.
 */
function incidentOfStory(ctx: PatternContext, cue: number): { entity: string; end: number } | undefined {
  if (!ctx.eventId) return undefined;
  const { tokens } = ctx.analyzed;
  const incidents = lexicon().incidentNouns;
  for (let k = cue + 1; k < tokens.length && k <= cue + 3; k++) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN' && (incidents.has(t.normal) || incidents.has(t.lemma))) return { entity: ctx.eventId, end: k + 1 };
    if (t.pos !== 'DET' && t.pos !== 'ADJ') return undefined;
  }
  return undefined;
}

/**
 * "After a morning of investigations, the crew reported that the leak ...": an investigating noun in the phrase
 * that opens the sentence has the sentence's subject as its agent.
 */
function openingPhrase(ctx: PatternContext, i: number): void {
  const { tokens } = ctx.analyzed;
  const sentence = tokens[i]!.sentence;
  let first = ctx.analyzed.sentences[sentence]!.firstToken;
  // a paragraph's sentence may open with the line break itself, or a quote
  while (first < i && (tokens[first]!.pos === 'SPACE' || tokens[first]!.pos === 'PUNCT')) first++;
  if (tokens[first]?.pos !== 'ADP' || i - first > 8) return;
  for (let k = first; k < i; k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return;
  let comma = i + 1;
  while (comma < tokens.length && comma <= i + 4 && tokens[comma]!.text !== ',') comma++;
  if (tokens[comma]?.text !== ',') return;
  const agent = firstAfter(ctx, comma, (o) => AGENTS.has(o.kind), 3, true);
  if (!agent) return;
  const target = firstAfter(ctx, agent.end - 1, (o) => o.kind === 'event', TARGET_REACH);
  if (target) ctx.emit('investigates', agent.entity, target.entity, first, target.end);
}
