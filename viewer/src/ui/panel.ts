/**
 * The side panel for the selected node: kind, label, aliases; for an entity its claims grouped by stance,
 * the speakers it disputes with, the claims about it and its relations; for a claim its speakers with stance,
 * the disputes it is in, the outlets and what it is about. For a selected dispute (the Disputes view) its two
 * sides and why they contradict. Each row opens its evidence. Text only, through dom.ts.
 */
import type Graph from 'graphology';
import type { Evidence } from '../../../src/graph/schema';
import { aboutLinks, attributionsOf, claimsBy, claimText, evidenceForAttribution, evidenceOf, focusForAttribution, nodeKind, nodeLabel, relationsOf, type Attribution, type AttributionLink } from '../model/claims';
import { relationHeading, shortText } from '../model/edge-evidence';
import { edgeNoteLine } from '../model/edge-notes';
import { edgeColor, nodeColor } from '../model/filters';
import { disputesOfClaim, opponentsOf, reasonText, sideLine, sidesFor, type Dispute, type DisputeSide, type Opponent } from '../model/disputes';
import { clear, el } from './dom';
import type { DocumentText } from './evidence-view';

export interface PanelActions {
  select(node: string): void;
  /** `focus`: the spans to scroll to (a claim's own words), when not the first span */
  evidence(heading: string, evidence: Evidence[], itemKey: string, focus?: Evidence[]): void;
  /** opens the evidence of these disputes and lights them up in the graph, the panel staying as it is */
  disputes(disputes: Dispute[], itemKey: string): void;
  /** selects a dispute, as choosing it in the Disputes view does */
  chooseDispute(key: string): void;
  /** the graph is a neighbourhood of a larger one: the node it is around, and how to open another node's */
  neighbourhood?: { focus: string; open(key: string): void };
}

const STANCE_TITLES: Record<Attribution, string> = {
  stated: 'Stated',
  denied: 'Denied',
  questioned: 'Questioned',
  confirmed: 'Confirmed',
  reported: 'Reported (as an outlet)',
};

function chip(name: string, color: string, data: Record<string, string>, line: boolean): HTMLElement {
  const node = el('span', { className: line ? 'chip stance' : 'chip', dataset: data }, [el('span', { className: line ? 'swatch line' : 'swatch', attrs: { 'aria-hidden': 'true' } }), name.replace('_', ' ')]);
  node.style.setProperty('--swatch', color);
  return node;
}

export const kindChip = (kind: string): HTMLElement => chip(kind, nodeColor(kind), { kind }, false);
export const stanceChip = (stance: string): HTMLElement => chip(stance, edgeColor(stance), { stance }, true);

/** Where a piece of evidence comes from: the first document's title and date. */
function sourceLine(evidence: readonly Evidence[], documents: ReadonlyMap<string, DocumentText>): string {
  const ids = [...new Set(evidence.map((e) => e.doc))];
  const first = ids[0] === undefined ? undefined : documents.get(ids[0]);
  if (!first) return ids[0] ?? 'no evidence';
  const more = ids.length > 1 ? ` (+${ids.length - 1} more)` : '';
  return `${first.title || first.id}${first.date ? `, ${first.date}` : ''}${more}`;
}

/** Rows drawn per section: a hub with 150k relations would otherwise build (and lay out) 150k rows. */
export const SECTION_MAX = 200;

/** A titled list of the first SECTION_MAX of `links`, each made by `make`, and how many more there are. */
function section<T>(title: string, links: readonly T[], make: (link: T) => HTMLElement): HTMLElement | null {
  if (!links.length) return null;
  const items = links.slice(0, SECTION_MAX).map(make);
  if (links.length > SECTION_MAX) items.push(el('li', { className: 'item more muted', text: `… and ${(links.length - SECTION_MAX).toLocaleString('en')} more` }));
  return el('section', { className: 'panel-section' }, [el('h3', { text: `${title} (${links.length.toLocaleString('en')})` }), el('ul', { className: 'item-list' }, items)]);
}

