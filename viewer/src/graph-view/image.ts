/**
 * The publication image: the graph drawn again by @sigma/export-image at twice the screen's resolution (or
 * more on a high-density screen), framed with the graph's title, its articles' dates, the legend of what is
 * shown and the export date. "whole" fits every drawn node into a page-sized image; "view" keeps the camera.
 */
import type Sigma from 'sigma';
import type Graph from 'graphology';
import { drawOnCanvas } from '@sigma/export-image';
import type { Caption } from '../model/caption';
import type { LegendEntry } from '../model/filters';
import { cameraToFit, drawnNodes } from './camera';
import { labelSettingsFor } from './renderer';
import { download } from './export';

/** The least resolution of an export, in image pixels per CSS pixel. */
export const EXPORT_SCALE = 2;
/** A whole-graph image is at least this big in CSS pixels (before the scale), so that labels find room. */
const PAGE = { width: 1200, height: 800 };
const PAD = 24;
const HEAD = 64;
const FOOT = 30;
const LEGEND_WIDTH = 210;
const ROW = 20;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#1d2330';
const MUTED = '#5d6675';

export interface ImageLegend {
  nodes: LegendEntry[];
  edges: LegendEntry[];
}

export interface ImageRequest {
  mode: 'whole' | 'view';
  caption: Caption;
  legend: ImageLegend;
  /** "23 nodes, 31 edges shown" */
  counts: string;
  exported: string;
}

/**
 * Runs `draw` with window.devicePixelRatio raised to `ratio`: Sigma sizes its canvases by that number and
 * @sigma/export-image has no resolution option of its own. The attribute is [Replaceable], so it can be shadowed.
 */
async function withPixelRatio<T>(ratio: number, draw: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return await draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** The graph layers at `scale`: the same view, or every drawn node fitted into a page. */
async function graphCanvas(sigma: Sigma, mode: ImageRequest['mode'], scale: number): Promise<{ canvas: HTMLCanvasElement; width: number; height: number }> {
  const screen = sigma.getDimensions();
  const width = mode === 'whole' ? Math.max(screen.width, PAGE.width) : screen.width;
  const height = mode === 'whole' ? Math.max(screen.height, PAGE.height) : screen.height;
  const { settings, layer } = labelSettingsFor();
  const canvas = await withPixelRatio(scale, () => drawOnCanvas(sigma, {
    width, height, backgroundColor: '#ffffff', sigmaSettings: settings,
    withTempRenderer: (tmp) => {
      layer.attach(tmp);
      if (mode === 'whole') {
        const fit = cameraToFit(tmp, drawnNodes(tmp));
        if (fit) tmp.getCamera().setState(fit);
      }
      tmp.refresh();
    },
  }));
  return { canvas, width, height };
}

function legendRows(ctx: CanvasRenderingContext2D, legend: ImageLegend, x: number, y: number): void {
  let at = y;
  const heading = (text: string) => {
    ctx.fillStyle = MUTED;
    ctx.font = `600 11px ${FONT}`;
    ctx.fillText(text.toUpperCase(), x, at + 12);
    at += ROW;
  };
  const entry = (e: LegendEntry, shape: 'dot' | 'square' | 'line') => {
    ctx.fillStyle = e.color;
    if (shape === 'dot') { ctx.beginPath(); ctx.arc(x + 6, at + 8, 5, 0, Math.PI * 2); ctx.fill(); }
    else if (shape === 'square') ctx.fillRect(x + 1, at + 3, 10, 10);
    else ctx.fillRect(x, at + 7, 14, 3);
    ctx.fillStyle = INK;
    ctx.font = `13px ${FONT}`;
    ctx.fillText(e.kind.replace('_', ' '), x + 22, at + 13);
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'right';
    ctx.fillText(String(e.count), x + LEGEND_WIDTH - 12, at + 13);
    ctx.textAlign = 'left';
    at += ROW;
  };
  heading('Nodes');
  for (const e of legend.nodes) entry(e, e.kind === 'claim' ? 'square' : 'dot');
  at += 6;
  heading('Edges');
  for (const e of legend.edges) entry(e, 'line');
}

/** Cuts `text` with an ellipsis to fit `width` pixels in the context's current font. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The whole image as a canvas: title, graph, legend, footer. */
export async function publicationCanvas(sigma: Sigma, request: ImageRequest): Promise<HTMLCanvasElement> {
  const scale = Math.max(EXPORT_SCALE, window.devicePixelRatio || 1);
  const graph = await graphCanvas(sigma, request.mode, scale);
  const width = PAD + graph.width + PAD + LEGEND_WIDTH + PAD;
  const height = PAD + HEAD + graph.height + FOOT + PAD;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('viewer: no 2D canvas for the image');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = `600 20px ${FONT}`;
  ctx.fillText(fitText(ctx, request.caption.title, width - 2 * PAD), PAD, PAD + 22);
  ctx.fillStyle = MUTED;
  ctx.font = `13px ${FONT}`;
  ctx.fillText(fitText(ctx, [request.caption.subtitle, request.counts].filter(Boolean).join(' · '), width - 2 * PAD), PAD, PAD + 46);
  const top = PAD + HEAD;
  ctx.drawImage(graph.canvas, PAD, top, graph.width, graph.height);
  ctx.strokeStyle = '#dde1e7';
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD - 0.5, top - 0.5, graph.width + 1, graph.height + 1);
  legendRows(ctx, request.legend, PAD + graph.width + PAD, top);
  ctx.fillStyle = MUTED;
  ctx.font = `12px ${FONT}`;
  ctx.fillText(`Made with claimgraph · exported ${request.exported}`, PAD, top + graph.height + 20);
  return canvas;
}

/** Draws the image and downloads it as `name`. */
export async function downloadPublicationImage(sigma: Sigma, request: ImageRequest, name: string): Promise<void> {
  const canvas = await publicationCanvas(sigma, request);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('viewer: the image could not be encoded'))), 'image/png'));
  download(name, 'image/png', blob);
}

/** The counts line: what the image shows of the graph. */
export function shownCounts(sigma: Sigma, graph: Graph): string {
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((n) => { if (!sigma.getNodeDisplayData(n)?.hidden) nodes++; });
  graph.forEachEdge((e) => { if (!sigma.getEdgeDisplayData(e)?.hidden) edges++; });
  return `${nodes} node${nodes === 1 ? '' : 's'}, ${edges} edge${edges === 1 ? '' : 's'} shown`;
}
