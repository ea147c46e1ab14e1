/** Terminal rendering: aligned columns, cut text on demand, one line per evidence. */
import { formatTable, truncate } from '../../src/query/render/table';
import { arrow, renderClaims } from '../../src/query/render/text';
import { queryGraph } from '../../src/query';
import { graphFromJson } from '../../src/graph/load';
import { miniGraph } from '../fixtures/mini-graph';

describe('formatTable', () => {
  it('pads every column to its widest cell and right-aligns numbers', () => {
    const out = formatTable([{ header: 'NAME' }, { header: 'N', align: 'right' }], [['a', '1'], ['longer', '100']]).split('\n');
    expect(out).toEqual(['NAME      N', '------  ---', 'a         1', 'longer  100']);
  });

  it('cuts text columns to the width asked, never others', () => {
    const out = formatTable([{ header: 'K' }, { header: 'TEXT', text: true }], [['keep-this-long-key', 'abcdefghij']], { textWidth: 5 });
    expect(out.split('\n')[2]).toBe('keep-this-long-key  abcd…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});

describe('renderers', () => {
  it('draws edges as arrows read from the row node', () => {
    expect([arrow('leads', 'out'), arrow('leads', 'in'), arrow('meets', 'undirected')]).toEqual(['-leads->', '<-leads-', '-meets-']);
  });

  it('prints one line per attribution, with its sentence', () => {
    const q = queryGraph(graphFromJson(miniGraph().export()));
    const rows = q.claims();
    const lines = renderClaims(rows).split('\n');
    expect(lines).toHaveLength(rows.length + 2);
    const denied = lines.find((l) => l.includes(' denied '))!;
    expect(denied).toContain('Ravenline');
    expect(denied).toContain('Ravenline denied that the breach was a welding fault.');
    // columns line up: the stance column starts at the same place on every line
    const column = lines[0]!.indexOf('STANCE');
    expect(lines.slice(2).every((l) => /\S/.test(l[column]!) && l[column - 1] === ' ')).toBe(true);
  });
});