interface ItemParts {
  key: string;
  main: string;
  chips?: HTMLElement[];
  evidence: Evidence[];
  focus?: Evidence[];
  /** what the edge says of itself ("confidence 0.93 · direct quote"), for a speaker's edge to a claim */
  note?: string;
  heading: string;
  /** a line under the main text (a dispute's claims) */
  detail?: string;
  /** what the row does instead of opening `evidence` (a dispute opens both sides) */
  activate?: () => void;
  open?: { node: string; label: string } | { label: string; text?: string; action: () => void };
}

function item(parts: ItemParts, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): HTMLElement {
  const activate = parts.activate ?? (() => actions.evidence(parts.heading, parts.evidence, parts.key, parts.focus));
  const show = el('button', { className: 'item-main', title: 'Show the evidence in its article', dataset: { item: parts.key }, on: { click: activate } }, [
    el('span', { className: 'item-text', text: parts.main }),
    parts.detail ? el('span', { className: 'item-detail', text: parts.detail }) : null,
    el('span', { className: 'item-source', text: sourceLine(parts.evidence, documents) }),
    parts.note ? el('span', { className: 'item-note', text: parts.note }) : null,
  ]);
  const target = parts.open;
  const openTitle = target && ('node' in target ? `Select ${target.label}` : target.label);
  const open = target ? el('button', { className: 'item-open', text: '›', title: openTitle!, attrs: { 'aria-label': openTitle! }, on: { click: () => ('node' in target ? actions.select(target.node) : target.action()) } }) : null;
  return el('li', { className: 'item', dataset: { item: parts.key } }, [el('div', { className: 'item-chips' }, parts.chips ?? []), show, open]);
}

/** A dispute's claim in a line: the claim both sides speak of, or each side's. */
function disputeDetail(own: DisputeSide, other: DisputeSide, ownName: string, otherName: string): string {
  if (own.claim === other.claim) return `${otherName} ${other.stance}, ${ownName} ${own.stance}: “${shortText(other.claimText, 90)}”`;
  return `${otherName} ${other.stance} “${shortText(other.claimText, 60)}”; ${ownName} ${own.stance} “${shortText(own.claimText, 60)}”`;
}

/** "Disputes with": one row per speaker on the other side; the row opens every dispute between the two, › selects the speaker. */
function opponentItem(graph: Graph, node: string, opponent: Opponent, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): HTMLElement {
  const lines = opponent.disputes.map((d) => {
    const { own, other } = sidesFor(d, node);
    return disputeDetail(own, other, 'this', 'they');
  });
  const theirs = opponent.disputes.map((d) => sidesFor(d, node).other);
  return item({
    key: `disputes:${opponent.speaker}`,
    main: opponent.speakerLabel,
    detail: lines.join('\n'),
    evidence: theirs.flatMap((s) => s.evidence),
    heading: '',
    activate: () => actions.disputes(opponent.disputes, `disputes:${opponent.speaker}`),
    open: { node: opponent.speaker, label: opponent.speakerLabel },
  }, documents, actions);
}

