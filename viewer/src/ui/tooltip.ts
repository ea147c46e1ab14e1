/**
 * The tooltip over the graph: a hovered claim's whole sentence (canvas labels are cut short) with its
 * speakers, wrapped to a readable width and kept inside the graph area. Text only.
 */
import type Graph from 'graphology';
import { attributionsOf, claimText, nodeKind, nodeLabel } from '../model/claims';
import { clear, el } from './dom';
import { kindChip } from './panel';

export class Tooltip {
  constructor(private readonly box: HTMLElement) {}

  /** Shows `node` near (x, y), coordinates relative to the graph area. */
  show(graph: Graph, node: string, x: number, y: number): void {
    clear(this.box);
    const kind = nodeKind(graph, node);
    this.box.append(kindChip(kind), el('div', { className: 'tooltip-text', text: kind === 'claim' ? claimText(graph, node) : nodeLabel(graph, node) }));
    if (kind === 'claim') {
      const speakers = attributionsOf(graph, node).map((l) => `${nodeLabel(graph, l.entity)} (${l.stance})`);
      if (speakers.length) this.box.append(el('div', { className: 'tooltip-meta', text: speakers.join(' · ') }));
    }
    this.box.hidden = false;
    const area = this.box.parentElement!.getBoundingClientRect();
    const width = this.box.offsetWidth;
    const height = this.box.offsetHeight;
    const left = Math.min(Math.max(8, x + 14), area.width - width - 8);
    const top = y + 16 + height > area.height ? Math.max(8, y - height - 12) : y + 16;
    this.box.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide(): void {
    this.box.hidden = true;
  }
}
