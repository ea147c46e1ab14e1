/**
 * claimgraph relations: what every pattern needs: the tokens, the mention index, and the walk back from a cue
 * to the names that are its subject ("the Harbour Authority, with ... Interpol, are investigating").
 */
import type { AnalyzedDocument, EntityKind, RelationKind, RelationRecord } from '../types';
import type { MentionIndex, Occurrence } from './mentions';
import { relationLexicon } from './lexicon';

export interface PatternContext {
  analyzed: AnalyzedDocument;
  mentions: MentionIndex;
  /** the document's incident, if the entity stage found one */
  eventId?: string;
  emit: (kind: RelationKind, source: string, target: string, fromToken: number, toToken: number) => void;
}

/** Words that end a subject: a new clause starts before them. */
const CLAUSE_BREAKS = new Set(['said', 'says', 'that', 'which', 'who', 'whom', 'when', 'while', 'because', 'after', 'before', 'if', 'but', 'although', 'though', 'since', 'where', ';', ':', '"', '“', '”', 'according']);

export const AGENTS: ReadonlySet<EntityKind> = new Set<EntityKind>(['agency', 'organization', 'person', 'media']);

/** The kinds that can employ or be led by a person (a place is governed, not led, in this graph). */
export const EMPLOYERS: ReadonlySet<EntityKind> = new Set<EntityKind>(['agency', 'organization', 'media']);

export const POSSESSIVE = /^['’]s?$/;

/** A word written in lower case: a common word, not part of a name. */
export const LOWER_START = /^\p{Ll}/u;

/** The named occurrence that starts at token k, if any. */
export function occurrenceAt(ctx: PatternContext, k: number): Occurrence | undefined {
  const oi = ctx.mentions.at[k];
  const o = oi !== undefined && oi >= 0 ? ctx.mentions.occurrences[oi] : undefined;
  return o && o.start === k ? o : undefined;
}

/**
 * The names before token `cue`, within `reach` tokens and the same clause, whose kind is in `kinds`. The walk
 * crosses only auxiliaries and the verbs that lead to another ("plan to", "convened a commission to").
 */
export function subjectsBefore(ctx: PatternContext, cue: number, kinds: ReadonlySet<EntityKind>, reach = 14): Occurrence[] {
  const { tokens } = ctx.analyzed;
  const lex = relationLexicon();
  const sentence = tokens[cue]!.sentence;
  const found: Occurrence[] = [];
  const seen = new Set<string>();
  for (let k = cue - 1; k >= 0 && k >= cue - reach; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) break;
    const oi = ctx.mentions.at[k];
    if (oi !== undefined && oi >= 0) {
      const o = ctx.mentions.occurrences[oi]!;
      if (kinds.has(o.kind) && !seen.has(o.entity)) {
        seen.add(o.entity);
        found.push(o);
      }
      k = o.start;
      continue;
    }
    if (CLAUSE_BREAKS.has(t.normal)) break;
    if (t.pos === 'VERB' && !lex.bridgeVerbs.has(t.normal)) break;
  }
  return found.reverse();
}

/** The first name after token `from` (exclusive) within `reach` tokens of the same sentence whose kind fits. */
export function firstAfter(ctx: PatternContext, from: number, fits: (o: Occurrence) => boolean, reach: number, stopAtPunct = false): Occurrence | undefined {
  const { tokens } = ctx.analyzed;
  const sentence = tokens[from]!.sentence;
  for (let k = from + 1; k < tokens.length && k <= from + reach; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) break;
    const oi = ctx.mentions.at[k];
    if (oi !== undefined && oi >= 0) {
      const o = ctx.mentions.occurrences[oi]!;
      if (fits(o)) return o;
      k = o.end - 1;
      continue;
    }
    if (stopAtPunct && t.pos === 'PUNCT') break;
  }
  return undefined;
}

export function record(kind: RelationKind, source: string, target: string, start: number, end: number): RelationRecord {
  return { kind, source, target, evidence: { start, end } };
}
