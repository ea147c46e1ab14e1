/**
 * claimgraph relations: `employs` and `leads` from a role stated after a person's name, in apposition ("Jane Roe,
 * an infectious disease specialist at Midland University,", "John Doe, Acme's chief executive,"), before it
 * ("Acme's chief executive, John Doe,") or after "who is" ("who is a spokesman for the Port Authority").
 */
import { EMPLOYERS, LOWER_START, POSSESSIVE, occurrenceAt, type PatternContext } from './context';
import { relationLexicon } from './lexicon';
import type { Occurrence } from './mentions';

export interface StatedRole {
  kind: 'employs' | 'leads';
  organization: Occurrence;
  /** the token after the last word that states the role */
  end: number;
}

/** How many words may stand between the article and the role noun ("a senior infectious disease specialist"). */
const MODIFIER_REACH = 5;
/** Words that cannot modify a role noun: the phrase is something else ("a spokesman for", "Acme and"). */
const NOT_MODIFIERS = new Set(['ADP', 'DET', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'NUM']);
/** A lower-case complement between a title and its organization ("professor of geosciences and history at"). */
const COMPLEMENT_REACH = 5;
/** Adjectives between "the" and the organization ("an analyst at the conservative Harbor Institute"). */
const ADJECTIVE_REACH = 2;

/** The token after the longest leader title that starts at token k ("chief executive officer", "director-general"). */
function leaderTitleEnd(ctx: PatternContext, k: number): number | undefined {
  const { tokens } = ctx.analyzed;
  const lex = relationLexicon();
  let phrase = '';
  let words = 0;
  let found: number | undefined;
  for (let e = k; e < tokens.length && words < lex.leaderTitleMaxWords; e++) {
    const t = tokens[e]!;
    const joined = e > k && (t.text === '-' || tokens[e - 1]!.text === '-') && t.start === tokens[e - 1]!.end;
    phrase += e === k ? t.normal : joined ? t.normal : ` ${t.normal}`;
    if (t.text === '-') continue;
    words++;
    if (lex.leaderTitles.has(phrase)) found = e + 1;
  }
  return found;
}

/**
 * The role that the words from token k state, and its organization: "[a|the] [Acme's|Acme] [modifiers] ROLE
 * [of|for|at|with [the] Acme]". A leader's title with "a" ("a director at Acme"), after "deputy" or "vice", or
 * over a department ("head of research at Acme") makes its holder staff, not the leader.
 */
