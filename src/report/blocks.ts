/**
 * claimgraph report: the brief laid out as blocks (headings, paragraphs, nested lists of inline runs), the one
 * structure that the Markdown and HTML writers both serialise, each with its own escaping.
 */
import type { Attribution } from '../query';
import { sentenceHref } from './links';
import type { Brief, Citation, DisputeItem, SpeakerSection, StanceLine } from './model';

/** A run of text: plain, strong, or a link (`local`: to an anchor of the brief itself, which Markdown shows as text). */
export interface Inline {
  text: string;
  strong?: boolean;
  href?: string;
  local?: boolean;
}

export interface Item {
  content: Inline[];
  children?: Item[];
  /** an anchor other lines link to (HTML only) */
  id?: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Item[] };

const STANCE_TITLES: Record<Attribution, string> = { stated: 'Stated', denied: 'Denied', questioned: 'Questioned', confirmed: 'Confirmed', reported: 'Reported' };

const REASONS: Record<string, string> = {
  'opposite-stance': 'opposite stances on one claim',
  negation: 'a claim and its negation',
  rejection: 'a claim rejected',
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const text = (value: string): Inline => ({ text: value });

/** The anchor of an article's entry in the Articles section. */
export const articleAnchor = (doc: string) => `article-${doc.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;

/** Where a line's words stand: the article (linked), its date, the span (linked to the article's entry), the sentence. */
function citation(c: Citation): Item {
  const content: Inline[] = [
    c.href ? { text: c.title, href: c.href } : text(c.title),
    text(`, ${c.date ?? 'undated'}, `),
    { text: `${c.doc}:${c.start}–${c.end}`, href: `#${articleAnchor(c.doc)}`, local: true },
    text(': '),
    c.href ? { text: `“${c.sentence}”`, href: sentenceHref(c.href, c.sentence) } : text(`“${c.sentence}”`),
  ];
  return { content };
}

const withCitations = (content: Inline[], line: StanceLine): Item => ({ content, children: line.citations.map(citation) });

/** A line that names its speaker: "**NAME** stated: CLAIM". */
const spokenLine = (line: StanceLine): Item => withCitations([{ text: line.speaker.label, strong: true }, text(` ${line.stance}: ${line.claim}`)], line);

function speakerBlocks(section: SpeakerSection): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: `${section.speaker.label} (${section.speaker.kind})` }];
  for (const group of section.groups) {
    blocks.push({ kind: 'paragraph', content: [{ text: `${STANCE_TITLES[group.stance]} (${group.lines.length})`, strong: true }] });
    blocks.push({ kind: 'list', items: group.lines.map((l) => withCitations([text(l.claim)], l)) });
  }
  return blocks;
}

function disputeBlocks(d: DisputeItem, n: number): Block[] {
  const [a, b] = d.sides;
  return [
    { kind: 'heading', level: 3, text: `${n}. ${a.speaker.label} vs ${b.speaker.label}` },
    { kind: 'paragraph', content: [text(`${d.date ?? 'undated'}: ${REASONS[d.reason] ?? d.reason} (${d.reason})`)] },
    { kind: 'list', items: d.sides.map(spokenLine) },
  ];
}

/** A section: its heading, then its blocks, or a sentence saying it is empty. */
const section = (title: string, blocks: Block[], none: string): Block[] => [
  { kind: 'heading', level: 2, text: title },
  ...(blocks.length ? blocks : [{ kind: 'paragraph' as const, content: [text(none)] }]),
];

/** What a brief holds: "3 articles, 8 speakers, 8 claims, 4 disputes" (with `span`, the articles' dates after the first). */
export function describeCounts(counts: Brief['counts'], span: Brief['span'] = null): string {
  const when = span ? (span.from === span.until ? `, ${span.from}` : `, ${span.from} to ${span.until}`) : '';
  return `${plural(counts.articles, 'article')}${when}${span ? ';' : ','} ${plural(counts.speakers, 'speaker')}, ${plural(counts.claims, 'claim')}, ${plural(counts.disputes, 'dispute')}`;
}

const summary = (brief: Brief): Inline[] => [text(`${describeCounts(brief.counts, brief.span)}.`)];

const subject = (brief: Brief) => (brief.about ? ` about ${brief.about.label}` : '');

/** The whole brief as blocks: title, summary, speakers, disputes, timeline, articles. */
export function briefBlocks(brief: Brief): Block[] {
  const articles: Item[] = brief.articles.map((a) => ({
    id: articleAnchor(a.id),
    content: [text(`${a.date ?? 'undated'}: `), a.href ? { text: a.title, href: a.href } : text(a.title), text(` (${[a.id, a.source, a.path].filter(Boolean).join(', ')})`)],
  }));
  return [
    { kind: 'heading', level: 1, text: brief.title },
    { kind: 'paragraph', content: summary(brief) },
    ...section('Speakers', brief.speakers.flatMap(speakerBlocks), `No speaker took a stance on a claim${subject(brief)}.`),
    ...section('Disputes', brief.disputes.flatMap((d, i) => disputeBlocks(d, i + 1)), `No two speakers take opposite sides of a claim${subject(brief)}.`),
    ...section('Timeline', brief.timeline.flatMap((day): Block[] => [{ kind: 'heading', level: 3, text: day.date ?? 'Undated' }, { kind: 'list', items: day.lines.map(spokenLine) }]), `No claims${subject(brief)}.`),
    ...section('Articles', articles.length ? [{ kind: 'list', items: articles }] : [], 'No articles.'),
  ];
}

/** Text on one line: control characters and line breaks become spaces, runs of white space one space. */
export const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ');
