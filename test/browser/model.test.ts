/**
 * The viewer's pure model, without a browser: claim rows and groupings, search with accents and aliases,
 * view state in the URL, evidence segments, legend counts, and JSON parsing errors.
 */
import fc from 'fast-check';
import { aboutLinks, attributionsOf, claimRows, claimsBy, relationsOf } from '../../viewer/src/model/claims';
import { evidenceByDocument, segmentText, sentenceAround } from '../../viewer/src/model/evidence';
import { buildLegend, edgeVisible, nodeVisible } from '../../viewer/src/model/filters';
import { buildSearchIndex, suggest } from '../../viewer/src/model/search';
import { normalizeName } from '../../src/query/normalize';
import { parseViewState, printViewState, roundCamera, type ViewState } from '../../viewer/src/model/url-state';
import { detectFormat, parseGraphText } from '../../viewer/src/model/parse';
import { miniGraph } from '../fixtures/mini-graph';

// graphology-gexf's browser build needs DOMParser when it loads; GEXF is tested in the browser (files.test.ts)
jest.mock('graphology-gexf/browser', () => ({ parse: () => { throw new Error('GEXF needs a browser'); }, write: () => '' }));

describe('claims', () => {
  const g = miniGraph();

  test('an entity’s claims are grouped by stance', () => {
    const groups = claimsBy(g, 'agency:ravenline');
    expect(groups.denied.map((l) => l.claim)).toEqual(['claim:c2']);
    expect(groups.stated).toEqual([]);
    expect(claimsBy(g, 'media:anchorwire').reported.map((l) => l.claim)).toEqual(['claim:c4']);
  });

  test('a claim lists each speaker with its stance, outlets last', () => {
    expect(attributionsOf(g, 'claim:c4').map((l) => [l.entity, l.stance])).toEqual([
      ['person:nha-spokesperson', 'stated'],
      ['person:mara-quell', 'confirmed'],
      ['media:anchorwire', 'reported'],
    ]);
  });

  test('about links go both ways; relations exclude attributions', () => {
    expect(aboutLinks(g, 'claim:c1').map((l) => l.node)).toEqual(['event:breach', 'spacecraft:kestrel-harbour-tender']);
    expect(aboutLinks(g, 'event:breach').map((l) => l.node).sort()).toEqual(['claim:c1', 'claim:c2']);
    const rel = relationsOf(g, 'agency:nha').map((r) => `${r.kind}:${r.outgoing ? '→' : '←'}${r.other}`);
    expect(rel).toEqual(expect.arrayContaining(['leads:←person:mara-quell', 'investigates:→event:breach', 'employs:→person:nha-spokesperson']));
    expect(rel.some((r) => r.startsWith('stated'))).toBe(false);
  });

  test('one row per attribution, with the cue and the claim in the same document as evidence', () => {
    const rows = claimRows(g);
    const attributions = g.filterEdges((_e, a) => ['stated', 'denied', 'questioned', 'confirmed', 'reported'].includes(a.kind as string));
    expect(rows.map((r) => r.key).sort()).toEqual([...attributions].sort());
    const spokesperson = rows.find((r) => r.speaker === 'person:nha-spokesperson')!;
    expect(spokesperson).toMatchObject({ stance: 'stated', docTitle: 'Follow-up', date: '2018-10-11', claimText: 'the crew is safe' });
    expect(new Set(spokesperson.evidence.map((e) => e.doc))).toEqual(new Set(['follow-up']));
    expect(spokesperson.evidence.length).toBe(2);
  });
});

