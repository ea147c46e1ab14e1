/**
 * The side panel for the selected node: kind, label, aliases; for an entity its claims grouped by stance,
 * the claims about it and its relations; for a claim its speakers with stance, the outlets and what it is
 * about. Each claim and relation opens its evidence. Text only, through dom.ts.
 */
import type Graph from 'graphology';
import type { Evidence } from '../../../src/graph/schema';
import { aboutLinks, attributionsOf, claimsBy, claimText, evidenceForAttribution, evidenceOf, nodeKind, nodeLabel, relationsOf, type Attribution, type AttributionLink } from '../model/claims';
import { edgeColor, nodeColor } from '../model/filters';
import { clear, el } from './dom';
import type { DocumentText } from './evidence-view';

export interface PanelActions {
  select(node: string): void;
  evidence(heading: string, evidence: Evidence[], itemKey: string): void;
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

function section(title: string, items: HTMLElement[]): HTMLElement | null {
  if (!items.length) return null;
  return el('section', { className: 'panel-section' }, [el('h3', { text: `${title} (${items.length})` }), el('ul', { className: 'item-list' }, items)]);
}

interface ItemParts {
  key: string;
  main: string;
  chips?: HTMLElement[];
  evidence: Evidence[];
  heading: string;
  open?: { node: string; label: string };
}

function item(parts: ItemParts, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): HTMLElement {
  const show = el('button', { className: 'item-main', title: 'Show the evidence in its article', dataset: { item: parts.key }, on: { click: () => actions.evidence(parts.heading, parts.evidence, parts.key) } }, [
    el('span', { className: 'item-text', text: parts.main }),
    el('span', { className: 'item-source', text: sourceLine(parts.evidence, documents) }),
  ]);
  const open = parts.open ? el('button', { className: 'item-open', text: '›', title: `Select ${parts.open.label}`, attrs: { 'aria-label': `Select ${parts.open.label}` }, on: { click: () => actions.select(parts.open!.node) } }) : null;
  return el('li', { className: 'item', dataset: { item: parts.key } }, [el('div', { className: 'item-chips' }, parts.chips ?? []), show, open]);
}

function entitySections(graph: Graph, node: string, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): (HTMLElement | null)[] {
  const label = nodeLabel(graph, node);
  const groups = claimsBy(graph, node);
  const claimItem = (link: AttributionLink) =>
    item({ key: link.edge, main: claimText(graph, link.claim), evidence: evidenceForAttribution(graph, link), heading: `${label} ${link.stance}: “${shortText(claimText(graph, link.claim))}”`, open: { node: link.claim, label: 'this claim' } }, documents, actions);
  const stanceSections = (Object.keys(groups) as Attribution[]).map((stance) => section(STANCE_TITLES[stance], groups[stance].map(claimItem)));
  const about = aboutLinks(graph, node).map((link) =>
    item({ key: link.edge, main: claimText(graph, link.node), evidence: evidenceOf(graph.getNodeAttributes(link.node)), heading: `About ${label}`, open: { node: link.node, label: 'this claim' } }, documents, actions));
  const relations = relationsOf(graph, node).map((rel) =>
    item({
      key: rel.edge,
      main: rel.outgoing ? `${rel.kind.replace('_', ' ')} → ${nodeLabel(graph, rel.other)}` : `${nodeLabel(graph, rel.other)} ${rel.kind.replace('_', ' ')} → this`,
      chips: [stanceChip(rel.kind)],
      evidence: rel.evidence,
      heading: `${rel.outgoing ? label : nodeLabel(graph, rel.other)} ${rel.kind.replace('_', ' ')} ${rel.outgoing ? nodeLabel(graph, rel.other) : label}`,
      open: { node: rel.other, label: nodeLabel(graph, rel.other) },
    }, documents, actions));
  return [...stanceSections, section('Claims about it', about), section('Relations', relations)];
}

function claimSections(graph: Graph, node: string, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): (HTMLElement | null)[] {
  const links = attributionsOf(graph, node);
  const text = shortText(claimText(graph, node));
  const speaker = (link: AttributionLink) =>
    item({ key: link.edge, main: nodeLabel(graph, link.entity), chips: [stanceChip(link.stance)], evidence: evidenceForAttribution(graph, link), heading: `${nodeLabel(graph, link.entity)} ${link.stance}: “${text}”`, open: { node: link.entity, label: nodeLabel(graph, link.entity) } }, documents, actions);
  const about = aboutLinks(graph, node).map((link) =>
    item({ key: link.edge, main: nodeLabel(graph, link.node), chips: [kindChip(nodeKind(graph, link.node))], evidence: link.evidence, heading: `“${text}” is about ${nodeLabel(graph, link.node)}`, open: { node: link.node, label: nodeLabel(graph, link.node) } }, documents, actions));
  return [
    section('Speakers', links.filter((l) => l.stance !== 'reported').map(speaker)),
    section('Reported by', links.filter((l) => l.stance === 'reported').map(speaker)),
    section('About', about),
  ];
}

const shortText = (text: string, max = 70) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Fills the panel for `node`; an empty hint when nothing is selected. */
export function renderPanel(container: HTMLElement, graph: Graph | null, node: string | null, documents: ReadonlyMap<string, DocumentText>, actions: PanelActions): void {
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
  ]);
  const sections = kind === 'claim' ? claimSections(graph, node, documents, actions) : entitySections(graph, node, documents, actions);
  const body = sections.filter((s): s is HTMLElement => s !== null);
  container.append(head, ...(body.length ? body : [el('p', { className: 'muted', text: 'No claims or relations.' })]));
}