export function roleAt(ctx: PatternContext, k: number): StatedRole | undefined {
  const { tokens } = ctx.analyzed;
  const lex = relationLexicon();
  const sentence = tokens[k]?.sentence;
  const article = tokens[k]?.pos === 'DET' ? tokens[k]!.normal : undefined;
  if (article !== undefined && article !== 'a' && article !== 'an' && article !== 'the') return undefined;
  const indefinite = article === 'a' || article === 'an';
  if (article) k++;
  let owner: Occurrence | undefined;
  let subordinate = false;
  let head: { end: number; leader: boolean } | undefined;
  for (const limit = k + MODIFIER_REACH; !head && k < tokens.length && k <= limit; ) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return undefined;
    const o = occurrenceAt(ctx, k);
    if (o) {
      // "a Harvard-trained economist": a name inside a modifier owns nothing
      if (tokens[o.end]?.text === '-') {
        k = o.end;
        continue;
      }
      const possessive = POSSESSIVE.test(tokens[o.end]?.text ?? '');
      // "Jane Roe, House editor": without an article or a possessive, a bare name is as likely a section as an employer
      if (owner || !EMPLOYERS.has(o.kind) || (!possessive && !article)) return undefined;
      owner = o;
      k = possessive ? o.end + 1 : o.end;
      continue;
    }
    if (lex.pastModifiers.has(t.normal)) return undefined;
    const titleEnd = leaderTitleEnd(ctx, k);
    if (titleEnd !== undefined) head = { end: titleEnd, leader: true };
    else if (lex.roleNouns.has(t.normal)) head = { end: k + 1, leader: false };
    else if (NOT_MODIFIERS.has(t.pos) || (t.pos === 'PUNCT' && t.text !== '-')) return undefined;
    else {
      if (lex.subordinateModifiers.has(t.normal)) subordinate = true;
      k++;
    }
  }
  if (!head) return undefined;
  let leader = head.leader;
  let e = head.end;
  // "president and chief executive of Acme"
  while (tokens[e]?.normal === 'and') {
    const titleEnd = leaderTitleEnd(ctx, e + 1);
    if (titleEnd !== undefined) {
      leader = true;
      e = titleEnd;
    } else if (lex.roleNouns.has(tokens[e + 1]?.normal ?? '')) e += 2;
    else break;
  }
  let leads = leader && !subordinate && !indefinite;
  if (owner) {
    if (lex.roleLinks.has(tokens[e]?.normal ?? '')) leads = false;
    return { kind: leads ? 'leads' : 'employs', organization: owner, end: e };
  }
  const link = tokens[e]?.normal ?? '';
  if (!lex.roleLinks.has(link)) return undefined;
  e++;
  if (link === 'of' && !occurrenceAt(ctx, e) && !occurrenceAt(ctx, e + 1)) {
    // "professor of economics at Midland University", "head of research at Acme"
    let c = e;
    while (c < e + COMPLEMENT_REACH && tokens[c] && LOWER_START.test(tokens[c]!.text) && !lex.roleLinks.has(tokens[c]!.normal)) c++;
    if (c === e || (tokens[c]?.normal !== 'at' && tokens[c]?.normal !== 'for')) return undefined;
    leads = false;
    e = c + 1;
  }
  if (link === 'for' || link === 'with') leads = false;
  if (tokens[e]?.normal === 'the') {
    e++;
    // the tagger reads some of these as nouns ("libertarian", "state")
    for (const limit = e + ADJECTIVE_REACH; e < limit && (tokens[e]?.pos === 'ADJ' || tokens[e]?.pos === 'NOUN') && LOWER_START.test(tokens[e]!.text); ) e++;
  }
  const organization = occurrenceAt(ctx, e);
  if (!organization || !EMPLOYERS.has(organization.kind)) return undefined;
  // "a spokesman for Acme's parent company", "director of the Acme news service" name another employer
  const after = tokens[organization.end];
  if (after && (POSSESSIVE.test(after.text) || (after.pos === 'NOUN' && LOWER_START.test(after.text)))) return undefined;
  return { kind: leads ? 'leads' : 'employs', organization, end: organization.end };
}

/** Emits the relation that a stated role gives between a person and an organization. */
export function emitRole(ctx: PatternContext, person: Occurrence, role: StatedRole): void {
  if (role.kind === 'leads') ctx.emit('leads', person.entity, role.organization.entity, person.start, role.end);
  else ctx.emit('employs', role.organization.entity, person.entity, person.start, role.end);
}

/** "Jane Roe, an analyst at Acme,": the person's occurrence oi followed by a role in apposition. */
export function roleAppositionAt(ctx: PatternContext, oi: number): void {
  const person = ctx.mentions.occurrences[oi]!;
  if (person.kind !== 'person' || ctx.analyzed.tokens[person.end]?.text !== ',') return;
  const role = roleAt(ctx, person.end + 1);
  if (role) emitRole(ctx, person, role);
}

/** "Acme's chief executive, Jane Roe,": a role owned by the organization's occurrence oi, then the person's name. */
export function roleBeforeNameAt(ctx: PatternContext, oi: number): void {
  const owner = ctx.mentions.occurrences[oi]!;
  const { tokens } = ctx.analyzed;
  if (!EMPLOYERS.has(owner.kind) || !POSSESSIVE.test(tokens[owner.end]?.text ?? '')) return;
  const role = roleAt(ctx, owner.start);
  if (!role || role.organization !== owner || tokens[role.end]?.text !== ',') return;
  const person = occurrenceAt(ctx, role.end + 1);
  if (person?.kind === 'person') emitRole(ctx, person, { ...role, end: person.end });
}
