/**
 * claimgraph claims: helpers for the claim stage's tests. Runs a text through the nlp stage and the claim stage
 * and renders each stance as one readable line ("speaker stance <cue> claim text").
 */
import { analyze } from '../nlp/analyze';
import type { ClaimRecord, EntityRecord, Span } from '../types';
import { extractClaims } from './index';

export interface ClaimRun {
  text: string;
  claims: ClaimRecord[];
  entities: EntityRecord[];
  /** "label stance <cue> text", one per speaker of each claim */
  lines: string[];
  /** "label <cue> text", one per reporter of each claim */
  reports: string[];
}

export function runClaims(text: string, entities: EntityRecord[] = []): ClaimRun {
  const analyzed = analyze({ id: 't', title: '', text });
  const out = extractClaims(analyzed, entities);
  const byId = new Map(out.entities.map((e) => [e.id, e]));
  const slice = (s: Span) => text.slice(s.start, s.end);
  const label = (id: string) => byId.get(id)?.label ?? `?${id}`;
  return {
    text,
    claims: out.claims,
    entities: out.entities,
    lines: out.claims.flatMap((c) => c.speakers.map((s) => `${label(s.entityId)} ${s.stance} <${slice(s.cue)}> ${c.text}`)),
    reports: out.claims.flatMap((c) => c.reporters.map((r) => `${label(r.entityId)} <${slice(r.cue)}> ${c.text}`)),
  };
}

/** An entity as the entity stage would give it: every occurrence of each name in the text is a mention. */
export function entityOf(text: string, id: string, kind: EntityRecord['kind'], label: string, names: string[] = [label]): EntityRecord {
  const mentions = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) mentions.push({ start: at, end: at + name.length, text: name });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id, kind, label, aliases: names.filter((n) => n !== label), mentions };
}