describe('search', () => {
  const index = buildSearchIndex(miniGraph());

  test('finds names whatever their case, accents and punctuation', () => {
    expect(suggest(index, '  rÁvenline ')[0]).toMatchObject({ node: 'agency:ravenline' });
    expect(suggest(index, 'nha-spokesperson')[0]).toMatchObject({ node: 'person:nha-spokesperson' });
  });

  test('exact label first, then prefixes; aliases are found and named', () => {
    expect(suggest(index, 'nha')[0]).toMatchObject({ node: 'agency:nha', via: null });
    expect(suggest(index, 'NHÀ').map((s) => s.node)).toEqual(expect.arrayContaining(['agency:nha', 'person:nha-spokesperson', 'person:mara-quell']));
    expect(suggest(index, 'KX-04')[0]).toMatchObject({ node: 'spacecraft:kestrel-harbour-tender', via: 'KX-04' });
    expect(suggest(index, '')).toEqual([]);
    expect(suggest(index, 'zzzz')).toEqual([]);
  });

  test('every suggestion matches the query and appears once', () => {
    fc.assert(fc.property(fc.string({ maxLength: 4 }), (q) => {
      const found = suggest(index, q, 50);
      expect(new Set(found.map((s) => s.node)).size).toBe(found.length);
      const nq = normalizeName(q);
      for (const s of found) {
        const forms = index.filter((e) => e.node === s.node).map((e) => e.normalized);
        expect(forms.some((f) => f.includes(nq))).toBe(true);
      }
    }));
  });
});

describe('view state in the URL', () => {
  test('round-trips any state', () => {
    const kinds = fc.uniqueArray(fc.constantFrom('agency', 'claim', 'media', 'place', 'about', 'stated'), { maxLength: 4 });
    fc.assert(fc.property(fc.record({
      graph: fc.option(fc.webUrl(), { nil: null }),
      node: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      hiddenNodeKinds: kinds,
      hiddenEdgeKinds: kinds,
      showStray: fc.boolean(),
      camera: fc.option(fc.record({ x: fc.double({ min: -10, max: 10, noNaN: true }), y: fc.double({ min: -10, max: 10, noNaN: true }), ratio: fc.double({ min: 0.001, max: 10, noNaN: true }) }), { nil: null }),
      search: fc.string(),
      view: fc.constantFrom('graph' as const, 'claims' as const, 'disputes' as const),
      // document ids may hold commas and spaces: each is a parameter of its own
      hiddenArticles: fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 3 }),
      since: fc.option(fc.constantFrom('2018-10-04', '2024-02-29'), { nil: null }),
      until: fc.option(fc.constantFrom('2018-10-11', '2024-12-31'), { nil: null }),
      // a dispute's key is two edge keys, which may hold anything
      dispute: fc.option(fc.string(), { nil: null }),
      focus: fc.option(fc.string({ minLength: 1 }), { nil: null }),
    }), (state: ViewState) => {
      const back = parseViewState(printViewState(state));
      expect(back).toEqual({ ...state, hiddenNodeKinds: [...state.hiddenNodeKinds].sort(), hiddenEdgeKinds: [...state.hiddenEdgeKinds].sort(), node: state.node || null, dispute: state.dispute || null, camera: state.camera && roundCamera(state.camera), hiddenArticles: [...state.hiddenArticles].sort() });
    }));
  });

  test('the camera reads back as it was written, and a bad one is ignored', () => {
    expect(parseViewState('?cam=0.25,0.75,0.5').camera).toEqual({ x: 0.25, y: 0.75, ratio: 0.5 });
    for (const bad of ['1,2', '1,2,0', '1,2,-1', 'a,b,c', '1,,2', '1,2,3,4']) expect(parseViewState(`?cam=${bad}`).camera).toBeNull();
    expect(printViewState({ ...parseViewState(''), camera: { x: 0.123456789, y: -0.000001, ratio: 1 } })).toBe('?cam=0.12346%2C0%2C1');
  });

  test('prints nothing for the default view and ignores unknown keys', () => {
    expect(printViewState(parseViewState('?utm=1'))).toBe('');
    expect(parseViewState('?node=agency%3Anha&hideNodes=claim,place&view=claims')).toMatchObject({ node: 'agency:nha', hiddenNodeKinds: ['claim', 'place'], view: 'claims' });
  });
});

