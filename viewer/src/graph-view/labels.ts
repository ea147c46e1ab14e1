/**
 * Node labels drawn by claimgraph rather than one by one by Sigma: Sigma's label grid (labelDensity,
 * labelGridCellSize, labelRenderedSizeThreshold) still picks the candidates, but they are only queued while
 * Sigma renders; after the frame they are placed together (label-placement.ts), so that none overlaps another
 * or runs past the canvas edge, and drawn with a white halo that keeps them readable over edges.
 */
import type Sigma from 'sigma';
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { NodeSquareProgram } from '@sigma/node-square';
import { LABEL_GAP, labelBox, placeLabels, preferredSide, type LabelCandidate } from '../model/label-placement';

type LabelData = Parameters<NodeLabelDrawingFunction>[1] & { kind?: unknown };

const fontOf = (settings: Settings): string => `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
const colorOf = (settings: Settings): string => settings.labelColor.color ?? '#000';
/** The canvas size in CSS pixels: Sigma scales each 2D context by the pixel ratio. */
const cssSize = (context: CanvasRenderingContext2D) => {
  const scale = context.getTransform().a || 1;
  return { width: context.canvas.width / scale, height: context.canvas.height / scale };
};

/** How much a label weighs when labels compete for room: the selection, then its neighbourhood, entities, size. */
function priorityOf(data: LabelData): { priority: number; required: boolean } {
  const tier = data.highlighted ? 3 : (data.zIndex ?? 0) >= 2 ? 2 : data.kind === 'claim' ? 0 : 1;
  return { priority: tier * 1000 + Math.min(999, data.size), required: tier === 3 };
}

/** Queues Sigma's labels for one renderer and draws them placed after each frame. */
export class LabelLayer {
  private queue: LabelCandidate[] = [];
  private readonly texts = new Map<string, string>();
  private readonly widths = new Map<string, number>();
  private context: CanvasRenderingContext2D | null = null;
  private settings: Settings | null = null;

  /** Sigma's `defaultDrawNodeLabel`: remembers the label instead of drawing it. */
  readonly queueLabel: NodeLabelDrawingFunction = (context, data, settings) => {
    if (!data.label) return;
    this.context = context;
    this.settings = settings;
    const { priority, required } = priorityOf(data as LabelData);
    this.texts.set(data.key, data.label);
    this.queue.push({ key: data.key, x: data.x, y: data.y, nodeSize: data.size, width: this.measure(context, settings, data.label), height: settings.labelSize + 2, priority, required });
  };

  /** Hooks the layer to `sigma`'s frames: queue during the render, place and draw after it. */
  attach(sigma: Sigma): void {
    sigma.on('beforeRender', () => { this.queue = []; this.texts.clear(); });
    sigma.on('afterRender', () => this.flush());
  }

  private measure(context: CanvasRenderingContext2D, settings: Settings, label: string): number {
    const font = fontOf(settings);
    const key = `${font}\u0000${label}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      context.font = font;
      width = context.measureText(label).width;
      // the cache only saves measuring: a graph has at most a few labels per node
      if (this.widths.size > 50_000) this.widths.clear();
      this.widths.set(key, width);
    }
    return width;
  }

  private flush(): void {
    const { context, settings } = this;
    if (!context || !settings || !this.queue.length) return;
    const bounds = cssSize(context);
    context.save();
    context.font = fontOf(settings);
    context.textBaseline = 'alphabetic';
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    context.fillStyle = colorOf(settings);
    for (const label of placeLabels(this.queue, bounds)) {
      const text = this.texts.get(label.key) ?? '';
      const baseline = label.box.y + label.box.height / 2 + settings.labelSize / 3;
      context.strokeText(text, label.box.x, baseline);
      context.fillText(text, label.box.x, baseline);
    }
    context.restore();
    this.queue = [];
  }
}

/**
 * The hovered or highlighted node: a white disc behind it and its label in a white box, on the side where the
 * label stays inside the canvas (the same rule as the placed labels).
 */
export const drawNodeHover: NodeHoverDrawingFunction = (context, data, settings) => {
  const bounds = cssSize(context);
  context.save();
  context.font = fontOf(settings);
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 0;
  context.shadowBlur = 8;
  context.shadowColor = '#000';
  context.fillStyle = '#fff';
  context.beginPath();
  context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.fill();
  if (data.label) {
    const candidate = { x: data.x, y: data.y, nodeSize: data.size, width: context.measureText(data.label).width, height: settings.labelSize + 2 };
    const side = preferredSide(candidate, bounds);
    const box = labelBox(candidate, side, bounds);
    context.fillRect(box.x - LABEL_GAP, box.y - 2, box.width + 2 * LABEL_GAP, box.height + 4);
    context.shadowBlur = 0;
    context.fillStyle = colorOf(settings);
    context.fillText(data.label, box.x, box.y + box.height / 2 + settings.labelSize / 3);
  }
  context.restore();
};

/** Claims' squares, with labels and hovers drawn by the renderer's defaults (above) instead of the square's own. */
export class PlacedSquareProgram extends NodeSquareProgram {
  override drawLabel: NodeSquareProgram['drawLabel'] = (context, data, settings) => settings.defaultDrawNodeLabel(context, data, settings);
  override drawHover: NodeSquareProgram['drawHover'] = (context, data, settings) => settings.defaultDrawNodeHover(context, data, settings);
}
