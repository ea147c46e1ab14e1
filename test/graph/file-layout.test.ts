/**
 * The graph file's line layout: written a line at a time, read as a stream however its chunks fall, the same
 * graph as `graph.export()`, with the same contract checks as a file parsed whole, and older files still read.
 */
import { graphFileDocumentIds, graphFileLines } from '../../src/graph/file-layout';
import { graphFromJsonText, graphFromTextStream, type ClaimGraph } from '../../src/graph/load';
import { miniGraph } from '../fixtures/mini-graph';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const layoutText = (graph: ClaimGraph) => [...graphFileLines(graph)].join('');
const mini = () => miniGraph() as unknown as ClaimGraph;
/** what a JSON reader sees (-0 is written 0) */
const exported = (graph: ClaimGraph) => JSON.parse(JSON.stringify(graph.export())) as unknown;

test('the lines joined are the JSON of graph.export(), one document, node or edge per line', () => {
  const graph = mini();
  const text = layoutText(graph);
  expect(JSON.parse(text)).toEqual(exported(graph));
  const lines = text.split('\n');
  // header, the documents, `]},`, options, `"nodes":[`, the nodes, `],`, `"edges":[`, the edges, `]}`, and the last line break
  const { documents } = graph.getAttributes();
  expect(lines).toHaveLength(1 + documents.length + 1 + 1 + 1 + graph.order + 1 + 1 + graph.size + 1 + 1);
  expect(lines[1]).toBe(`${JSON.stringify(documents[0])},`);
});

test.each([1, 7, 64, 1 << 20])('read as a stream in chunks of %i characters, the graph is the one written', async (size) => {
  const graph = mini();
  const read = await graphFromTextStream(chunked(layoutText(graph), size), 'g.json');
  expect(exported(read)).toEqual(exported(graph));
  expect(layoutText(read)).toBe(layoutText(graph));
});

test('a file of another layout (all attributes on one line, as version 1 wrote them) is read whole', async () => {
  const graph = mini();
  const old = JSON.stringify({ ...graph.export(), attributes: { ...graph.getAttributes(), schemaVersion: 1 } });
  const read = await graphFromTextStream(chunked(old, 5), 'old.json');
  expect(read.order).toBe(graph.order);
  expect(read.size).toBe(graph.size);
  expect(read.getAttribute('schemaVersion')).toBe(1);
});

test('line breaks written as CRLF and a byte-order mark are read', async () => {
  const graph = mini();
  const read = await graphFromTextStream(chunked(`\uFEFF${layoutText(graph).replace(/\n/g, '\r\n')}`, 9), 'crlf.json');
  expect(exported(read)).toEqual(exported(graph));
});

describe('a broken file is refused with the same reasons as when parsed whole, and the line', () => {
  const refusal = async (edit: (lines: string[]) => void): Promise<string> => {
    const lines = layoutText(mini()).split('\n');
    edit(lines);
    return graphFromTextStream(chunked(lines.join('\n'), 13), 'broken.json').then(
      () => 'read',
      (err: Error) => err.message,
    );
  };
  const nodeLine = (lines: string[]) => lines.indexOf('"nodes":[') + 1;
  const edgeLine = (lines: string[]) => lines.indexOf('"edges":[') + 1;

  test('a node of an unknown kind', async () => {
    const message = await refusal((lines) => (lines[nodeLine(lines)] = lines[nodeLine(lines)]!.replace(/"kind":"[a-z]+"/, '"kind":"planet"')));
    expect(message).toMatch(/^broken\.json: not a claimgraph graph: line \d+: nodes\[0\]\.attributes\.kind: /);
  });

  test('an edge to a node that is not there', async () => {
    const message = await refusal((lines) => (lines[edgeLine(lines)] = lines[edgeLine(lines)]!.replace(/"target":"[^"]+"/, '"target":"nobody"')));
    expect(message).toContain('unknown target node "nobody"');
  });

  test('evidence outside its document', async () => {
    const message = await refusal((lines) => (lines[nodeLine(lines)] = lines[nodeLine(lines)]!.replace(/"end":\d+/, '"end":999999')));
    expect(message).toMatch(/evidence \d+-999999 lies outside document/);
  });

  test('a line that is not JSON, by its number', async () => {
    const message = await refusal((lines) => (lines[nodeLine(lines)] = '{"key": '));
    expect(message).toMatch(/^broken\.json: not a claimgraph graph: line \d+: not valid JSON/);
  });

  test('a file cut short', async () => {
    const message = await refusal((lines) => lines.splice(edgeLine(lines)));
    expect(message).toContain('the file ends before the graph does');
  });

  test('a schema version newer than this reads', async () => {
    const message = await refusal((lines) => (lines[0] = lines[0]!.replace(/"schemaVersion":\d+/, '"schemaVersion":99')));
    expect(message).toContain('schemaVersion 99 is newer than this claimgraph reads');
  });

  test('the same problems whole and streamed', async () => {
    const lines = layoutText(mini()).split('\n');
    lines[edgeLine(lines)] = lines[edgeLine(lines)]!.replace(/"source":"[^"]+"/, '"source":"ghost"');
    const whole = (() => {
      try {
        graphFromJsonText(lines.join('\n'), 'broken.json');
        return 'read';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(await refusal((l) => l.splice(0, l.length, ...lines))).toBe(whole);
  });
});

test('the document ids are read without reading the nodes', async () => {
  const graph = mini();
  const lines = layoutText(graph).split('\n');
  const nodesAt = lines.indexOf('"nodes":[');
  const cut = [...lines.slice(0, nodesAt + 1), 'this is not read'].join('\n');
  expect(await graphFileDocumentIds(chunked(cut, 11))).toEqual({
    generator: graph.getAttribute('generator'),
    documents: graph.getAttribute('documents').map((d) => d.id),
  });
  expect(await graphFileDocumentIds(chunked(JSON.stringify(graph.export()), 11))).toEqual(await graphFileDocumentIds(chunked(cut, 3)));
  expect(await graphFileDocumentIds(chunked('{"notes": true}', 4))).toBeUndefined();
});
