/**
 * claimgraph relations: `meets` (symmetric): the names that meet ("A and B met", "A met with B", "the agency
 * and B plan to meet", "a meeting between A and B").
 */
import { AGENTS, firstAfter, subjectsBefore, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import type { Occurrence } from './mentions';

const HOLD = new Set(['hold', 'holds', 'held', 'holding', 'have', 'has', 'had', 'having', 'host', 'hosted', 'hosts', 'hosting', 'attend', 'attended']);

/** Looks for the pattern at token i. */
export function meetsAt(ctx: PatternContext, i: number): void {
  const lex = relationLexicon();
  const { tokens } = ctx.analyzed;
  const t = tokens[i]!;
  if (!lex.meetWords.has(t.normal)) return;
  const people: Occurrence[] = [];
  const next = tokens[i + 1];
  if (t.pos === 'NOUN' || t.normal === 'talks') {
    // "A and B held talks", "A will hold a meeting with B"
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const w = tokens[k]!;
      if (HOLD.has(w.normal)) {
        people.push(...subjectsBefore(ctx, k, AGENTS, 10));
        break;
      }
      if (w.pos !== 'DET' && w.pos !== 'ADJ' && w.pos !== 'NUM' && w.pos !== 'PRON') break;
    }
    // "a meeting between A and B", "talks with B"
    if (next && (next.normal === 'between' || next.normal === 'with')) {
      for (let k = i + 2; k < tokens.length && k <= i + 10 && tokens[k]!.sentence === t.sentence; k++) {
        const oi = ctx.mentions.at[k];
        if (oi !== undefined && oi >= 0) {
          const o = ctx.mentions.occurrences[oi]!;
          if (AGENTS.has(o.kind)) people.push(o);
          k = o.end - 1;
        } else if (tokens[k]!.normal !== 'and' && tokens[k]!.normal !== ',' && tokens[k]!.pos !== 'DET') break;
      }
      if (next.normal === 'with' && !people.length) people.push(...subjectsBefore(ctx, i, AGENTS, 8));
    }
  } else {
    people.push(...subjectsBefore(ctx, i, AGENTS));
    // "met with B", "met B"
    const object = firstAfter(ctx, i, (o) => AGENTS.has(o.kind), 3, true);
    if (object) people.push(object);
  }
  const unique = [...new Map(people.map((o) => [o.entity, o])).values()];
  for (let a = 0; a < unique.length; a++) {
    for (let b = a + 1; b < unique.length; b++) {
      const x = unique[a]!;
      const y = unique[b]!;
      const [s, e] = x.start < y.start ? [x, y] : [y, x];
      ctx.emit('meets', x.entity < y.entity ? x.entity : y.entity, x.entity < y.entity ? y.entity : x.entity, Math.min(s.start, i), Math.max(e.end, i + 1));
    }
  }
}
