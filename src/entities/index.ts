/**
 * claimgraph entities: finds the entities a document names (people, agencies, organizations, outlets,
 * spacecraft, places, the incident) with every mention, alias and the person-organization links they state.
 */
import type { AnalyzedDocument, EntityRecord, Mention, Span } from '../types';
import { tokenFeatures } from './features';
import { findRuns } from './runs';
import { refineRuns } from './refine';
import { readContext } from './context';
import { mergeSpans, nameKey } from './merge';
import { findEvent } from './events';
import { findNationalMedia } from './outlets';
import { resolveReferences } from './coref';
import { tokenMention, type Draft } from './draft';
import { lexicon } from './lexicon';
import type { NameSpan } from './spans';

/** A person-organization link that a name states ("Acme Director Ana Silva", "an Acme spokesperson"). */
export interface RoleLink {
  kind: 'employs' | 'leads';
  person: string;
  organization: string;
  evidence: Span;
  /** the person is a plural role ("Acme officials") */
  plural?: boolean;
}

export interface EntityAnalysis {
  entities: EntityRecord[];
  roleLinks: RoleLink[];
  /** the id of the story's incident, if it has one */
  eventId?: string;
}

const PRONOUN = /^(he|she|it|they|him|her|them|his|its|their)$/i;
const POSSESSIVE_ENDING = /['’]s?$/;
const SPACE_RUN = /\s+/;
const SPACE_RUNS = /\s+/g;
const PLURAL_ENDING = /[^s]s$/;
const cache = new WeakMap<AnalyzedDocument, EntityAnalysis>();

function markCovered(covered: Uint8Array, start: number, end: number): void {
  covered.fill(1, start, end);
}

/** Runs the entity stage once per analysed document; the relation stage reads the same result. */
export function analyzeEntities(analyzed: AnalyzedDocument): EntityAnalysis {
  const cached = cache.get(analyzed);
  if (cached) return cached;
  const { tokens } = analyzed;
  const features = tokenFeatures(analyzed);
  const { spans, titleRefs } = refineRuns(analyzed, findRuns(tokens, features, analyzed.doc.text), features);
  const { roles, collectives } = readContext(analyzed, spans);
  const clusters = mergeSpans(spans);
  const covered = new Uint8Array(tokens.length);

  // Named entities.
  const drafts: Draft[] = [];
  const draftOfSpan = new Map<number, number>();
  for (const c of clusters) {
    if (onlyModifies(analyzed, spans, c.spans) || bareHead(analyzed, spans, c.spans)) continue;
    const di = drafts.length;
    const hasOwn = c.spans.some((i) => !spans[i]!.modifier);
    const mentions: Mention[] = [];
    for (const i of c.spans) {
      const s = spans[i]!;
      draftOfSpan.set(i, di);
      markCovered(covered, s.mentionStart, s.mentionEnd);
      if (s.modifier && hasOwn) continue;
      mentions.push(tokenMention(analyzed, s.mentionStart, s.mentionEnd));
    }
    drafts.push({ kind: c.kind, label: c.label, mentions, titles: c.titles, heads: c.heads, group: c.spans.some((i) => spans[i]!.group) });
  }

  // Unnamed people described by organization and role ("an Acme spokesperson").
  const roleDraft = new Map<string, number>();
  const pendingLinks: { kind: RoleLink['kind']; person: number; organization: number; evidence: Span; plural?: boolean }[] = [];
  const nameEndingAt = new Map<number, number>();
  spans.forEach((s, i) => nameEndingAt.set(s.mentionEnd, i));
  const isPersonSpan = (i: number) => {
    const d = draftOfSpan.get(i);
    return d !== undefined && drafts[d]!.kind === 'person';
  };
  for (const r of roles) {
    const org = spans[r.orgSpan]!;
    const orgDraft = draftOfSpan.get(r.orgSpan);
    if (orgDraft === undefined || drafts[orgDraft]!.kind === 'place' || drafts[orgDraft]!.kind === 'person') continue;
    // "Tom Reed, a spokesman for Acme,": the role describes the named person, who is no unnamed one
    if (appositionOfName(analyzed, r.start, nameEndingAt, isPersonSpan)) continue;
    const label = `${org.text.replace(POSSESSIVE_ENDING, '')} ${r.role}`;
    const key = `${nameKey(label)}`;
    let di = roleDraft.get(key);
    if (di === undefined) {
      di = drafts.length;
      roleDraft.set(key, di);
      drafts.push({ kind: 'person', label, mentions: [], titles: new Set([r.role]), heads: new Set([r.role]), local: true, role: r.role });
    }
    const m = tokenMention(analyzed, r.start, r.end);
    drafts[di]!.mentions.push(m);
    markCovered(covered, r.start, r.end);
    const evidence = tokenMention(analyzed, Math.min(r.start, org.mentionStart), Math.max(r.end, org.mentionEnd));
    pendingLinks.push({ kind: 'employs', person: di, organization: orgDraft, evidence: { start: evidence.start, end: evidence.end }, plural: r.role.endsWith('s') });
  }

  // A politician's campaign or administration: one organization per surname and word.
  const collectiveDraft = new Map<string, number>();
  for (const c of collectives) {
    const person = draftOfSpan.get(c.personSpan);
    if (person === undefined || drafts[person]!.kind !== 'person') continue;
    const surname = drafts[person]!.label.split(SPACE_RUN).pop()!;
    const label = `${surname} ${c.word}`;
    let di = collectiveDraft.get(label);
    if (di === undefined) {
      di = drafts.length;
      collectiveDraft.set(label, di);
      drafts.push({ kind: c.word === 'campaign' ? 'organization' : 'agency', label, mentions: [], titles: new Set(), heads: new Set([c.word]) });
    }
    drafts[di]!.mentions.push(tokenMention(analyzed, c.start, c.end));
    markCovered(covered, c.start, c.end);
  }

  // Titles and memberships stated by the names themselves.
  spans.forEach((s, i) => {
    const person = draftOfSpan.get(i);
    if (person === undefined || s.dropped) return;
    if (s.orgSpan !== undefined && s.orgEvidence) {
      const org = draftOfSpan.get(s.orgSpan);
      if (org !== undefined) pendingLinks.push({ kind: s.leader ? 'leads' : 'employs', person, organization: org, evidence: span(analyzed, s.orgEvidence) });
    }
    if (s.memberOf !== undefined && s.memberEvidence) {
      const org = draftOfSpan.get(s.memberOf);
      const leads = s.leader && s.orgSpan === undefined;
      if (org !== undefined) pendingLinks.push({ kind: leads ? 'leads' : 'employs', person, organization: org, evidence: span(analyzed, s.memberEvidence) });
    }
  });

  drafts.push(...findNationalMedia(analyzed, features, covered));
  const event = findEvent(analyzed, features, covered);
  if (event) drafts.push(event);
  resolveReferences(analyzed, features, drafts, titleRefs, covered);

  // Records in order of first mention, with stable ids.
  const live = drafts
    .map((d, di) => ({ d, di, mentions: uniqueMentions(d.mentions) }))
    .filter((x) => x.mentions.length > 0)
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.di - b.di);
  const idOf = new Map<number, string>();
  const entities: EntityRecord[] = live.map(({ d, di, mentions }, k) => {
    const id = `e${k + 1}`;
    idOf.set(di, id);
    const aliases = [...new Set(mentions.map((m) => m.text.replace(SPACE_RUNS, ' ').trim()))].filter((a) => a && a !== d.label && !PRONOUN.test(a)).sort();
    return { id, kind: d.kind, label: d.label, aliases, mentions, ...(d.local ? { local: true } : {}) };
  });
  const roleLinks: RoleLink[] = [];
  const seenLinks = new Set<string>();
  for (const l of pendingLinks) {
    const person = idOf.get(l.person);
    const organization = idOf.get(l.organization);
    if (!person || !organization || person === organization) continue;
    const key = `${l.kind}|${person}|${organization}|${l.evidence.start}`;
    if (seenLinks.has(key)) continue;
    seenLinks.add(key);
    roleLinks.push({ kind: l.kind, person, organization, evidence: l.evidence, ...(l.plural ? { plural: true } : {}) });
  }
  const result: EntityAnalysis = { entities, roleLinks, ...(event && idOf.has(drafts.indexOf(event)) ? { eventId: idOf.get(drafts.indexOf(event))! } : {}) };
  cache.set(analyzed, result);
  return result;
}

