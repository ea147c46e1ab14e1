/**
 * claimgraph entity merging across documents: which of the documents' entities are one real thing, and why.
 *
 * Every document's entities arrive already resolved inside their article (the entities stage joins "Idris
 * Falkenrath", "Falkenrath" and "the mayor" of one text). Here they are joined across articles, in passes that
 * each say why (the `reason` of a link):
 * 1. `same-name`: a name both carry (label or alias). Across articles only a name that identifies: not a
 *    description, not a bare surname, not a designated thing's name without its designator ("Kestrel" of
 *    "Kestrel KX-04"), not an event's incident noun ("the fire": events join in pass 4), while a named event
 *    ("Harbour Strike") joins by its name.
 * 2. `shorter-name`: an organisation's shorter name ("Port Authority") is the end of exactly one longer
 *    organisation name in the build ("Northport Port Authority"); a person's full name without the middle is
 *    the first and last of exactly one person named with one ("Rhea Voss" of "Rhea K. Voss").
 * 3. `surname`: a bare surname or title + surname ("Falkenrath", "Mayor Falkenrath") is the surname of exactly
 *    one person the build names in full; `surname-context` when several are and exactly one of them shares its
 *    title or organisation. Otherwise it stays apart, and the node lists the people it could be (`ambiguous`).
 *    A bare surname nobody is named in full with is one person across articles (`same-name`).
 * 4. `same-incident`: events join when they carry the same designator, or share a name and a place in articles
 *    dated at most NEAR_DAYS apart; never by the head word alone.
 * Two groups never join when their designators differ ("KX-04" / "KX-09", "Flight 370" / "371") or their people's
 * full names differ ("Idris Falkenrath" / "Mara Falkenrath"). Unnamed sources (`local`) never join.
 * Everything runs in build order (documents by id, entities in document order), so the result does not depend
 * on how the documents were extracted.
 */
import type { DocumentExtraction, EntityRecord } from '../types';
import type { EntityKind, Evidence, MergeReason } from './schema';
import { normalizeText } from './keys';
import { lexicon } from '../entities/lexicon';

/** Events in articles dated at most this many days apart may be one incident (with a shared place): two weeks, a story's usual run of updates. */
export const NEAR_DAYS = 14;

export interface GroupMember {
  doc: string;
  entity: EntityRecord;
}

/** Why one member joined the rest of its group: the name it matched (`via`) and the rule (`reason`). */
export interface MergeLink extends GroupMember {
  reason: MergeReason;
  via: string;
  /** what besides the name decided it: a shared title or organisation, a place and the articles' dates */
  context?: string;
}

export interface EntityGroup {
  /** in build order */
  members: GroupMember[];
  /** one per join, in build order of the joining member; a group of n members has n - 1 */
  links: MergeLink[];
  /** for a bare surname kept apart: the full-name groups it could be */
  ambiguous: EntityGroup[];
}

/** A name that identifies one entity across articles: not a description ("the agency") nor a pronoun. */
export function isProperName(name: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(name) && !/^(the|a|an|this|that|these|those|he|she|it|they|his|her|its|their)\b/i.test(name);
}

const ORG_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['agency', 'organization', 'media']);
const PERSONISH: ReadonlySet<EntityKind> = new Set<EntityKind>(['person', 'other']);
const HONORIFICS = /^(mr|mrs|ms|dr|sir|dame|prof)$/;

/**
 * A name's designator: its words that carry a digit, each without punctuation ("Kestrel KX-04" gives "kx04",
 * "Flight 370" gives "370"). Taken from the words as written, so "KX-04" and "KY-04" stay different.
 */
export function designatorOf(name: string): string | undefined {
  const parts = name
    .split(/\s+/)
    .filter((w) => /\d/.test(w))
    .map((w) => normalizeText(w).replace(/ /g, ''));
  return parts.length ? parts.join(' ') : undefined;
}

