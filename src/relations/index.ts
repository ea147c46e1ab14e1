/**
 * claimgraph relations: the relations between entities that the text states (investigates, meets, launches,
 * employs, leads, part_of, located_in), each with the span of the words that state it. One pass over the tokens.
 */
import type { AnalyzedDocument, EntityRecord, RelationKind, RelationRecord } from '../types';
import { analyzeEntities } from '../entities';
import { indexMentions } from './mentions';
import { EMPLOYERS, record, type PatternContext } from './context';
import { investigatesAt } from './investigates';
import { meetsAt } from './meets';
import { launchesAt } from './launches';
import { partOfAt } from './part-of';
import { roleAppositionAt, roleBeforeNameAt } from './roles';
import { worksForAt } from './works-for';
import { basedAt } from './based';
import { relationLexicon } from './lexicon';

/** Finds the relations between entities that the text states. */
export function extractRelations(analyzed: AnalyzedDocument, entities: EntityRecord[]): RelationRecord[] {
  const mentions = indexMentions(analyzed, entities);
  const known = new Set(entities.map((e) => e.id));
  const out: RelationRecord[] = [];
  // a title the entity stage linked and the same words read by a pattern here state one relation, not two
  const cited = new Map<string, RelationRecord['evidence'][]>();
  const push = (r: RelationRecord) => {
    if (r.source === r.target) return;
    const key = `${r.kind}|${r.source}|${r.target}`;
    const spans = cited.get(key) ?? [];
    if (spans.some((s) => s.start < r.evidence.end && r.evidence.start < s.end)) return;
    spans.push(r.evidence);
    cited.set(key, spans);
    out.push(r);
  };
  const { tokens } = analyzed;
  const analysis = analyzeEntities(analyzed);

  // Titles and roles the names state ("Acme Director Ana Silva", "an Acme spokesperson").
  for (const link of analysis.roleLinks) {
    if (!known.has(link.person) || !known.has(link.organization)) continue;
    if (mentions.kindOf.get(link.person) !== 'person' || !EMPLOYERS.has(mentions.kindOf.get(link.organization)!)) continue;
    // "Acme engineers" names a group loosely, not a staff the text reports on
    if (link.plural) continue;
    push(link.kind === 'leads' ? record('leads', link.person, link.organization, link.evidence.start, link.evidence.end) : record('employs', link.organization, link.person, link.evidence.start, link.evidence.end));
  }

  const ctx: PatternContext = {
    analyzed,
    mentions,
    ...(analysis.eventId && known.has(analysis.eventId) ? { eventId: analysis.eventId } : {}),
    emit: (kind: RelationKind, source: string, target: string, fromToken: number, toToken: number) => {
      const a = tokens[Math.min(fromToken, toToken - 1)];
      const b = tokens[Math.max(toToken - 1, fromToken)];
      if (a && b) push(record(kind, source, target, a.start, b.end));
    },
  };
  const cues = relationLexicon().cueWords;
  for (let i = 0; i < tokens.length; i++) {
    // most tokens are no cue: one lookup rules them out (a second only when the lemma differs)
    const t = tokens[i]!;
    if (!cues.has(t.normal) && (t.lemma === t.normal || !cues.has(t.lemma))) continue;
    investigatesAt(ctx, i);
    meetsAt(ctx, i);
    launchesAt(ctx, i);
  }
  for (let oi = 0; oi < mentions.occurrences.length; oi++) {
    partOfAt(ctx, oi);
    roleAppositionAt(ctx, oi);
    roleBeforeNameAt(ctx, oi);
    worksForAt(ctx, oi);
    basedAt(ctx, oi);
  }

  return out.sort((x, y) => x.evidence.start - y.evidence.start || x.evidence.end - y.evidence.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) || (x.source < y.source ? -1 : x.source > y.source ? 1 : 0) || (x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
}