/** Whether the role word at `at` stands in apposition after a person's name ("Tom Reed, a senior spokesman"). */
function appositionOfName(analyzed: AnalyzedDocument, at: number, nameEndingAt: ReadonlyMap<number, number>, isPerson: (span: number) => boolean): boolean {
  const { tokens } = analyzed;
  let k = at - 1;
  while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) k--;
  if (k < 1 || tokens[k]!.text !== ',') return false;
  const name = nameEndingAt.get(k);
  return name !== undefined && isPerson(name);
}

/**
 * An unknown name that only ever modifies a plural noun ("Mission Control centers") names a kind of thing, not
 * an entity the story is about. Names the gazetteer knows, and roles ("Boeing engineers"), are kept.
 */
function onlyModifies(analyzed: AnalyzedDocument, spans: NameSpan[], members: number[]): boolean {
  const lex = lexicon();
  for (const i of members) {
    const s = spans[i]!;
    if (s.gazetteer || s.title || s.group) return false;
    // a given name and a surname name a person, whatever follows ("Lisa Marsh reports for the Courier")
    if (s.end - s.start >= 2 && lex.firstNames.has(analyzed.tokens[s.start]!.text)) return false;
    const next = analyzed.tokens[s.mentionEnd];
    if (!next || next.pos !== 'NOUN' || next.text !== next.normal || !PLURAL_ENDING.test(next.normal)) return false;
    if (lex.unnamedRoles.has(next.normal) || lex.modifierHeads.has(next.normal) || lex.groupHeads.has(next.normal) || lex.orgMemberHeads.has(next.normal) || lex.titles.has(next.normal.slice(0, -1))) return false;
  }
  return members.length > 0;
}

/** A bare "Committee" or "Commission" that no full name in the text explains. */
function bareHead(analyzed: AnalyzedDocument, spans: NameSpan[], members: number[]): boolean {
  const lex = lexicon();
  return members.every((i) => {
    const s = spans[i]!;
    return !s.gazetteer && s.end - s.start === 1 && lex.nameHeads.has(analyzed.tokens[s.start]!.normal);
  });
}

function span(analyzed: AnalyzedDocument, range: { start: number; end: number }): Span {
  const m = tokenMention(analyzed, range.start, range.end);
  return { start: m.start, end: m.end };
}

/** The non-empty mentions in text order, each range once (sorted, so a repeated range follows its first). */
function uniqueMentions(list: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of [...list].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (m.end <= m.start || (last && last.start === m.start && last.end === m.end)) continue;
    out.push(m);
  }
  return out;
}

/** Finds the entities a document names, with every mention. */
export function extractEntities(analyzed: AnalyzedDocument): EntityRecord[] {
  // a new list, so a later stage may extend it; the relation stage reads only the links of the cached analysis
  return [...analyzeEntities(analyzed).entities];
}
