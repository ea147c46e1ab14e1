import { miniGraph } from '../../test/fixtures/mini-graph';
import { syntheticGraph } from '../../test/fixtures/synthetic-graph';
import { GraphContractError, validateSerializedGraph } from './schema';
import { graphFromJson, graphFromJsonText } from './load';

const exported = () => JSON.parse(JSON.stringify(miniGraph().export()));

describe('graph contract validation', () => {
  it('accepts the hand-made fixture and a synthetic graph', () => {
    expect(() => validateSerializedGraph(exported())).not.toThrow();
    expect(() => validateSerializedGraph(JSON.parse(JSON.stringify(syntheticGraph(60, 200).export())))).not.toThrow();
  });

  it('round-trips through graphFromJson with every node and edge', () => {
    const original = miniGraph();
    const loaded = graphFromJson(exported());
    expect(loaded.order).toBe(original.order);
    expect(loaded.size).toBe(original.size);
    expect(loaded.getNodeAttribute('agency:nha', 'label')).toBe('NHA');
    expect(loaded.isUndirected(loaded.edges('agency:nha', 'agency:ravenline').find((e) => loaded.getEdgeAttribute(e, 'kind') === 'meets')!)).toBe(true);
  });

  it('names the file and the attribute for a wrong node kind', () => {
    const data = exported();
    data.nodes[0].attributes.kind = 'planet';
    expect(() => validateSerializedGraph(data, 'bad.json')).toThrow(/bad\.json: .*nodes\[0\]\.attributes\.kind/);
  });

  it('rejects an edge whose end does not exist', () => {
    const data = exported();
    data.edges[0].target = 'nowhere';
    expect(() => validateSerializedGraph(data, 'g.json')).toThrow(/unknown target node "nowhere"/);
  });

  it('rejects evidence outside its document or in an unknown one', () => {
    const data = exported();
    data.nodes[0].attributes.evidence = [{ doc: 'agency-statement', start: 0, end: 1e6 }];
    data.nodes[1].attributes.evidence = [{ doc: 'missing-doc', start: 0, end: 1 }];
    let error: GraphContractError | undefined;
    try {
      validateSerializedGraph(data, 'g.json');
    } catch (e) {
      error = e as GraphContractError;
    }
    expect(error?.issues).toEqual(
      expect.arrayContaining([expect.stringMatching(/outside document "agency-statement"/), expect.stringMatching(/unknown document "missing-doc"/)]),
    );
  });

  it('reports a JSON syntax error with the file name', () => {
    expect(() => graphFromJsonText('{"nodes": [', 'broken.json')).toThrow(/^broken\.json: not valid JSON/);
  });

  it('rejects something that is not a graph at all', () => {
    expect(() => validateSerializedGraph([1, 2, 3], 'list.json')).toThrow(GraphContractError);
  });
});