/** A person's name without the titles before it ("mayor idris falkenrath" → core ["idris", "falkenrath"]). */
export function personCore(normal: string): { core: string[]; titles: string[] } {
  const { titles, titleMaxWords } = lexicon();
  const tokens = normal.split(' ').filter(Boolean);
  const found: string[] = [];
  let i = 0;
  outer: while (i < tokens.length - 1) {
    for (let n = Math.min(titleMaxWords, tokens.length - 1 - i); n >= 1; n--) {
      const t = tokens.slice(i, i + n).join(' ');
      if (titles.has(t) || HONORIFICS.test(t)) {
        found.push(t);
        i += n;
        continue outer;
      }
    }
    break;
  }
  return { core: tokens.slice(i), titles: found };
}

/** One document's entity, with the names it may be matched by. */
interface Item {
  doc: string;
  day?: number;
  entity: EntityRecord;
  /** normalised names (a person's without titles): they join within the article */
  names: string[];
  /** the names that may also join another article's entity in pass 1 */
  strong: Set<string>;
  designator?: string;
  /** a person's full names, as "first last" */
  fullNames: Set<string>;
  /** a person's surnames, from every name */
  surnames: Set<string>;
  titles: Set<string>;
}

/** The normalised name an organisation is matched by: without a leading article ("the Port Authority"). */
const orgKey = (normal: string) => normal.replace(/^the /, '');

function itemOf(doc: string, day: number | undefined, entity: EntityRecord): Item {
  const item: Item = {
    doc, ...(day === undefined ? {} : { day }), entity, names: [], strong: new Set(),
    fullNames: new Set(), surnames: new Set(), titles: new Set(),
  };
  if (entity.local) return item;
  const designator = designatorOf(entity.label);
  if (designator) item.designator = designator;
  const names = new Set<string>();
  for (const name of [entity.label, ...entity.aliases.filter(isProperName)]) {
    const key = nameKey(item, name);
    if (!key) continue;
    names.add(key);
    if (isStrong(item, name, key)) item.strong.add(key);
  }
  item.names = [...names];
  return item;
}

/** The normalised key of one of an item's names; a person's also fills in its full names, surnames and titles. */
function nameKey(item: Item, name: string): string {
  if (!PERSONISH.has(item.entity.kind)) return keyOfName(item.entity.kind, name);
  const { core, titles } = personCore(normalizeText(name));
  for (const t of titles) item.titles.add(t);
  const key = core.join(' ');
  // a word for a group of people ("Democrats", "House Democrats") is no one's surname
  if (!key || /\d/.test(key) || lexicon().groupWords.has(core[core.length - 1]!)) return key;
  if (item.entity.kind === 'person' && core.length >= 2) item.fullNames.add(`${core[0]} ${core[core.length - 1]}`);
  // a name of no known kind is a surname only when it is one word ("Tamm", not "Brannock Mining")
  if (item.entity.kind === 'person' || core.length === 1) item.surnames.add(core[core.length - 1]!);
  return key;
}

/** Whether a name identifies its entity well enough to join another article's entity by it alone. */
function isStrong(item: Item, name: string, key: string): boolean {
  if (!isProperName(name)) return false;
  const { kind } = item.entity;
  // an incident noun ("the fire", "attack") is no name; a named event ("Iraq War", "Harbour Strike") is
  if (kind === 'event') return !!item.designator || key.split(' ').length >= 2;
  // a one-word name of a person is a surname, matched in pass 3 ("Democrats", no one's surname, is a name)
  if (kind === 'person' && !key.includes(' ') && item.surnames.has(key)) return false;
  if (item.designator && designatorOf(name) !== item.designator) return false;
  return true;
}

const dayNumber = (iso: string | undefined): number | undefined => {
  const m = iso && /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000 : undefined;
};

/** A group while merging: the union of its items' facts, so that compatibility is one look. */
interface Group {
  id: number;
  items: Item[];
  links: { item: Item; reason: MergeReason; via: string; context?: string }[];
  designators: Set<string>;
  fullNames: Set<string>;
  kinds: Set<EntityKind>;
  ambiguous: Set<number>;
}

