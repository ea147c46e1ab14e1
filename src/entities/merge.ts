/**
 * claimgraph entities: groups the name spans of one document into entities: same name or gazetteer entry,
 * acronym and expansion, bare name and designated name ("Apollo" → "Apollo 13"), surname and full name, an
 * organization's name and its short form ("Acme Semiconductor" → "Acme").
 */
import { ENTITY_KINDS } from '../graph/schema';
import type { EntityKind } from '../types';
import { isAcronym } from './features';
import { lexicon, lowerKey } from './lexicon';
import type { KindVotes, NameSpan } from './spans';

/** Kinds whose names end in a head word that later mentions drop ("Acme Corp.", then "Acme"). */
const INSTITUTIONS: ReadonlySet<EntityKind> = new Set<EntityKind>(['organization', 'agency', 'media']);

/** One entity of the document as it is being assembled. */
export interface Cluster {
  spans: number[];
  kind: EntityKind;
  label: string;
  /** lower-case titles its people carry ("administrator") */
  titles: Set<string>;
  /** common nouns that described it, and the words of its label */
  heads: Set<string>;
}

/** Union-find over span indices; the smaller index is always the root, so the result does not depend on order. */
class Groups {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

const POSSESSIVE_ENDING = /['’]s?$/;
const LEADING_THE = /^the /;
const WORD_BREAKS = /[\s-]+/;
const SPACES = /\s+/;
const DOTS = /\./g;
const HAS_DIGIT = /\d/;

export function nameKey(text: string): string {
  return lowerKey(text).replace(POSSESSIVE_ENDING, '').replace(LEADING_THE, '');
}

const CONNECTOR_WORDS = new Set(['of', 'for', 'and', '&', 'the', 'on', 'de', 'du', 'la', 'le']);

/** "Kestrel Space Station" → "KSS"; "Federal Bureau of Investigation" → "FBI". */
function initials(text: string): string {
  return text
    .split(WORD_BREAKS)
    .filter((w) => w && !CONNECTOR_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function pickKind(votes: KindVotes): EntityKind {
  let best: EntityKind = 'organization';
  let bestScore = -1;
  for (const k of ENTITY_KINDS) {
    const v = votes[k] ?? 0;
    if (v > bestScore) {
      best = k;
      bestScore = v;
    }
  }
  return best;
}

function sumVotes(spans: NameSpan[], members: number[]): KindVotes {
  const total: KindVotes = {};
  for (const i of members) {
    const votes = spans[i]!.votes;
    for (const k of ENTITY_KINDS) {
      const v = votes[k];
      if (v !== undefined) total[k] = (total[k] ?? 0) + v;
    }
  }
  return total;
}

/** The display name: the gazetteer's, a canonical form, else the fullest written form (no acronym when an expansion exists). */
function pickLabel(spans: NameSpan[], members: number[], kind: EntityKind): string {
  const nameOf = (s: NameSpan) => s.gazetteer?.name ?? s.canonical ?? s.text.replace(POSSESSIVE_ENDING, '');
  // most entities are named once: nothing to rank
  if (members.length === 1) return nameOf(spans[members[0]!]!);
  const counts = new Map<string, { n: number; first: number; words: number; acronym: boolean }>();
  for (const i of members) {
    const s = spans[i]!;
    const name = nameOf(s);
    const rank = s.gazetteer ? 3 : s.canonical ? 2 : 0;
    const c = counts.get(name) ?? { n: 0, first: i, words: name.split(SPACES).length + rank * 100, acronym: isAcronym(name) };
    c.n++;
    counts.set(name, c);
  }
  const ranked = [...counts].sort(
    (a, b) =>
      Number(a[1].acronym && kind !== 'person') - Number(b[1].acronym && kind !== 'person') ||
      b[1].words - a[1].words ||
      b[1].n - a[1].n ||
      a[1].first - b[1].first,
  );
  return ranked[0]![0];
}

/** The groups by the initials of their names of two words or more, the first group to claim them keeping them. */
function initialsIndex(spans: NameSpan[], members: { root: number; list: number[] }[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const { root, list } of members) {
    for (const i of list) {
      const s = spans[i]!;
      if (s.end - s.start >= 2 && !isAcronym(s.text)) {
        const ini = initials(s.text);
        if (ini.length >= 2 && !index.has(ini)) index.set(ini, root);
      }
    }
  }
  return index;
}

/** Merges the spans into clusters, in order of first mention. */
export function mergeSpans(spans: NameSpan[]): Cluster[] {
  const groups = new Groups(spans.length);
  const live = spans.map((s, i) => (s.dropped ? -1 : i)).filter((i) => i >= 0);
  // each span's words and key, computed once
  const wordsOf = spans.map((s) => (s.canonical ?? s.text).split(SPACES));
  const keyOf = spans.map((s) => nameKey(s.canonical ?? s.text));
  const hasDigit = spans.map((s) => HAS_DIGIT.test(s.text));

  // Same name, or same gazetteer entry.
  const byGazetteerName = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const i of live) {
    const s = spans[i]!;
    const byKey = s.gazetteer ? byGazetteerName : byName;
    const key = s.gazetteer ? s.gazetteer.name : keyOf[i]!;
    const other = byKey.get(key);
    if (other === undefined) byKey.set(key, i);
    else groups.union(other, i);
    if (s.sameAs !== undefined && !spans[s.sameAs]!.dropped) groups.union(s.sameAs, i);
  }

  /** The live spans of each group with its root, the groups in order of their first member. */
  const membersOf = (): { root: number; list: number[] }[] => {
    const byRoot = new Map<number, number[]>();
    const out: { root: number; list: number[] }[] = [];
    for (const i of live) {
      const root = groups.find(i);
      const list = byRoot.get(root);
      if (list) list.push(i);
      else {
        const created = [i];
        byRoot.set(root, created);
        out.push({ root, list: created });
      }
    }
    return out;
  };

  // Acronyms and expansions met apart ("FBI" ... "Federal Bureau of Investigation").
  let members = membersOf();
  let byInitials: Map<string, number> | undefined;
  for (const { root, list } of members) {
    const s = spans[list[0]!]!;
    if (!s.gazetteer && list.every((i) => isAcronym(spans[i]!.text))) {
      // computed once an acronym asks for it: many texts have none that does
      byInitials ??= initialsIndex(spans, members);
      const other = byInitials.get(s.text.replace(DOTS, ''));
      if (other !== undefined) groups.union(root, other);
    }
  }

  // A bare name and its one designated form ("Apollo" and "Apollo 13"), a surname and its full name.
  members = membersOf();
  const kinds = new Map<number, EntityKind>();
  for (const { root, list } of members) kinds.set(root, pickKind(sumVotes(spans, list)));
  const extensions = new Map<string, { root: number; size: number }>(); // bare text → best designated cluster
  const surnames = new Map<string, { root: number; size: number }>();
  const given = new Map<string, { root: number; size: number }>();
  const shortForms = new Map<string, { root: number; size: number }>();
  const offer = (map: Map<string, { root: number; size: number }>, key: string, root: number, size: number) => {
    const cur = map.get(key);
    if (!cur || size > cur.size) map.set(key, { root, size });
  };
  for (const { root, list } of members) {
    for (const i of list) {
      const s = spans[i]!;
      const words = wordsOf[i]!;
      if (words.length < 2) continue;
      const lastWord = words[words.length - 1]!;
      if (HAS_DIGIT.test(lastWord)) offer(extensions, nameKey(words.slice(0, -1).join(' ')), root, list.length);
      if (kinds.get(root) === 'person' && !s.group) {
        offer(surnames, nameKey(lastWord), root, list.length);
        if (lexicon().firstNames.has(words[0]!)) offer(given, nameKey(words[0]!), root, list.length);
      }
      // "Acme Semiconductor" is "Acme" later on: an organization's name without its head word
      if (INSTITUTIONS.has(kinds.get(root)!) && INSTITUTIONS.has(lexicon().nameHeads.get(lastWord.toLowerCase())!)) {
        offer(shortForms, nameKey(words.slice(0, -1).join(' ')), root, list.length);
      }
    }
  }
  for (const { root, list } of members) {
    const s = spans[list[0]!]!;
    if (s.gazetteer || list.some((i) => hasDigit[i])) continue;
    const key = keyOf[list[0]!]!;
    const kind = kinds.get(root)!;
    const target =
      extensions.get(key) ??
      (s.end - s.start === 1 && !isAcronym(s.text) ? (surnames.get(key) ?? given.get(key)) : undefined) ??
      (INSTITUTIONS.has(kind) ? shortForms.get(key) : undefined);
    if (target && target.root !== root) groups.union(root, target.root);
  }

  // "the Council", "the Commission": a bare head word is the entity named with it before
  members = membersOf();
  const byHead = new Map<string, { root: number; size: number }>();
  for (const { root, list } of members) {
    for (const i of list) {
      const s = spans[i]!;
      if (s.end - s.start < 2) continue;
      for (const w of wordsOf[i]!) {
        const lw = w.toLowerCase();
        if (lexicon().nameHeads.has(lw)) offer(byHead, lw, root, list.length);
      }
    }
  }
  for (const { root, list } of members) {
    const s = spans[list[0]!]!;
    if (s.gazetteer || !list.every((i) => spans[i]!.end - spans[i]!.start === 1)) continue;
    const target = byHead.get(s.text.toLowerCase());
    if (target && target.root !== root) groups.union(root, target.root);
  }

  members = membersOf();
  const clusters: Cluster[] = [];
  for (const { list } of members) {
    const votes = sumVotes(spans, list);
    const kind = list.some((i) => spans[i]!.group) ? 'person' : pickKind(votes);
    const label = pickLabel(spans, list, kind);
    const titles = new Set<string>();
    const heads = new Set<string>(label.toLowerCase().split(SPACES));
    for (const i of list) {
      const s = spans[i]!;
      if (s.title) titles.add(s.title);
      for (const h of s.heads ?? []) heads.add(h);
    }
    clusters.push({ spans: list, kind, label, titles, heads });
  }
  return clusters;
}
