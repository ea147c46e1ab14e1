/**
 * claimgraph entities: reads the words around each name span for typing and links: titles in lower case
 * ("astronaut Lena Marsh"), heads after it ("Apollo spacecraft", "Survey 7 crew"), "X of Y", brackets.
 */
import type { AnalyzedDocument, Token } from '../types';
import { isAcronym, isDesignator } from './features';
import { lexicon } from './lexicon';
import { gazetteerLookup, looksPersonal, spanText, titleAt } from './refine';
import { vote, type NameSpan } from './spans';

const POSSESSIVE = /^['’]s?$/;
const DETS = new Set(['a', 'an', 'the']);
/** appositive nouns that make the name before them a company or body ("a unit of", "the parent of") */
const APPOSITIVE_ORGANIZATION = new Set(['unit', 'subsidiary', 'division', 'maker', 'developer', 'operator', 'owner', 'parent', 'supplier', 'retailer', 'chain', 'giant', 'brand', 'platform', 'provider', 'producer', 'lender', 'insurer', 'contractor', 'consultancy', 'publisher', 'team', 'club', 'band', 'label', 'studio', 'school', 'hospital', 'union', 'lobby', 'think', 'nonprofit']);
/** what a politician leads under their own name */
const COLLECTIVES = new Set(['campaign', 'administration', 'government']);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout']);
/** what an outlet does in its own name: "the Oregonian reported" */
const REPORTED = new Set(['reported', 'reports', 'reporting']);
const LOWER = /^\p{Ll}/u;
const UPPER = /^\p{Lu}/u;
const COMPASS_WORD = /^(north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|upper|lower)(ern)?$/;
const DOTS = /\./g;
const WORD_BREAKS = /[\s-]+/;
const HAS_DIGIT = /\d/;
const HAS_LOWER = /\p{Ll}/u;
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;

/** The longest lower-case title that ends right before token `end`. */
function titleBefore(tokens: Token[], end: number): { title: string; start: number } | undefined {
  const lex = lexicon();
  let best: { title: string; start: number } | undefined;
  for (let s = end - 1; s >= 0 && s >= end - lex.titleMaxWords; s--) {
    const t = tokens[s]!;
    // "who heads Acme": a verb is no title, whatever its spelling
    if (!LOWER.test(t.text) || t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') break;
    const found = titleAt(tokens, s, end);
    if (found && found.end === end) best = { title: found.title, start: s };
  }
  return best;
}

/** Indexes the spans by their first and last tokens, so neighbours are found without searching. */
/** Role nouns, and the most words (adjectives such as "chief", "deputy") that may stand before one. */
const ROLE_MODIFIER_REACH = 2;

function isRole(t: Token | undefined): boolean {
  return !!t && LOWER.test(t.text) && (lexicon().unnamedRoles.has(t.normal) || lexicon().titles.has(t.normal));
}

/** "executive of" at `linkAt`: a role before "of". */
function roleOf(tokens: readonly Token[], linkAt: number): boolean {
  return tokens[linkAt]?.normal === 'of' && isRole(tokens[linkAt - 1]);
}

/** "'s chief executive" after a name ending at `end`. */
function roleAfterPossessive(tokens: readonly Token[], end: number): boolean {
  if (!POSSESSIVE.test(tokens[end]?.text ?? '')) return false;
  for (let k = end + 1; k <= end + 1 + ROLE_MODIFIER_REACH; k++) {
    if (isRole(tokens[k])) return true;
    if (tokens[k]?.pos !== 'ADJ' && tokens[k]?.pos !== 'NOUN') return false;
  }
  return false;
}

/**
 * The lower-case noun that describes the name starting at `at`: right before it, before "of" right before it,
 * or before the list of names it closes ("makers A, B and C": C's list starts after "makers").
 */
function describingNoun(tokens: readonly Token[], spans: readonly NameSpan[], byEnd: ReadonlyMap<number, number>, at: number): Token | undefined {
  let k = at - 1;
  if (tokens[k]?.normal === 'of') k--;
  else {
    for (let guard = 0; guard < 20 && k >= 0; guard++) {
      const t = tokens[k]!;
      if (t.normal === ',' || t.normal === 'and' || t.normal === 'or') k--;
      else if (byEnd.has(k + 1) && k + 1 < at) k = spans[byEnd.get(k + 1)!]!.start - 1;
      else break;
    }
  }
  const noun = tokens[k];
  return noun && LOWER.test(noun.text) && noun.pos === 'NOUN' ? noun : undefined;
}

function indexSpans(spans: NameSpan[]): { byStart: Map<number, number>; byEnd: Map<number, number> } {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  spans.forEach((s, i) => {
    byStart.set(s.start, i);
    byEnd.set(s.end, i);
  });
  return { byStart, byEnd };
}

function addHead(span: NameSpan, head: string): void {
  (span.heads ??= []).push(head);
}

/** A person's campaign or administration ("the Halvorsen campaign", "the Marsh administration"). */
export interface CollectiveMention {
  personSpan: number;
  word: string;
  start: number;
  end: number;
}

/** An unnamed person described by an organization and a role: "an Acme spokesperson", "a spokesman for the FBI". */
export interface RoleMention {
  orgSpan: number;
  role: string;
  /** token range of the mention ("Acme spokesperson") */
  start: number;
  end: number;
}

/** Gathers the cues around every span and returns the unnamed roles met. Each span looks at a few tokens on either side: linear overall. */
export function readContext(analyzed: AnalyzedDocument, spans: NameSpan[]): { roles: RoleMention[]; collectives: CollectiveMention[] } {
  const roles: RoleMention[] = [];
  const collectives: CollectiveMention[] = [];
  const lex = lexicon();
  const { tokens } = analyzed;
  const { byStart, byEnd } = indexSpans(spans);

  spans.forEach((span, index) => {
    if (span.dropped) return;
    const first = tokens[span.start]!;
    const last = tokens[span.end - 1]!;
    const personal = looksPersonal(tokens, span.start, span.end);

    // Heads inside the name: "Harbor City", "Research Station", "Training Center", "School of Advanced Studies".
    let headToken = last;
    for (let k = span.start + 1; k < span.end; k++) {
      const w = tokens[k]!.normal;
      if (w === 'of' || w === 'for') {
        headToken = tokens[k - 1]!;
        break;
      }
    }
    const head = lex.nameHeads.get(headToken.normal);
    if (head && span.end - span.start > 1) {
      vote(span, head, 6);
      addHead(span, headToken.normal);
    }
    // "Eastern Europe", "South Texas": a compass word before a known place
    if (span.end - span.start === 2 && COMPASS_WORD.test(first.normal)) {
      const place = gazetteerLookup(last.text);
      if (place?.kind === 'place') vote(span, 'place', 7);
    }

    // Brackets after the name: an acronym ("(WHA)") or a designator ("(AS-508)").
    if (tokens[span.end]?.text === '(') {
      let close = span.end + 1;
      while (close < tokens.length && close < span.end + 8 && tokens[close]!.text !== ')') close++;
      if (tokens[close]?.text === ')') {
        const inner = byStart.get(span.end + 1);
        const innerSpan = inner !== undefined ? spans[inner] : undefined;
        const innerText = spanText(analyzed, span.end + 1, close);
        const spells = (acronym: string) => {
          const letters = acronym.replace(DOTS, '');
          const ini = span.text.split(WORD_BREAKS).filter((w) => UPPER.test(w)).map((w) => w[0]).join('');
          return ini === letters || (!!span.gazetteer && span.gazetteer === innerSpan?.gazetteer);
        };
        // "(WHA)" after "World Harbor Agency"; not "(AP)" after a dateline's "AUSTIN, Texas"
        if (innerSpan && innerSpan.end === close && isAcronym(innerSpan.text) && spells(innerSpan.text)) {
          innerSpan.sameAs = index;
        } else if (HAS_DIGIT.test(innerText) && isDesignator(tokens[span.end + 1]!.text)) {
          for (let k = span.end + 1; k < close; k++) {
            const s = byStart.get(k);
            if (s !== undefined) spans[s]!.dropped = true;
          }
          span.canonical = `${span.text} ${innerText.split('/')[0]}`;
          span.mentionEnd = close + 1;
        }
      }
    }

    // A head noun after the name: "Apollo spacecraft", "Reachar2 robotic arm", "Russian media".
    let after = span.mentionEnd;
    // up to two describing words between: "Reachar2 robotic arm", "Orla space telescope"
    for (let k = 0; k < 2; k++) {
      const w = tokens[after];
      const following = tokens[after + 1];
      if (!w || !following || !LOWER.test(w.text) || (w.pos !== 'ADJ' && w.pos !== 'NOUN') || lex.modifierHeads.has(w.normal) || lex.groupHeads.has(w.normal)) break;
      if (!LOWER.test(following.text)) break;
      after++;
    }
    const next = tokens[after];
    if (next && LOWER.test(next.text)) {
      const modifierKind = lex.modifierHeads.get(next.normal);
      if (modifierKind && !span.gazetteer) {
        vote(span, modifierKind, 5);
        addHead(span, next.normal);
      }
      if (lex.groupHeads.has(next.normal) && after === span.mentionEnd) {
        const orgLike = span.gazetteer ? span.gazetteer.kind !== 'place' : head === 'agency' || head === 'organization';
        if (orgLike) span.mentionEnd = after + 1;
        else {
          span.end = after + 1;
          span.mentionEnd = after + 1;
          span.text = spanText(analyzed, span.start, span.end);
          span.group = true;
          span.votes = { person: 10 };
        }
      } else if (lex.orgMemberHeads.has(next.normal) && after === span.mentionEnd) {
        span.mentionEnd = after + 1;
      }
    }

    // A lower-case title before the name: "astronaut Lena Marsh", "Interpol cosmonauts Oleg Varin".
    if (!span.title && !span.gazetteer && (personal || span.end - span.start <= 3)) {
      const title = titleBefore(tokens, span.mentionStart);
      if (title) {
        span.title = title.title;
        span.leader = lex.titles.get(title.title) === true;
        span.mentionStart = title.start;
        vote(span, 'person', 8);
        const before = tokens[title.start - 1];
        const orgIndex = byEnd.get(title.start);
        if (orgIndex !== undefined && orgIndex !== index) {
          const org = spans[orgIndex]!;
          span.orgSpan = orgIndex;
          span.orgEvidence = { start: org.mentionStart, end: span.end };
          org.modifier = true;
          vote(org, 'organization', 4);
          span.mentionStart = org.mentionStart;
        } else if (before && POSSESSIVE.test(before.text)) {
          const owner = byEnd.get(title.start - 1);
          if (owner !== undefined) {
            span.orgSpan = owner;
            span.orgEvidence = { start: spans[owner]!.start, end: span.end };
          }
        } else if (before && lex.demonymCountry.has(before.normal)) {
          span.mentionStart = title.start - 1;
        }
      }
    }

    // Coordinated names share a plural title: "cosmonauts Oleg Varin and Dmitri Petelin".
    if (span.title && tokens[span.end]?.normal === 'and') {
      const other = byStart.get(span.end + 1);
      const o = other !== undefined ? spans[other] : undefined;
      if (o && !o.title && !o.gazetteer && looksPersonal(tokens, o.start, o.end)) {
        o.title = span.title;
        o.leader = span.leader;
        vote(o, 'person', 8);
        if (span.orgSpan !== undefined) {
          o.orgSpan = span.orgSpan;
          o.orgEvidence = { start: span.orgEvidence?.start ?? span.start, end: o.end };
        }
      }
    }

    // "Chris Marchese, counsel for NetChoice", "Jane Roe, a spokeswoman for the FBI": a role in apposition
    if (!span.title && personal && tokens[span.mentionEnd]?.text === ',') {
      let k = span.mentionEnd + 1;
      if (tokens[k]?.pos === 'DET') k++;
      const former = tokens[k]?.normal === 'former';
      if (former) k++;
      // "Jane Doe, Acme's deputy director, said": the organization before the title
      let owner: number | undefined;
      const ownerIndex = byStart.get(k);
      if (ownerIndex !== undefined && ownerIndex !== index) {
        const o = spans[ownerIndex]!;
        if (POSSESSIVE.test(tokens[o.end]?.text ?? '')) {
          owner = ownerIndex;
          k = o.end + 1;
        }
      }
      let title: { title: string; end: number } | undefined;
      for (let e = Math.min(tokens.length, k + lex.titleMaxWords); e > k && !title; e--) {
        const t = titleAt(tokens, k, e);
        if (t && t.end === e) title = t;
      }
      const link = title ? tokens[title.end] : undefined;
      if (title && owner !== undefined && !former) {
        span.title = title.title;
        span.leader = lex.titles.get(title.title) === true;
        vote(span, 'person', 6);
        span.memberOf = owner;
        span.memberEvidence = { start: span.start, end: title.end };
      } else if (title && link && (link.normal === 'of' || link.normal === 'for' || link.normal === 'at') && !former) {
        const skip = tokens[title.end + 1]?.normal === 'the' ? 2 : 1;
        const other = byStart.get(title.end + skip);
        if (other !== undefined) {
          span.title = title.title;
          span.leader = lex.titles.get(title.title) === true;
          vote(span, 'person', 6);
          span.memberOf = other;
          span.memberEvidence = { start: span.start, end: spans[other]!.end };
        }
      }
    }

    // "Oleg Varin of Interpol", "a professor at Harvard": membership after the name.
    const link = tokens[span.mentionEnd];
    if (link && (link.normal === 'of' || link.normal === 'at') && (span.title || personal)) {
      const skip = tokens[span.mentionEnd + 1]?.normal === 'the' ? 2 : 1;
      const other = byStart.get(span.mentionEnd + skip);
      if (other !== undefined) {
        span.memberOf = other;
        span.memberEvidence = { start: span.mentionStart, end: spans[other]!.end };
      }
    }

    const prev = tokens[span.mentionStart - 1];
    // "the Halvorsen campaign", "Greta Halvorsen's campaign", "the Marsh administration"
    if (!span.gazetteer && span.votes.place === undefined) {
      const k = POSSESSIVE.test(tokens[span.mentionEnd]?.text ?? '') ? span.mentionEnd + 1 : span.mentionEnd;
      const w = tokens[k];
      const following = tokens[k + 1];
      if (w && COLLECTIVES.has(w.text) && !(following && (following.pos === 'NOUN' || following.pos === 'PROPN'))) {
        collectives.push({ personSpan: index, word: w.text, start: span.mentionStart, end: k + 1 });
        span.modifier = true;
        // a campaign or an administration is a politician's: evidence of a person
        vote(span, 'person', 3);
      }
    }
    // An unnamed role: "an Acme spokesperson", "Acme officials" (not "Acme spokesperson Jane Doe": a title).
    const roleToken = tokens[span.mentionEnd];
    if (roleToken && LOWER.test(roleToken.text) && lex.unnamedRoles.has(roleToken.normal) && !span.title && span.votes.place === undefined) {
      const following = byStart.get(span.mentionEnd + 1);
      if (following === undefined) {
        roles.push({ orgSpan: index, role: roleToken.normal, start: span.mentionStart, end: span.mentionEnd + 1 });
        span.modifier = true;
      }
    }
    // "a spokesman for the FBI"
    const linkAt = prev?.normal === 'the' ? span.mentionStart - 2 : span.mentionStart - 1;
    const linkWord = tokens[linkAt]?.normal;
    if (linkWord === 'for' || linkWord === 'at' || linkWord === 'with') {
      const r = tokens[linkAt - 1];
      // "Analysts at Acme questioned ...": the role may open the sentence, capitalised
      const opensSentence = !!r && (linkAt - 1 === 0 || tokens[linkAt - 2]!.sentence !== r.sentence);
      if (r && lex.unnamedRoles.has(r.normal) && (LOWER.test(r.text) || opensSentence) && span.votes.place === undefined) {
        roles.push({ orgSpan: index, role: r.normal, start: linkAt - 1, end: linkAt });
        // people are employed by an organization: unless its name or the gazetteer says which kind
        vote(span, 'organization', 2);
      }
    }

    // "the chief executive of Orvex", "Orvex's chief executive": what a role belongs to is an organization,
    // unless its name or the gazetteer says otherwise ("the president of France")
    if (span.votes.place === undefined && !span.gazetteer && (roleOf(tokens, linkAt) || roleAfterPossessive(tokens, span.mentionEnd))) vote(span, 'organization', 2);

    // A description right before the name: "the Russian space agency Interpol", "the newspaper Le Monde";
    // before "of" ("the town of Millbrook") or before a list the name is part of ("carmakers Avanto, Brio and Cela").
    const described = describingNoun(tokens, spans, byEnd, span.mentionStart);
    if (described) {
      const kind = lex.descriptions.get(described.normal) ?? lex.descriptions.get(described.lemma);
      // right before the name the description is sure; across "of" or a list, a given name outweighs it
      // ("two producers, Dana Vale and Nicole Ruiz")
      if (kind) vote(span, kind, described === prev ? 5 : 3);
    }

    // An appositive description after the name: "Waymo, a unit of Alphabet", "Acme, the drug maker,"
    if (tokens[span.mentionEnd]?.text === ',' && DETS.has(tokens[span.mentionEnd + 1]?.normal ?? '')) {
      let k = span.mentionEnd + 2;
      while (k < span.mentionEnd + 5 && tokens[k] && (tokens[k]!.pos === 'ADJ' || (tokens[k]!.pos === 'NOUN' && tokens[k + 1]?.pos === 'NOUN'))) k++;
      const head = tokens[k];
      if (head && LOWER.test(head.text)) {
        const kind = lex.descriptions.get(head.normal) ?? (APPOSITIVE_ORGANIZATION.has(head.normal) ? 'organization' : undefined);
        if (kind) vote(span, kind, 3);
      }
    }

    // Weak cues, used only when nothing better speaks.
    const givenName = lex.firstNames.has(first.text);
    // "NetChoice", "AeroSystems": a capital inside a word marks a brand, not a person
    const camelCase = CAMEL_CASE.test(span.text);
    if (prev && PLACE_PREPOSITIONS.has(prev.normal) && !givenName && !camelCase) vote(span, 'place', 2);
    if (isAcronym(first.text) && span.end - span.start === 1) vote(span, 'organization', 1);
    // "the Richmond-based utility": what something is based in is a place
    if (tokens[span.end]?.text === '-' && tokens[span.end + 1]?.normal === 'based') vote(span, 'place', 6);
    // "Bailey & Glasser", "Procter & Gamble": partners' names joined by an ampersand make a firm
    if (span.text.includes(' & ')) vote(span, 'organization', 6);
    // a person needs evidence of one: a given name from the names list here, or a title, a role, a speech verb
    if (personal && !camelCase && givenName) vote(span, 'person', 4);
    const verb = tokens[span.mentionEnd];
    if (verb && lex.speechVerbs.has(verb.normal) && !isAcronym(first.text)) vote(span, 'person', 1);
    // "the Oregonian reported", "the Riverside shelter": a person's name takes no article (a name that only
    // modifies the noun after it, "the Marlow dossier", tells nothing; "the Ruizes" is a family)
    const modifies = !!verb && verb.pos === 'NOUN' && LOWER.test(verb.text);
    const family = span.end - span.start === 1 && first.text.endsWith('s');
    if (prev?.normal === 'the' && !span.title && !span.modifier && !givenName && !modifies && !family) {
      // "in the Mediterranean", "along the Danube": a place
      const placed = PLACE_PREPOSITIONS.has(tokens[span.mentionStart - 2]?.normal ?? '') || tokens[span.mentionStart - 2]?.normal === 'along';
      vote(span, placed ? 'place' : verb && REPORTED.has(verb.normal) ? 'media' : 'organization', 2);
    }
    // the weakest guess, for names nothing else speaks about
    const organizationLike = camelCase || isAcronym(first.text) || HAS_DIGIT.test(span.text) || (span.end - span.start === 1 && !HAS_LOWER.test(first.text));
    vote(span, organizationLike ? 'organization' : 'other', 0.1);
  });
  return { roles, collectives };
}
