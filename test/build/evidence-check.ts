/**
 * Test helper: checks that every evidence span of a built graph lies inside its document and says what its
 * node or edge claims (a name or alias, a pronoun, the claim's text, a reporting cue, words of a relation).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normalizeText } from '../../src/graph/keys';
import { RELATION_KINDS, STANCE_KINDS, type SerializedClaimGraph } from '../../src/graph/schema';

const ROOT = join(__dirname, '..', '..');
const PRONOUNS = new Set('he she it they him her them his hers its their theirs we us our ours i me my you your yourself himself herself itself themselves ourselves who whom whose which that this these those'.split(' '));

/** Every string of a JSON value (object keys included), lower case. */
function strings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value.toLowerCase());
  else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, into.add(k.toLowerCase()));
  return into;
}

const readData = (stage: string): Record<string, unknown> => {
  const file = join(ROOT, 'src', stage, 'data', 'cues.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
};

/** Sections of src/claims/data/cues.json that hold reporting cues (the file also holds other word lists). */
const CLAIM_CUE_SECTIONS = ['verbs', 'particleVerbs', 'according', 'framePhrases', 'contentModifiers'];
/** Used when the claim stage's data has none of those sections (renamed, or not written yet). */
const FALLBACK_CUES = ['say', 'tell', 'according to', 'deny', 'confirm', 'question', 'report', 'add', 'state', 'claim', 'write'];

/** Reporting cues: verb lemmas and phrases of the claim stage's lexicon. */
function claimCueVocabulary(): Set<string> {
  const data = readData('claims');
  const words = new Set<string>();
  for (const section of CLAIM_CUE_SECTIONS) {
    const value = data[section];
    // a section that maps cues to their settings lists the cues as keys; a list lists them as items
    if (Array.isArray(value)) strings(value, words);
    else if (value && typeof value === 'object') for (const k of Object.keys(value)) words.add(k.toLowerCase());
  }
  return words.size ? words : new Set(FALLBACK_CUES);
}

/** Relation cues: every word list of the relation stage's lexicon. */
function relationCueVocabulary(): Set<string> {
  const words = new Set<string>();
  for (const [key, value] of Object.entries(readData('relations'))) if (Array.isArray(value) && !key.startsWith('_')) strings(value, words);
  return words;
}

let nlp: ReturnType<typeof winkNLP> | undefined;
/** Lemmas of a span's words ("said" → "say"), by the project's own NLP model. */
function lemmas(text: string): string[] {
  nlp ??= winkNLP(model);
  return nlp.readDoc(text).tokens().out(nlp.its.lemma as unknown as typeof nlp.its.value) as string[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const wordsOf = (s: string) => new Set(normalizeText(s).split(' ').filter((w) => w.length > 1));

/** A reporting cue: the span's words, lemmas or phrase appear in the claim stage's cue data. */
function isCue(span: string, vocabulary: Set<string>): boolean {
  const lower = collapse(span).toLowerCase();
  if (!lower || lower.split(' ').length > 6) return false;
  if (vocabulary.has(lower)) return true;
  const ls = lemmas(lower).map((l) => l.toLowerCase());
  if (vocabulary.has(ls.join(' '))) return true;
  return [...lower.split(/[^\p{L}']+/u), ...ls].some((w) => w.length > 1 && vocabulary.has(w));
}

/** Every problem found, as one line each; an empty list means the graph's evidence is sound. */
export function evidenceProblems(graph: SerializedClaimGraph): string[] {
  const problems: string[] = [];
  const texts = new Map(graph.attributes.documents.map((d) => [d.id, d.text]));
  const nodes = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const claimCues = claimCueVocabulary();
  const relationCues = relationCueVocabulary();
  const spanOf = (where: string, e: { doc: string; start: number; end: number }): string | undefined => {
    const text = texts.get(e.doc);
    if (text === undefined) return void problems.push(`${where}: unknown document ${e.doc}`);
    if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end && e.end <= text.length)) {
      return void problems.push(`${where}: span ${e.start}-${e.end} is empty or outside ${e.doc} (length ${text.length})`);
    }
    return text.slice(e.start, e.end);
  };

  // a paraphrase joined to a claim node keeps its own words on its speaker's stance edge, beside the cue
  const sameSpan = (a: { doc: string; start: number; end: number }) => (b: { doc: string; start: number; end: number }) => a.doc === b.doc && a.start === b.start && a.end === b.end;
  const wordingsOf = new Map<string, { doc: string; start: number; end: number }[]>();
  for (const edge of graph.edges) {
    if (!(STANCE_KINDS as readonly string[]).includes(edge.attributes.kind)) continue;
    const claim = nodes.get(edge.target);
    const spans = edge.attributes.evidence.filter((e) => claim?.evidence.some(sameSpan(e)));
    wordingsOf.set(edge.target, [...(wordingsOf.get(edge.target) ?? []), ...spans]);
  }

  for (const { key, attributes: node } of graph.nodes) {
    for (const e of node.evidence) {
      const span = spanOf(`node ${key}`, e);
      if (span === undefined) continue;
      if (node.kind === 'claim') {
        const paraphrase = wordingsOf.get(key)?.some(sameSpan(e));
        // a quotation split around its frame is one claim of several parts, its text the parts joined by " … "
        const ownParts = [node.text, ...node.text.split(' … ')].map(normalizeText);
        if (!paraphrase && !ownParts.includes(normalizeText(span))) problems.push(`node ${key}: evidence "${span}" is not the claim text "${node.text}" nor a part of it`);
      } else {
        const names = new Set([node.label, ...node.aliases].map(collapse));
        const said = collapse(span);
        if (!names.has(said) && !PRONOUNS.has(said.toLowerCase())) problems.push(`node ${key} (${node.label}): evidence "${said}" is neither its label, an alias nor a pronoun`);
      }
    }
  }
  graph.edges.forEach((edge, i) => {
    const where = `edge ${edge.key ?? i} (${edge.attributes.kind})`;
    const kind = edge.attributes.kind;
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    for (const e of edge.attributes.evidence) {
      const span = spanOf(where, e);
      if (span === undefined) continue;
      if ((STANCE_KINDS as readonly string[]).includes(kind) && target?.evidence.some(sameSpan(e))) {
        // the speaker's own wording of a paraphrase: it must not be the node's wording, or it would be only a cue
        if (normalizeText(span) === normalizeText(String(target.text ?? ''))) problems.push(`${where}: evidence "${span}" repeats the claim's own text`);
      } else if ((STANCE_KINDS as readonly string[]).includes(kind) || kind === 'reported') {
        if (!isCue(span, claimCues)) problems.push(`${where}: evidence "${span}" is not a reporting cue`);
      } else if (kind === 'about') {
        const claimSpans = source?.evidence ?? [];
        if (!claimSpans.some((c) => c.doc === e.doc && c.start === e.start && c.end === e.end)) problems.push(`${where}: evidence "${span}" is not a span of its claim`);
      } else if ((RELATION_KINDS as readonly string[]).includes(kind)) {
        const said = wordsOf(span);
        const names = (n: typeof source) => (n ? [n.label, ...n.aliases].flatMap((a) => [...wordsOf(a)]) : []);
        const mentionsBoth = names(source).some((w) => said.has(w)) && names(target).some((w) => said.has(w));
        if (!mentionsBoth && !isCue(span, relationCues)) problems.push(`${where}: evidence "${span}" names neither both ends nor a relation cue`);
      }
    }
  });
  return problems;
}

/** How many spans the graph holds: a test over a graph with none would prove nothing. */
export function evidenceCount(graph: SerializedClaimGraph): number {
  return graph.nodes.reduce((n, x) => n + x.attributes.evidence.length, 0) + graph.edges.reduce((n, x) => n + x.attributes.evidence.length, 0);
}
