/**
 * CSV export: nodes.csv and edges.csv parsed back with csv-parse, one row per node and per edge, every value exact.
 */
import { parse } from 'csv-parse/sync';
import { EDGE_COLUMNS, NODE_COLUMNS, writeCsv } from '../../src/export/csv';
import { NASTY_LABELS, nastyGraph } from './nasty-graph';
import { miniClaimGraph as mini } from './test-graphs';


function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: false, relax_column_count: false }) as Record<string, string>[];
}

test.each([['mini graph', mini], ['nasty graph', nastyGraph]] as const)('%s: one row per node and per edge, values exact', (_name, make) => {
  const graph = make();
  const { nodes, edges } = writeCsv(graph);
  const nodeRows = readCsv(nodes);
  const edgeRows = readCsv(edges);
  expect(nodeRows).toHaveLength(graph.order);
  expect(edgeRows).toHaveLength(graph.size);
  expect(Object.keys(nodeRows[0]!).slice(0, NODE_COLUMNS.length)).toEqual([...NODE_COLUMNS]);
  expect(Object.keys(edgeRows[0]!).slice(0, EDGE_COLUMNS.length)).toEqual([...EDGE_COLUMNS]);

  const documents = new Map(graph.getAttribute('documents').map((d) => [d.id, d.text]));
  nodeRows.forEach((row, i) => {
    const key = graph.nodes()[i]!;
    const node = graph.getNodeAttributes(key);
    expect(row).toMatchObject({ Id: key, Label: node.label, Kind: node.kind, Color: node.color, Text: node.kind === 'claim' ? node.text : '' });
    // `+ 0` turns -0 (which text formats write as 0) into 0
    expect([Number(row.X), Number(row.Y), Number(row.Size)]).toEqual([node.x + 0, node.y + 0, node.size + 0]);
    expect(JSON.parse(row.Aliases!)).toEqual(node.aliases);
    expect(JSON.parse(row.Evidence!)).toEqual(node.evidence);
    const first = node.evidence[0]!;
    expect(row.EvidenceText!.startsWith(documents.get(first.doc)!.slice(first.start, first.end))).toBe(true);
  });
  edgeRows.forEach((row) => {
    const key = row.Id!;
    expect(graph.hasEdge(key)).toBe(true);
    expect(row).toMatchObject({
      Source: graph.source(key), Target: graph.target(key), Kind: graph.getEdgeAttribute(key, 'kind'),
      Type: graph.isUndirected(key) ? 'Undirected' : 'Directed',
    });
    expect(JSON.parse(row.Evidence!)).toEqual(graph.getEdgeAttribute(key, 'evidence'));
  });
});

test('nasty labels survive exactly, control characters included (CSV can carry them)', () => {
  const labels = readCsv(writeCsv(nastyGraph()).nodes).map((r) => r.Label);
  for (const { label } of NASTY_LABELS) expect(labels).toContain(label);
});

test('RFC 4180: CRLF between records, and fields with line breaks, commas or quotes are quoted', () => {
  const { nodes } = writeCsv(nastyGraph());
  expect(nodes.split('\r\n')[0]).toBe([...NODE_COLUMNS, 'community', 'central', 'extra', '"odd name & ""quote"" `tick`"'].join(','));
  expect(nodes).toContain('"line one\nline two\r\nline three\rend"');
  expect(nodes).toContain('"AT&T <Labs> & ""Friends"""');
  // every record ends with CRLF, and no bare line break lies outside quotes: a strict parse with CRLF only agrees
  const strict = parse(nodes, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  expect(strict).toHaveLength(nastyGraph().order);
});

test('attributes outside the contract become columns; booleans read true/false and objects JSON', () => {
  const rows = readCsv(writeCsv(nastyGraph()).nodes);
  expect(rows[0]).toMatchObject({ community: '0', central: 'true', 'odd name & "quote" `tick`': '0' });
  expect(JSON.parse(rows[0]!.extra!)).toEqual({ nested: [NASTY_LABELS[0]!.label] });
  const claimRow = rows.find((r) => r.Kind === 'claim')!;
  expect(claimRow).toMatchObject({ community: '', central: '', extra: '' });
});