function entitySections(graph: Graph, node: string, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions, disputes: readonly Dispute[]): (HTMLElement | null)[] {
  const label = nodeLabel(graph, node);
  const groups = claimsBy(graph, node);
  const claimItem = (link: AttributionLink) =>
    item({ key: link.edge, main: claimText(graph, link.claim), evidence: evidenceForAttribution(graph, link), focus: focusForAttribution(graph, link), note: edgeNoteLine(graph.getEdgeAttributes(link.edge)), heading: `${label} ${link.stance}: “${shortText(claimText(graph, link.claim))}”`, open: { node: link.claim, label: 'this claim' } }, documents, actions);
  const stanceSections = (Object.keys(groups) as Attribution[]).map((stance) => section(STANCE_TITLES[stance], groups[stance], claimItem));
  const opponents = section('Disputes with', opponentsOf(disputes, node), (o) => opponentItem(graph, node, o, documents, actions));
  const about = section('Claims about it', aboutLinks(graph, node), (link) =>
    item({ key: link.edge, main: claimText(graph, link.node), evidence: evidenceOf(graph.getNodeAttributes(link.node)), heading: `About ${label}`, open: { node: link.node, label: 'this claim' } }, documents, actions));
  const relations = section('Relations', relationsOf(graph, node), (rel) =>
    item({
      key: rel.edge,
      // a symmetric relation (meets) reads the same both ways and gets no arrow
      main: rel.undirected ? `${rel.kind.replace('_', ' ')} — ${nodeLabel(graph, rel.other)}` : rel.outgoing ? `${rel.kind.replace('_', ' ')} → ${nodeLabel(graph, rel.other)}` : `${nodeLabel(graph, rel.other)} ${rel.kind.replace('_', ' ')} → this`,
      chips: [stanceChip(rel.kind)],
      evidence: rel.evidence,
      heading: rel.outgoing ? relationHeading(label, rel.kind, nodeLabel(graph, rel.other), rel.undirected) : relationHeading(nodeLabel(graph, rel.other), rel.kind, label, rel.undirected),
      open: { node: rel.other, label: nodeLabel(graph, rel.other) },
    }, documents, actions));
  return [...stanceSections, opponents, about, relations];
}

function claimSections(graph: Graph, node: string, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions, disputes: readonly Dispute[]): (HTMLElement | null)[] {
  const links = attributionsOf(graph, node);
  const text = shortText(claimText(graph, node));
  const speaker = (link: AttributionLink) =>
    item({ key: link.edge, main: nodeLabel(graph, link.entity), chips: [stanceChip(link.stance)], evidence: evidenceForAttribution(graph, link), focus: focusForAttribution(graph, link), note: edgeNoteLine(graph.getEdgeAttributes(link.edge)), heading: `${nodeLabel(graph, link.entity)} ${link.stance}: “${text}”`, open: { node: link.entity, label: nodeLabel(graph, link.entity) } }, documents, actions);
  const about = (link: ReturnType<typeof aboutLinks>[number]) =>
    item({ key: link.edge, main: nodeLabel(graph, link.node), chips: [kindChip(nodeKind(graph, link.node))], evidence: link.evidence, heading: `“${text}” is about ${nodeLabel(graph, link.node)}`, open: { node: link.node, label: nodeLabel(graph, link.node) } }, documents, actions);
  const dispute = (d: Dispute) =>
    item({
      key: `dispute:${d.key}`,
      main: `${sideLine(d.a)} — ${sideLine(d.b)}`,
      // a negation's other claim is named: this claim's words are the panel's heading
      detail: d.a.claim === d.b.claim ? reasonText(d.reason) : `${reasonText(d.reason)}: “${shortText(d.a.claim === node ? d.b.claimText : d.a.claimText, 80)}”`,
      evidence: [...d.a.evidence, ...d.b.evidence],
      heading: '',
      activate: () => actions.disputes([d], `dispute:${d.key}`),
      open: { label: 'Select this dispute', action: () => actions.chooseDispute(d.key) },
    }, documents, actions);
  return [
    section('Speakers', links.filter((l) => l.stance !== 'reported'), speaker),
    section('Disputes', disputesOfClaim(disputes, node), dispute),
    section('Reported by', links.filter((l) => l.stance === 'reported'), speaker),
    section('About', aboutLinks(graph, node), about),
  ];
}

/** A chip for a dispute, in the color of `contradicts` edges. */
const disputeChip = (): HTMLElement => chip('dispute', edgeColor('contradicts'), { kind: 'dispute' }, true);

