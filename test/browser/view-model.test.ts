/**
 * The pure parts behind the viewer's drawing and its panel, without a browser: label placement, the image
 * caption, what an edge click opens, where an attribution's evidence scrolls to, undirected relations, the
 * stray-nodes filter, the notes a speaker's edge carries, and legend kinds taken from the schema.
 */
import fc from 'fast-check';
import { placeLabels, type Box, type LabelCandidate } from '../../viewer/src/model/label-placement';
import { caption, dateRange } from '../../viewer/src/model/caption';
import { edgeEvidence } from '../../viewer/src/model/edge-evidence';
import { claimRows, focusForAttribution, relationsOf } from '../../viewer/src/model/claims';
import { buildLegend, edgeVisible, nodeColor, nodeVisible, strayNodes } from '../../viewer/src/model/filters';
import { edgeNoteLine, edgeNotes } from '../../viewer/src/model/edge-notes';
import { NODE_COLORS, NODE_KINDS } from '../../src/graph/schema';
import { miniGraph } from '../fixtures/mini-graph';
import { CLAIM_EDGE_FIELDS, PAIRS, STRAY, statementGraph, STATEMENT_CLAIM, withClaimEdgeFields, withStrayNodes } from '../fixtures/viewer-graphs';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const label = (key: string, x: number, y: number, width = 80, priority = 0, required = false): LabelCandidate => ({ key, x, y, nodeSize: 5, width, height: 15, priority, required });

describe('label placement', () => {
  const bounds = { width: 400, height: 300 };

  test('a label at the right edge goes to the left of its node', () => {
    const [placed] = placeLabels([label('a', 390, 100)], bounds);
    expect(placed).toMatchObject({ key: 'a', side: 'left' });
    expect(placed!.box.x + placed!.box.width).toBeLessThanOrEqual(bounds.width);
  });

  test('of two colliding labels the one with the higher priority stays', () => {
    const placed = placeLabels([label('claim', 100, 100, 200, 0), label('entity', 104, 102, 60, 1000)], bounds);
    expect(placed.map((p) => p.key)).toContain('entity');
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlap(a.box, b.box)).toBe(false);
  });

  test('a required label is drawn even when nothing leaves it room', () => {
    const placed = placeLabels([label('other', 200, 100, 150, 2000), label('selected', 200, 100, 600, 3000, true)], bounds);
    expect(placed.map((p) => p.key)).toContain('selected');
  });

  test('whatever the candidates, placed labels never overlap and stay inside the canvas', () => {
    const candidate = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }), width: fc.integer({ min: 5, max: 250 }), priority: fc.integer({ min: 0, max: 3000 }) });
    fc.assert(fc.property(fc.array(candidate, { maxLength: 60 }), (list) => {
      const placed = placeLabels(list.map((c, i) => label(`n${i}`, c.x, c.y, c.width, c.priority)), bounds);
      for (const p of placed) {
        expect(p.box.x).toBeGreaterThanOrEqual(0);
        expect(p.box.x + p.box.width).toBeLessThanOrEqual(bounds.width);
        expect(p.box.y).toBeGreaterThanOrEqual(0);
        expect(p.box.y + p.box.height).toBeLessThanOrEqual(bounds.height);
      }
      for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i]!.box, placed[j]!.box)).toBe(false);
    }));
  });
});

describe('image caption', () => {
  test('one article gives its title; several give the file name, dates and count', () => {
    expect(caption(miniGraph(), 'mini.json')).toEqual({ title: 'mini', subtitle: '2018-10-04 to 2018-10-11 · 2 articles' });
    expect(caption(statementGraph(), 'harbor.json')).toEqual({ title: 'Harbor Authority Statement on Pier Fire', subtitle: '2024-05-01 · 1 article' });
    expect(dateRange(['', ' '])).toBe('');
  });
});

describe('what an edge opens', () => {
  const g = miniGraph();

  test('an attribution: the speaker, the stance and the claim, with the cue and the claim as evidence', () => {
    const opened = edgeEvidence(g, 'denied:agency:ravenline->claim:c2');
    expect(opened.heading).toBe('Ravenline denied: “the breach was a welding fault”');
    expect(opened.evidence.map((e) => e.end - e.start)).toEqual(['denied'.length, 'the breach was a welding fault'.length]);
    expect(opened.focus).toEqual(g.getNodeAttribute('claim:c2', 'evidence'));
  });

  test('a symmetric relation has no arrow, a directed one has', () => {
    expect(edgeEvidence(g, 'meets:agency:nha--agency:ravenline').heading).toBe('NHA meets — Ravenline');
    expect(edgeEvidence(g, 'employs:agency:nha->person:nha-spokesperson').heading).toBe('NHA employs → NHA spokesperson');
    expect(relationsOf(g, 'agency:nha').find((r) => r.kind === 'meets')).toMatchObject({ undirected: true });
    expect(relationsOf(g, 'agency:nha').find((r) => r.kind === 'employs')).toMatchObject({ undirected: false });
  });
});

