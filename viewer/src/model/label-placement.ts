/**
 * Where node labels go on the canvas: each label to the right of its node, or to the left when the right
 * side leaves the canvas or hits a label already placed; a label that fits nowhere is left out. Labels are
 * placed by priority, so the selected node's name wins over a claim sentence. Pure geometry, no DOM.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate {
  key: string;
  /** the node's centre and radius in canvas pixels */
  x: number;
  y: number;
  nodeSize: number;
  /** the text's size in pixels */
  width: number;
  height: number;
  /** higher first; ties keep their order */
  priority: number;
  /** drawn even when it collides (the selected node), moved inside the canvas if it must */
  required?: boolean;
}

export interface PlacedLabel {
  key: string;
  side: 'right' | 'left';
  box: Box;
}

/** Space between a node's edge and its label, and between a label and the canvas edge. */
export const LABEL_GAP = 3;
const CELL = 64;

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of a label on one side of its node, kept inside the canvas vertically. */
export function labelBox(c: Pick<LabelCandidate, 'x' | 'y' | 'nodeSize' | 'width' | 'height'>, side: 'right' | 'left', bounds: { height: number }): Box {
  const x = side === 'right' ? c.x + c.nodeSize + LABEL_GAP : c.x - c.nodeSize - LABEL_GAP - c.width;
  const y = Math.min(Math.max(c.y - c.height / 2, 0), Math.max(0, bounds.height - c.height));
  return { x, y, width: c.width, height: c.height };
}

/** Right when the label fits there, else left when it fits there, else the side with more room. */
export function preferredSide(c: Pick<LabelCandidate, 'x' | 'nodeSize' | 'width'>, bounds: { width: number }): 'right' | 'left' {
  const rightEnd = c.x + c.nodeSize + LABEL_GAP + c.width;
  if (rightEnd <= bounds.width - LABEL_GAP) return 'right';
  const leftStart = c.x - c.nodeSize - LABEL_GAP - c.width;
  if (leftStart >= LABEL_GAP) return 'left';
  return bounds.width - c.x >= c.x ? 'right' : 'left';
}

const inside = (b: Box, bounds: { width: number; height: number }): boolean => b.x >= 0 && b.x + b.width <= bounds.width && b.y >= 0 && b.y + b.height <= bounds.height;

/** Placed boxes in a grid of cells, so a check looks only at its neighbours (thousands of labels stay linear). */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();

  private *keys(b: Box): Generator<string> {
    for (let i = Math.floor(b.x / CELL); i <= Math.floor((b.x + b.width) / CELL); i++) {
      for (let j = Math.floor(b.y / CELL); j <= Math.floor((b.y + b.height) / CELL); j++) yield `${i},${j}`;
    }
  }

  collides(b: Box): boolean {
    for (const key of this.keys(b)) if (this.cells.get(key)?.some((other) => overlaps(b, other))) return true;
    return false;
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    }
  }
}

/** Places labels inside `bounds` without overlaps; required labels always get a place. */
export function placeLabels(candidates: readonly LabelCandidate[], bounds: { width: number; height: number }): PlacedLabel[] {
  const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => b.c.priority - a.c.priority || a.i - b.i);
  const index = new BoxIndex();
  const placed: PlacedLabel[] = [];
  for (const { c } of order) {
    const first = preferredSide(c, bounds);
    const sides: ('right' | 'left')[] = first === 'right' ? ['right', 'left'] : ['left', 'right'];
    let chosen: PlacedLabel | null = null;
    for (const side of sides) {
      const box = labelBox(c, side, bounds);
      if (inside(box, bounds) && !index.collides(box)) {
        chosen = { key: c.key, side, box };
        break;
      }
    }
    if (!chosen && c.required) {
      // the selected node's name shows whatever it covers, shifted inside the canvas when it is wider than its side
      const box = labelBox(c, first, bounds);
      box.x = Math.min(Math.max(box.x, 0), Math.max(0, bounds.width - box.width));
      chosen = { key: c.key, side: first, box };
    }
    if (!chosen) continue;
    index.add(chosen.box);
    placed.push(chosen);
  }
  return placed;
}