/** Fills the panel for a selected dispute: its two sides, and the edge that says their claims contradict. */
export function renderDisputePanel(container: HTMLElement, graph: Graph, dispute: Dispute, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): void {
  clear(container);
  const both = `dispute:${dispute.key}`;
  container.append(el('header', { className: 'panel-head' }, [
    disputeChip(),
    el('h2', { className: 'node-label', text: `${dispute.a.speakerLabel} vs ${dispute.b.speakerLabel}` }),
    el('p', { className: 'aliases muted', text: `${reasonText(dispute.reason)[0]!.toUpperCase()}${reasonText(dispute.reason).slice(1)}` }),
    el('button', { className: 'link-button', dataset: { item: both }, text: 'Both sides in their articles', on: { click: () => actions.disputes([dispute], both) } }),
  ]));
  const side = (s: DisputeSide) =>
    item({ key: s.edge, main: s.speakerLabel, chips: [stanceChip(s.stance)], detail: `“${s.claimText}”`, evidence: s.evidence, focus: s.focus, note: edgeNoteLine(graph.hasEdge(s.edge) ? graph.getEdgeAttributes(s.edge) : {}), heading: `${sideLine(s)}: “${shortText(s.claimText)}”`, open: { node: s.speaker, label: s.speakerLabel } }, documents, actions);
  const claims = [...new Set([dispute.a.claim, dispute.b.claim])].filter((c) => graph.hasNode(c));
  const claim = (c: string) =>
    item({ key: `mentions:${c}`, main: claimText(graph, c), chips: [kindChip('claim')], evidence: evidenceOf(graph.getNodeAttributes(c)), heading: 'Where the claim is made', open: { node: c, label: 'this claim' } }, documents, actions);
  const edge = graph.hasEdge(dispute.edge) ? graph.getEdgeAttributes(dispute.edge) : {};
  const why = item({ key: dispute.edge, main: reasonText(dispute.reason), chips: [stanceChip('contradicts')], evidence: evidenceOf(edge), heading: `Why they contradict: ${reasonText(dispute.reason)}` }, documents, actions);
  container.append(
    section('Sides', [dispute.a, dispute.b], side)!,
    section(claims.length > 1 ? 'Claims' : 'Claim', claims, claim)!,
    el('section', { className: 'panel-section' }, [el('h3', { text: 'Why they contradict' }), el('ul', { className: 'item-list' }, [why])]),
  );
}

/** Fills the panel for `node`; an empty hint when nothing is selected. `disputes`: the graph's (model/disputes.ts). */
export function renderPanel(container: HTMLElement, graph: Graph | null, node: string | null, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions, disputes: readonly Dispute[] = []): void {
  clear(container);
  if (!graph || node === null || !graph.hasNode(node)) {
    container.append(el('div', { className: 'panel-empty' }, [
      el('h2', { text: 'Nothing selected' }),
      el('p', { text: 'Click a node, or search for an entity, to read what it stated, denied, questioned or confirmed, and the evidence in each article.' }),
    ]));
    return;
  }
  const kind = nodeKind(graph, node);
  const attrs = graph.getNodeAttributes(node);
  const aliases = Array.isArray(attrs.aliases) ? (attrs.aliases as unknown[]).map(String) : [];
  const mentions = evidenceOf(attrs);
  const head = el('header', { className: 'panel-head' }, [
    kindChip(kind),
    el('h2', { className: 'node-label', text: kind === 'claim' ? claimText(graph, node) : nodeLabel(graph, node) }),
    aliases.length ? el('p', { className: 'aliases' }, [el('span', { className: 'muted', text: 'Also: ' }), aliases.join(' · ')]) : null,
    mentions.length
      ? el('button', { className: 'link-button', dataset: { item: `mentions:${node}` }, text: `${mentions.length} mention${mentions.length > 1 ? 's' : ''} in the articles`, on: { click: () => actions.evidence(kind === 'claim' ? 'Where the claim is made' : `Mentions of ${nodeLabel(graph, node)}`, mentions, `mentions:${node}`) } })
      : null,
    actions.neighbourhood && node !== actions.neighbourhood.focus
      ? el('button', { className: 'link-button open-neighbourhood', title: 'Show this node with everything joined to it in the whole graph', text: 'Open its neighbourhood', on: { click: () => actions.neighbourhood!.open(node) } })
      : null,
  ]);
  const sections = kind === 'claim' ? claimSections(graph, node, documents, actions, disputes) : entitySections(graph, node, documents, actions, disputes);
  const body = sections.filter((s): s is HTMLElement => s !== null);
  container.append(head, ...(body.length ? body : [el('p', { className: 'muted', text: 'No claims or relations.' })]));
}