describe('where an attribution’s evidence opens', () => {
  test('a statement opens at its claim, not at the headline word that is its cue', () => {
    const g = statementGraph();
    const [focus] = focusForAttribution(g, { claim: 'claim:fire', evidence: g.getEdgeAttribute('stated:agency:harbor-authority->claim:fire', 'evidence') });
    const text = (g.getAttribute('documents') as { text: string }[])[0]!.text;
    expect(text.slice(focus!.start, focus!.end)).toBe(STATEMENT_CLAIM);
    expect(claimRows(g)[0]!.focus).toEqual([focus]);
  });

  test('a claim with no words in the cue’s article opens at the cue', () => {
    const g = miniGraph();
    const cue = [{ doc: 'follow-up', start: 0, end: 3 }];
    expect(focusForAttribution(g, { claim: 'claim:c1', evidence: cue })).toEqual(cue);
  });
});

describe('stray nodes', () => {
  test('are the nodes alone or in pairs, and are hidden only when asked', () => {
    const g = withStrayNodes();
    expect([...strayNodes(g)].sort()).toEqual([...STRAY].sort());
    const v = { hiddenNodeKinds: new Set<string>(), hiddenEdgeKinds: new Set<string>(), stray: strayNodes(g) };
    expect(nodeVisible(g, STRAY[0]!, v)).toBe(true);
    expect(nodeVisible(g, STRAY[0]!, { ...v, hideStray: true })).toBe(false);
    expect(edgeVisible(g, `stated:${PAIRS[0]}->${PAIRS[1]}`, { ...v, hideStray: true })).toBe(false);
    expect(nodeVisible(g, 'agency:nha', { ...v, hideStray: true })).toBe(true);
    // a selected stray node shows, with its neighbours and their edge
    const selected = { ...v, hideStray: true, strayShown: new Set(PAIRS.slice(0, 2)) };
    expect(edgeVisible(g, `stated:${PAIRS[0]}->${PAIRS[1]}`, selected)).toBe(true);
  });

  test('a graph made only of pairs and lone nodes has none: hiding them would leave nothing', () => {
    const g = withStrayNodes();
    g.filterNodes((n) => !STRAY.includes(n)).forEach((n) => g.dropNode(n));
    expect(strayNodes(g).size).toBe(0);
  });
});

describe('what a speaker’s edge says of itself', () => {
  test('confidence, quoting, unnamed source and belief, in words; none for an edge without them', () => {
    const g = withClaimEdgeFields();
    for (const [edge, { line }] of Object.entries(CLAIM_EDGE_FIELDS)) expect(edgeNoteLine(g.getEdgeAttributes(edge))).toBe(line);
    expect(edgeNotes(g.getEdgeAttributes('confirmed:person:mara-quell->claim:c4'))).toEqual([]);
  });

  test('values outside the contract are left out rather than shown', () => {
    expect(edgeNotes({ confidence: 1.7, quoted: 'shouted', unnamed: 'yes', belief: 1 })).toEqual([]);
    expect(edgeNotes({ confidence: 0, belief: false })).toEqual(['confidence 0.00']);
  });
});

describe('legend kinds come from the schema', () => {
  test('every node kind of NODE_KINDS gets a row in that order, with its schema color', () => {
    const g = miniGraph();
    g.clear();
    NODE_KINDS.forEach((kind, i) => g.addNode(`n${i}`, { kind, label: kind, aliases: [], evidence: [], x: i, y: 0, size: 4, color: '#000000' }));
    const rows = buildLegend(g).nodes;
    expect(rows.map((r) => r.kind)).toEqual([...NODE_KINDS]);
    for (const r of rows) expect(r.color).toBe((NODE_COLORS as Record<string, string>)[r.kind]);
  });

  test('a kind the schema does not know yet still gets a row, after the known ones, in a neutral color', () => {
    const g = miniGraph();
    g.addNode('gadget:x', { kind: 'gadget', label: 'X', aliases: [], evidence: [], x: 0, y: 0, size: 4, color: '#000000' });
    const rows = buildLegend(g).nodes;
    expect(rows[rows.length - 1]).toEqual({ kind: 'gadget', count: 1, color: nodeColor('gadget') });
    expect(Object.values(NODE_COLORS)).not.toContain(nodeColor('gadget'));
  });
});