/** Union-find over the items' groups; the lower id stays the root, so a join does not depend on which side asked. */
class Merger {
  readonly groups: Group[] = [];
  private readonly parent: number[] = [];
  private readonly groupOfItem = new Map<Item, number>();

  add(item: Item): void {
    const id = this.groups.length;
    this.parent.push(id);
    this.groupOfItem.set(item, id);
    this.groups.push({
      id, items: [item], links: [],
      designators: new Set(item.designator ? [item.designator] : []), fullNames: new Set(item.fullNames),
      kinds: new Set([item.entity.kind]), ambiguous: new Set(),
    });
  }

  find(id: number): number {
    let g = id;
    while (this.parent[g] !== g) g = this.parent[g] = this.parent[this.parent[g]!]!;
    return g;
  }

  of(item: Item): Group {
    return this.groups[this.find(this.groupOfItem.get(item)!)]!;
  }

  root(id: number): Group {
    return this.groups[this.find(id)]!;
  }

  roots(): Group[] {
    return this.groups.filter((g) => this.find(g.id) === g.id);
  }

  /** Distinct current groups of some group ids, in id order, without `self`. */
  distinct(ids: Iterable<number>, self: Group): Group[] {
    return [...new Set([...ids].map((id) => this.find(id)))].filter((id) => id !== self.id).sort((a, b) => a - b).map((id) => this.groups[id]!);
  }

  /** Joins `joining`'s group into `into`, `joining` recording why; false when the two may not be one thing. */
  join(into: Group, joining: Item, reason: MergeReason, via: string, context?: string): boolean {
    const from = this.of(joining);
    if (into === from) return true;
    if (!compatible(into, from)) return false;
    const [root, child] = into.id < from.id ? [into, from] : [from, into];
    this.parent[child.id] = root.id;
    root.items.push(...child.items);
    root.links.push(...child.links, { item: joining, reason, via, ...(context ? { context } : {}) });
    for (const d of child.designators) root.designators.add(d);
    for (const n of child.fullNames) root.fullNames.add(n);
    for (const k of child.kinds) root.kinds.add(k);
    for (const a of child.ambiguous) root.ambiguous.add(a);
    return true;
  }
}

/** Two groups may be one thing unless their designators or full names differ, or an event meets a non-event. */
function compatible(a: Group, b: Group): boolean {
  if (a.designators.size && b.designators.size && ![...a.designators].some((d) => b.designators.has(d))) return false;
  if (a.fullNames.size && b.fullNames.size && ![...a.fullNames].some((n) => b.fullNames.has(n))) return false;
  const event = (g: Group) => g.kinds.has('event');
  const unknown = (g: Group) => [...g.kinds].every((k) => k === 'other');
  return event(a) === event(b) || unknown(a) || unknown(b);
}

const onlyKinds = (g: Group, kinds: ReadonlySet<EntityKind>) => [...g.kinds].every((k) => kinds.has(k));
const namesOf = (g: Group) => [...new Set(g.items.flatMap((i) => i.names))].sort();

/** Pass 1: any shared name within an article, a strong name across articles. */
function joinSameNames(m: Merger, items: Item[]): void {
  const byName = new Map<string, Item[]>();
  for (const item of items) {
    for (const name of item.names) {
      const seen = byName.get(name) ?? [];
      for (const other of seen) {
        if (other.doc !== item.doc && !(item.strong.has(name) && other.strong.has(name))) continue;
        if (m.join(m.of(other), item, 'same-name', labelOf([other], name))) break;
      }
      seen.push(item);
      byName.set(name, seen);
    }
  }
}

