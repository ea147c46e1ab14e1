/**
 * claimgraph query: the terminal rendering of every query result (tables and short headings).
 * Takes result values, returns text; the CLI decides where it goes.
 */
import type { AboutClaim, ClaimRow, DisputeRow, EdgeDirection, EntityReport, EvidenceRow, GraphStats, MergeRow, NeighborRow, NodeRef, PathResult, SpeakerRow } from '../types';
import { ATTRIBUTIONS } from '../attributions';
import { formatTable, type Column, type TableOptions } from './table';

export type RenderOptions = TableOptions;

/** A table, or "(none)" when it has no rows: an empty header says less than a word. */
function tableOrNone(columns: Column[], rows: string[][], options: TableOptions): string {
  return rows.length ? formatTable(columns, rows, options) : '(none)';
}

/** An edge as an arrow read from the row's own node: `-kind->`, `<-kind-` or `-kind-`. */
export function arrow(kind: string, direction: EdgeDirection): string {
  return direction === 'out' ? `-${kind}->` : direction === 'in' ? `<-${kind}-` : `-${kind}-`;
}

const where = (e: EvidenceRow) => `${e.doc}:${e.start}`;

/** One line per evidence (at least one), the row's own cells on the first line only. */
function withEvidence(first: string[], evidence: EvidenceRow[], cells: (e: EvidenceRow) => string[]): string[][] {
  if (!evidence.length) return [[...first, ...cells({ doc: '', start: 0, end: 0, quote: '', sentence: '' }).map(() => '')]];
  return evidence.map((e, i) => [...(i === 0 ? first : first.map(() => '')), ...cells(e)]);
}

const heading = (title: string, count: number) => `\n${title} (${count})`;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The model's confidence, with a mark for a belief (b) or a direct quotation (q); blank for an outlet's report. */
function confidenceCell(r: ClaimRow): string {
  if (r.confidence === undefined) return '';
  return `${r.confidence.toFixed(2)}${r.belief ? ' b' : ''}${r.quoted === 'direct' ? ' q' : ''}`;
}

/** A row's date, or a word saying its article has none (a blank cell would read as a continuation line). */
const dateCell = (r: ClaimRow) => r.date ?? (r.doc === null ? '' : 'undated');

export function renderClaims(rows: ClaimRow[], options: RenderOptions = {}): string {
  const columns = [{ header: 'DATE' }, { header: 'SPEAKER' }, { header: 'STANCE' }, { header: 'CONF' }, { header: 'CLAIM', text: true }, { header: 'ARTICLE', text: true }, { header: 'WHERE' }, { header: 'EVIDENCE SENTENCE', text: true }];
  const lines = rows.flatMap((r) => withEvidence([dateCell(r), r.speaker.label, r.stance, confidenceCell(r), r.claim.text, r.title ?? ''], r.evidence, (e) => [where(e), e.sentence]));
  return formatTable(columns, lines, options);
}

/**
 * Two lines (and their evidence lines) per pair of speakers: the dispute's number and reason on the first
 * side, `vs` on the second, each side with its date, speaker, stance, claim, article and sentence.
 */
export function renderDisputes(rows: DisputeRow[], options: RenderOptions = {}): string {
  const columns = [{ header: '#', align: 'right' as const }, { header: 'REASON' }, { header: 'DATE' }, { header: 'SPEAKER', text: true }, { header: 'STANCE' }, { header: 'CLAIM', text: true }, { header: 'ARTICLE', text: true }, { header: 'WHERE' }, { header: 'EVIDENCE SENTENCE', text: true }];
  const lines = rows.flatMap((row, i) =>
    row.sides.flatMap((side, s) =>
      withEvidence([s === 0 ? String(i + 1) : '', s === 0 ? row.reason : 'vs', dateCell(side), side.speaker.label, side.stance, side.claim.text, side.title ?? ''], side.evidence, (e) => [where(e), e.sentence]),
    ),
  );
  return formatTable(columns, lines, options);
}

const sources = (claim: AboutClaim) => claim.attributions.map((a) => `${a.speaker.label} ${a.stance}`).join('; ') || '(no source)';

/** A merge's reason with what else decided it: `surname-context: both titled mayor`. */
const why = (m: MergeRow) => (m.context ? `${m.reason}: ${m.context}` : m.reason);

/** Why names from other articles are this node; nothing for a node that no merge made. */
function mergedSection(report: EntityReport, options: RenderOptions): string[] {
  const parts: string[] = [];
  if (report.ambiguous.length) parts.push(`kept apart: the surname could be ${report.ambiguous.map(describe).join(' or ')}`);
  if (!report.merged.length) return parts;
  parts.push(heading('Merged names', report.merged.length));
  const columns = [{ header: 'NAME', text: true }, { header: 'REASON', text: true }, { header: 'MATCHED', text: true }, { header: 'WHERE' }, { header: 'SENTENCE', text: true }];
  parts.push(formatTable(columns, report.merged.flatMap((m) => withEvidence([m.name, why(m), m.via], m.evidence, (e) => [where(e), e.sentence])), options));
  return parts;
}