describe('evidence', () => {
  const text = 'Title\n\nNHA said that a crack was found. Ravenline denied it! Officials (unnamed) questioned whether it was cut.';

  test('the sentence around a span', () => {
    const start = text.indexOf('denied');
    const s = sentenceAround(text, start, start + 6);
    expect(text.slice(s.start, s.end)).toBe('Ravenline denied it!');
    const first = sentenceAround(text, text.indexOf('NHA'), text.indexOf('NHA') + 3);
    expect(text.slice(first.start, first.end)).toBe('NHA said that a crack was found.');
  });

  test('segments cover the text exactly, spans marked inside their sentence', () => {
    const start = text.indexOf('said');
    const segments = segmentText(text, [{ start, end: start + 4 }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark === 'span').map((s) => s.text)).toEqual(['said']);
    expect(segments.filter((s) => s.mark !== 'plain').map((s) => s.text).join('')).toBe('NHA said that a crack was found.');
  });

  test('segments never lose text, whatever the spans', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { maxLength: 5 }), (t, pairs) => {
      const spans = pairs.map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
      expect(segmentText(t, spans).map((s) => s.text).join('')).toBe(t);
    }));
  });

  test('evidence is grouped by document without duplicates', () => {
    const grouped = evidenceByDocument([{ doc: 'b', start: 5, end: 6 }, { doc: 'a', start: 1, end: 2 }, { doc: 'b', start: 0, end: 1 }, { doc: 'b', start: 5, end: 6 }]);
    expect([...grouped.keys()]).toEqual(['b', 'a']);
    expect(grouped.get('b')).toEqual([{ doc: 'b', start: 0, end: 1 }, { doc: 'b', start: 5, end: 6 }]);
  });
});

describe('legend and filters', () => {
  const g = miniGraph();

  test('counts each kind, in schema order, edges in groups', () => {
    const legend = buildLegend(g);
    expect(legend.nodes.map((e) => `${e.kind}:${e.count}`)).toEqual(['agency:2', 'media:2', 'person:3', 'spacecraft:1', 'event:1', 'claim:4']);
    expect(legend.edges.map((grp) => grp.group)).toEqual(['stances', 'reporting', 'relations']);
    expect(legend.edges[0]!.entries.map((e) => e.kind)).toEqual(['stated', 'denied', 'questioned', 'confirmed']);
  });

  test('hiding a node kind hides its edges too', () => {
    const v = { hiddenNodeKinds: new Set(['claim']), hiddenEdgeKinds: new Set(['leads']) };
    expect(nodeVisible(g, 'claim:c1', v)).toBe(false);
    expect(edgeVisible(g, 'stated:agency:nha->claim:c1', v)).toBe(false);
    expect(edgeVisible(g, 'leads:person:mara-quell->agency:nha', v)).toBe(false);
    expect(edgeVisible(g, 'employs:agency:nha->person:nha-spokesperson', v)).toBe(true);
  });
});

describe('parsing graph files', () => {
  test('format from the name, else from the text', () => {
    expect(detectFormat('a.GEXF', '{')).toBe('gexf');
    expect(detectFormat('graph', '  <?xml')).toBe('gexf');
    expect(detectFormat('graph', '{}')).toBe('json');
  });

  test('JSON: a valid graph opens; bad ones name the file and the reason', () => {
    expect(parseGraphText(JSON.stringify(miniGraph().export()), 'mini.json').order).toBe(miniGraph().order);
    expect(() => parseGraphText('{', 'x.json')).toThrow(/^x\.json: not valid JSON/);
    expect(() => parseGraphText('   ', 'x.json')).toThrow(/x\.json: the file is empty/);
    const bad = miniGraph().export();
    bad.edges[0]!.target = 'nowhere';
    expect(() => parseGraphText(JSON.stringify(bad), 'x.json')).toThrow(/unknown target node "nowhere"/);
  });
});