/** Pass 2: an organisation's shorter name, the end (two words or more) of exactly one longer organisation name. */
function joinShorterOrgNames(m: Merger): void {
  const orgish = new Set<EntityKind>([...ORG_KINDS, 'other']);
  const isOrg = (g: Group) => onlyKinds(g, orgish) && [...g.kinds].some((k) => ORG_KINDS.has(k));
  const bySuffix = new Map<string, Map<number, string>>();
  for (const g of m.roots().filter(isOrg)) {
    for (const name of namesOf(g)) {
      const tokens = name.split(' ');
      for (let i = 1; i < tokens.length - 1; i++) {
        const at = bySuffix.get(tokens.slice(i).join(' ')) ?? new Map<number, string>();
        if (!at.has(g.id)) at.set(g.id, name);
        bySuffix.set(tokens.slice(i).join(' '), at);
      }
    }
  }
  for (const short of m.roots()) {
    if (m.find(short.id) !== short.id || !onlyKinds(short, orgish)) continue;
    for (const item of short.items) {
      const hit = item.names.map((name) => bySuffix.get(name)).find((at) => at && m.distinct(at.keys(), short).length === 1);
      if (!hit) continue;
      const longer = m.distinct(hit.keys(), short)[0]!;
      const via = [...hit].find(([id]) => m.find(id) === longer.id)![1];
      if (m.join(longer, item, 'shorter-name', labelOf(longer.items, via))) break;
    }
  }
}

/**
 * Pass 2, people: a full name without the middle ("Rhea Voss") joins the one person named with a middle name
 * or initial and the same first and last ("Rhea K. Voss"); two such ("George H. W." and "George W.") keep it apart.
 */
function joinShorterPersonNames(m: Merger): void {
  const withMiddle = new Map<string, number[]>();
  for (const g of m.roots()) {
    if (!g.kinds.has('person')) continue;
    for (const name of namesOf(g)) {
      const core = name.split(' ');
      if (core.length >= 3) withMiddle.set(`${core[0]} ${core[core.length - 1]}`, [...(withMiddle.get(`${core[0]} ${core[core.length - 1]}`) ?? []), g.id]);
    }
  }
  for (const short of m.roots()) {
    if (m.find(short.id) !== short.id || !short.kinds.has('person')) continue;
    const item = short.items.find((i) => i.names.some((n) => n.split(' ').length === 2 && m.distinct(withMiddle.get(n) ?? [], short).length === 1));
    if (!item) continue;
    const name = item.names.find((n) => n.split(' ').length === 2 && m.distinct(withMiddle.get(n) ?? [], short).length === 1)!;
    const longer = m.distinct(withMiddle.get(name)!, short)[0]!;
    const via = longer.items.flatMap((i) => [i.entity.label, ...i.entity.aliases]).find((n) => {
      const core = keyOfName('person', n).split(' ');
      return core.length >= 3 && `${core[0]} ${core[core.length - 1]}` === name;
    });
    m.join(longer, item, 'shorter-name', via ?? displayLabel(longer.items.map((i) => i.entity)));
  }
}

/** The label of the first item that bears a normalised name, for saying which name was matched. */
function labelOf(items: Item[], name: string): string {
  const item = items.find((i) => i.names.includes(name));
  if (!item) return name;
  return [item.entity.label, ...item.entity.aliases].find((n) => keyOfName(item.entity.kind, n) === name) ?? item.entity.label;
}

/** The normalised key a name of this kind is matched by: a person's without titles, an organisation's without "the". */
function keyOfName(kind: EntityKind, name: string): string {
  const normal = normalizeText(name);
  if (PERSONISH.has(kind)) return personCore(normal).core.join(' ');
  return ORG_KINDS.has(kind) ? orgKey(normal) : normal;
}