export function renderEntity(report: EntityReport, options: RenderOptions = {}): string {
  const { entity } = report;
  const parts = [
    `${entity.label} (${entity.kind}, ${entity.key})`,
    `aliases: ${report.aliases.length ? report.aliases.join('; ') : '(none)'}`,
    ...mergedSection(report, options),
    heading('Mentions', report.mentions.length),
  ];
  parts.push(tableOrNone([{ header: 'WHERE' }, { header: 'TEXT' }, { header: 'SENTENCE', text: true }], report.mentions.map((m) => [where(m), m.quote, m.sentence]), options));
  parts.push(heading('Claims made', report.claimsMade.length));
  parts.push(
    tableOrNone(
      [{ header: 'DATE' }, { header: 'STANCE' }, { header: 'CLAIM', text: true }, { header: 'WHERE' }, { header: 'EVIDENCE SENTENCE', text: true }],
      report.claimsMade.flatMap((r) => withEvidence([dateCell(r), r.stance, r.claim.text], r.evidence, (e) => [where(e), e.sentence])),
      options,
    ),
  );
  parts.push(heading('Claims about it', report.claimsAbout.length));
  parts.push(tableOrNone([{ header: 'CLAIM', text: true }, { header: 'SOURCES', text: true }, { header: 'WHERE' }], report.claimsAbout.map((c) => [c.claim.text, sources(c), c.evidence[0] ? where(c.evidence[0]) : '']), options));
  parts.push(heading('Relations', report.relations.length));
  parts.push(
    tableOrNone(
      [{ header: 'RELATION' }, { header: 'OTHER' }, { header: 'WHERE' }, { header: 'EVIDENCE SENTENCE', text: true }],
      report.relations.flatMap((r) => withEvidence([arrow(r.kind, r.direction), describe(r.other)], r.evidence, (e) => [where(e), e.sentence])),
      options,
    ),
  );
  return parts.join('\n');
}

const describe = (n: NodeRef) => `${n.label} (${n.kind})`;

export function renderNeighbors(rows: NeighborRow[], options: RenderOptions = {}): string {
  const columns = [{ header: 'DEPTH', align: 'right' as const }, { header: 'FROM', text: true }, { header: 'EDGE' }, { header: 'NODE', text: true }, { header: 'KIND' }, { header: 'EVIDENCE SENTENCE', text: true }];
  return formatTable(
    columns,
    rows.map((r) => [String(r.depth), r.via.from.label, arrow(r.via.kind, r.via.direction), r.node.label, r.node.kind, r.via.evidence[0]?.sentence ?? '']),
    options,
  );
}

export function renderPath(result: PathResult, options: RenderOptions = {}): string {
  const title = `${describe(result.from)} to ${describe(result.to)}: ${count(result.steps.length, 'step')}`;
  const columns = [{ header: 'STEP', align: 'right' as const }, { header: 'FROM', text: true }, { header: 'EDGE' }, { header: 'TO', text: true }, { header: 'WHERE' }, { header: 'EVIDENCE SENTENCE', text: true }];
  const rows = result.steps.flatMap((s, i) => withEvidence([String(i + 1), s.from.label, arrow(s.kind, s.direction), s.to.label], s.evidence, (e) => [where(e), e.sentence]));
  return `${title}\n\n${formatTable(columns, rows, options)}`;
}

export function renderSpeakers(rows: SpeakerRow[], options: RenderOptions = {}): string {
  const columns = [{ header: 'SPEAKER', text: true }, { header: 'KIND' }, { header: 'TOTAL', align: 'right' as const }, ...ATTRIBUTIONS.map((a) => ({ header: a.toUpperCase(), align: 'right' as const }))];
  return formatTable(columns, rows.map((r) => [r.speaker.label, r.speaker.kind, String(r.total), ...ATTRIBUTIONS.map((a) => String(r.stances[a]))]), options);
}

export function renderStats(stats: GraphStats, options: RenderOptions = {}): string {
  const counts = (byKind: Record<string, number>) => formatTable([{ header: 'KIND' }, { header: 'COUNT', align: 'right' }], Object.entries(byKind).map(([k, n]) => [k, String(n)]), options);
  const central = (rows: GraphStats['central']['byDegree']) =>
    formatTable(
      [{ header: 'RANK', align: 'right' }, { header: 'ENTITY', text: true }, { header: 'KIND' }, { header: 'DEGREE', align: 'right' }, { header: 'PAGERANK', align: 'right' }],
      rows.map((r, i) => [String(i + 1), r.label, r.kind, String(r.degree), r.pagerank.toFixed(4)]),
      options,
    );
  const { communities } = stats;
  return [
    `${count(stats.documents, 'document')}, ${count(stats.nodes.total, 'node')}, ${count(stats.edges.total, 'edge')}`,
    heading('Nodes by kind', stats.nodes.total),
    counts(stats.nodes.byKind),
    heading('Edges by kind', stats.edges.total),
    counts(stats.edges.byKind),
    heading('Most central entities by degree', stats.central.byDegree.length),
    central(stats.central.byDegree),
    heading('Most central entities by PageRank', stats.central.byPagerank.length),
    central(stats.central.byPagerank),
    `\nCommunities (Louvain): ${communities.count}, modularity ${communities.modularity.toFixed(3)}; the largest:`,
    formatTable(
      [{ header: 'ID', align: 'right' }, { header: 'SIZE', align: 'right' }, { header: 'ENTITIES', align: 'right' }, { header: 'CLAIMS', align: 'right' }, { header: 'TOP ENTITIES', text: true }],
      communities.largest.map((c) => [String(c.id), String(c.size), String(c.entities), String(c.claims), c.top.map((n) => n.label).join(', ')]),
      options,
    ),
  ].join('\n');
}