/** Organisations a person works for or leads, by the documents' `employs` and `leads` relations. */
function orgLinksOf(extractions: DocumentExtraction[], itemsOfDoc: Map<string, Map<string, Item>>): [Item, Item][] {
  const links: [Item, Item][] = [];
  for (const { doc, relations } of extractions) {
    const ofDoc = itemsOfDoc.get(doc.id)!;
    for (const r of relations) {
      if (r.kind !== 'employs' && r.kind !== 'leads') continue;
      const a = ofDoc.get(r.source);
      const b = ofDoc.get(r.target);
      if (!a || !b) continue;
      const [org, person] = ORG_KINDS.has(a.entity.kind) ? [a, b] : [b, a];
      if (ORG_KINDS.has(org.entity.kind) && PERSONISH.has(person.entity.kind)) links.push([person, org]);
    }
  }
  return links;
}

/** Pass 3: bare surnames and title + surname, to the one person named in full, by context when several are. */
function joinSurnames(m: Merger, orgLinks: [Item, Item][]): void {
  const orgsOf = (g: Group) => new Set(orgLinks.filter(([p]) => m.of(p) === g).map(([, o]) => m.of(o).id));
  const titlesOf = (g: Group) => new Set(g.items.flatMap((i) => [...i.titles]));
  const fullBySurname = new Map<string, number[]>();
  for (const g of m.roots()) {
    for (const n of g.fullNames) {
      const surname = n.slice(n.lastIndexOf(' ') + 1);
      fullBySurname.set(surname, [...(fullBySurname.get(surname) ?? []), g.id]);
    }
  }
  const ctx: Context = { orgsOf, titlesOf, bareBySurname: new Map(), ambiguousBySurname: new Map() };
  for (const bare of m.roots()) {
    if (m.find(bare.id) !== bare.id || bare.fullNames.size || !onlyKinds(bare, PERSONISH)) continue;
    if (bare.items.every((i) => i.entity.local)) continue;
    for (const item of bare.items) {
      if (joinBare(m, bare, item, fullBySurname, ctx)) break;
    }
  }
}

interface Context {
  orgsOf: (g: Group) => Set<number>;
  titlesOf: (g: Group) => Set<string>;
  /** the first group of a bare surname nobody is named in full with */
  bareBySurname: Map<string, Group>;
  /** the first group of a bare surname several people bear, undecided */
  ambiguousBySurname: Map<string, Group>;
}

/** One bare-name item's surnames tried in turn; true once its group joined another. */
function joinBare(m: Merger, bare: Group, item: Item, fullBySurname: Map<string, number[]>, ctx: Context): boolean {
  const { bareBySurname, ambiguousBySurname } = ctx;
  for (const surname of [...item.surnames].sort()) {
    const full = m.distinct(fullBySurname.get(surname) ?? [], bare);
    if (full.length === 1) {
      if (m.join(full[0]!, item, 'surname', fullNameOf(full[0]!, surname))) return true;
      continue;
    }
    if (full.length > 1) {
      const picked = pickByContext(m, bare, full, ctx);
      if (picked && m.join(picked.g, item, 'surname-context', fullNameOf(picked.g, surname), picked.why)) return true;
      for (const g of full) bare.ambiguous.add(g.id);
      // one node for the undecided surname, not one per article: it names everyone it could be
      const first = ambiguousBySurname.get(surname);
      if (!first) ambiguousBySurname.set(surname, bare);
      else if (m.join(m.root(first.id), item, 'same-name', labelOf(first.items, surname))) return true;
      continue;
    }
    // nobody is named in full with it: the same bare surname of a person in several articles is one person
    if (!bare.kinds.has('person')) continue;
    const first = bareBySurname.get(surname);
    if (!first) bareBySurname.set(surname, bare);
    else if (m.join(m.root(first.id), item, 'same-name', labelOf(first.items, surname))) return true;
  }
  return false;
}

/** Of several people with one surname, the only one sharing the bare name's title or organisation. */
function pickByContext(m: Merger, bare: Group, full: Group[], ctx: Context): { g: Group; why: string } | undefined {
  const titles = ctx.titlesOf(bare);
  const orgs = ctx.orgsOf(bare);
  const matches = full.flatMap((g) => {
    const title = [...ctx.titlesOf(g)].sort().find((t) => titles.has(t));
    const org = [...ctx.orgsOf(g)].sort((a, b) => a - b).find((id) => orgs.has(id));
    const why = title ? `both titled ${title}` : org !== undefined ? `both of ${displayLabel(m.root(org).items.map((i) => i.entity))}` : undefined;
    return why ? [{ g, why }] : [];
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** The full name, as written, of a group's person with this surname. */
function fullNameOf(g: Group, surname: string): string {
  for (const item of g.items) {
    for (const name of [item.entity.label, ...item.entity.aliases]) {
      const { core } = personCore(normalizeText(name));
      if (core.length >= 2 && core[core.length - 1] === surname) return name;
    }
  }
  return displayLabel(g.items.map((i) => i.entity));
}

/** Places an event is at: its `located_in` places and the places of the claims about it. */
function placesOf(ex: DocumentExtraction, item: Item, ofDoc: Map<string, Item>): Item[] {
  const places: Item[] = [];
  const add = (id: string) => {
    const place = ofDoc.get(id);
    if (place && (place.entity.kind === 'place' || place.entity.kind === 'spacecraft') && !places.includes(place)) places.push(place);
  };
  for (const r of ex.relations) if (r.kind === 'located_in' && r.source === item.entity.id) add(r.target);
  for (const c of ex.claims) if (c.about.includes(item.entity.id)) c.about.forEach(add);
  return places;
}

/** Pass 4: events that are one incident: the same designator, or a shared name and place in articles dated near. */
function joinIncidents(m: Merger, items: Item[], extractions: DocumentExtraction[], itemsOfDoc: Map<string, Map<string, Item>>): void {
  const byId = new Map(extractions.map((e) => [e.doc.id, e] as const));
  const events = items.filter((i) => i.entity.kind === 'event' && !i.entity.local);
  const places = new Map(events.map((e) => [e, placesOf(byId.get(e.doc)!, e, itemsOfDoc.get(e.doc)!)] as const));
  const sameIncident = (a: Item, b: Item): { via: string; context: string } | undefined => {
    if (a.designator && a.designator === b.designator) return { via: a.entity.label, context: `designator ${a.designator}` };
    if (a.designator || b.designator) return undefined;
    const shared = a.names.find((n) => b.names.includes(n));
    if (!shared || a.day === undefined || b.day === undefined || Math.abs(a.day - b.day) > NEAR_DAYS) return undefined;
    const place = places.get(a)!.find((pa) => places.get(b)!.some((pb) => m.of(pa) === m.of(pb)));
    const days = Math.abs(a.day - b.day);
    return place && { via: labelOf([a], shared), context: `both at ${place.entity.label}, articles ${days} day${days === 1 ? '' : 's'} apart` };
  };
  // only events that share a name or a designator can be one incident: compare within those buckets
  const earlier = new Map<string, Item[]>();
  const rank = new Map(events.map((e, i) => [e, i] as const));
  for (const b of events) {
    const keys = [...b.names, ...(b.designator ? [`#${b.designator}`] : [])];
    const candidates = [...new Set(keys.flatMap((k) => earlier.get(k) ?? []))].sort((x, y) => rank.get(x)! - rank.get(y)!);
    for (const a of candidates) {
      if (a.doc === b.doc || m.of(a) === m.of(b)) continue;
      const why = sameIncident(a, b);
      if (why && m.join(m.of(a), b, 'same-incident', why.via, why.context)) break;
    }
    for (const k of keys) earlier.set(k, [...(earlier.get(k) ?? []), b]);
  }
}

/**
 * Groups the entities of all documents (given in build order) that name the same thing; unnamed sources stay
 * one per document. `groupOf` maps each document id to its entities' groups by entity id.
 */
export function groupEntities(extractions: DocumentExtraction[]): { groups: EntityGroup[]; groupOf: Map<string, Map<string, EntityGroup>> } {
  const m = new Merger();
  const items: Item[] = [];
  const itemsOfDoc = new Map<string, Map<string, Item>>();
  for (const { doc, entities } of extractions) {
    const ofDoc = new Map<string, Item>();
    itemsOfDoc.set(doc.id, ofDoc);
    for (const entity of entities) {
      const item = itemOf(doc.id, dayNumber(doc.date), entity);
      items.push(item);
      ofDoc.set(entity.id, item);
      m.add(item);
    }
  }
  joinSameNames(m, items);
  joinShorterOrgNames(m);
  joinShorterPersonNames(m);
  joinSurnames(m, orgLinksOf(extractions, itemsOfDoc));
  joinIncidents(m, items, extractions, itemsOfDoc);
  return publish(m, items, itemsOfDoc);
}

/** The caller's view: groups in the order of their first member, members and links in build order. */
function publish(m: Merger, items: Item[], itemsOfDoc: Map<string, Map<string, Item>>): ReturnType<typeof groupEntities> {
  const order = new Map(items.map((it, i) => [it, i] as const));
  const out = new Map<Group, EntityGroup>();
  const roots = m.roots();
  for (const g of roots) {
    const sorted = [...g.items].sort((x, y) => order.get(x)! - order.get(y)!);
    const links = [...g.links].sort((x, y) => order.get(x.item)! - order.get(y.item)!);
    out.set(g, {
      members: sorted.map((i) => ({ doc: i.doc, entity: i.entity })),
      links: links.map((l) => ({ doc: l.item.doc, entity: l.item.entity, reason: l.reason, via: l.via, ...(l.context ? { context: l.context } : {}) })),
      ambiguous: [],
    });
  }
  for (const g of roots) out.get(g)!.ambiguous = m.distinct(g.ambiguous, g).map((a) => out.get(a)!);
  const groupOf = new Map<string, Map<string, EntityGroup>>();
  for (const [doc, ofDoc] of itemsOfDoc) groupOf.set(doc, new Map([...ofDoc].map(([id, item]) => [id, out.get(m.of(item))!] as const)));
  return { groups: roots.map((g) => out.get(g)!), groupOf };
}

/** Picks the value seen most often; ties go to the longer, then the alphabetically first, so the pick is stable. */
export function mostCommon<T extends string>(values: T[]): T {
  if (values.length === 1) return values[0]!;
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

/**
 * A group's label: the most common of its fullest names. A person's label is a full name when any member
 * has one ("Idris Falkenrath", not the later articles' "Falkenrath"); any other label that is the end of
 * another member's ("Port Authority" of "Northport Port Authority") gives way to the longer one.
 */
export function displayLabel(entities: EntityRecord[]): string {
  const labels = entities.map((e) => e.label);
  const persons = entities.filter((e) => e.kind === 'person' && personCore(normalizeText(e.label)).core.length >= 2);
  if (persons.length) return mostCommon(persons.map((e) => e.label));
  // each distinct label once: a group of a name said in hundreds of articles has few distinct labels
  const normals = [...new Set(labels.map((l) => normalizeText(l)))];
  const isEndOfAnother = (label: string) => {
    const w = normalizeText(label);
    return normals.some((other) => other.length > w.length && other.endsWith(` ${w}`));
  };
  const fullest = labels.filter((l) => !isEndOfAnother(l));
  return mostCommon(fullest.length ? fullest : labels);
}

/** A group's kind: the most common, where a kind the text gave evidence of wins over `other`. */
export function groupKind(members: GroupMember[]): EntityKind {
  const kinds = members.map((m) => m.entity.kind);
  const known = kinds.filter((k) => k !== 'other');
  return mostCommon(known.length ? known : kinds);
}

/** The first mention of a member, as evidence of the name it brought. */
export function memberEvidence(m: GroupMember): Evidence[] {
  const first = [...m.entity.mentions].sort((a, b) => a.start - b.start || a.end - b.end)[0];
  return first ? [{ doc: m.doc, start: first.start, end: first.end }] : [];
}
