/**
 * Hard-wrapped and tabbed text: the nlp stage reads a same-length copy in which a line break inside a paragraph
 * and a tab are spaces, so a wrapped sentence is one claim and a tab splits no name; the evidence offsets still
 * index the stored text, which keeps its line breaks and tabs.
 */
import { documentFromText } from '../../src/ingest/from-text';
import { proseText } from '../../src/ingest/prose-text';
import { extractDocument } from '../../src/pipeline/extract-document';

const WRAPPED =
  'Harbor Board Approves Budget\n\n' +
  'The harbor board chairwoman, Mira Jansen, said on Monday that the\r\n' +
  'budget for the new pier had been approved by a wide margin, and that\n' +
  'construction would begin in the spring.\n\n' +
  'The\tcity council\tdenied that the pier would cost more than planned.\n';

describe('proseText', () => {
  it('keeps the length, turns wraps inside a paragraph and tabs into spaces, and keeps every other break', () => {
    const prose = proseText(WRAPPED);
    expect(prose).toHaveLength(WRAPPED.length);
    expect(prose).toBe(
      'Harbor Board Approves Budget\n\n' +
        'The harbor board chairwoman, Mira Jansen, said on Monday that the  ' +
        'budget for the new pier had been approved by a wide margin, and that ' +
        'construction would begin in the spring.\n\n' +
        'The city council denied that the pier would cost more than planned.\n',
    );
  });

  it('keeps the breaks of a title, a byline, Markdown blocks and lines that end a sentence', () => {
    const text = '# A Title That Is Long Enough To Look Like A Wrapped Line\nBy Jane Doe\nMarch 5, 2024\n\n' +
      'The list below holds every stop that the new ferry line will make:\n- Pier One\n- Pier Two\n\n' +
      'One paragraph on a line of its own, as some exporters write them.\nAnd another one just like it.\n';
    expect(proseText(text)).toBe(text);
  });
});

describe('extraction over hard-wrapped text', () => {
  it('reads a wrapped sentence as one claim and a tabbed name as one name, with offsets into the stored text', () => {
    // LF only here: a CRLF wrap becomes two spaces (same length), which the claim text keeps as they are
    const stored = WRAPPED.replace('\r\n', '\n');
    const extraction = extractDocument(documentFromText('wrapped', stored));
    expect(extraction.doc.text).toBe(stored);
    const texts = extraction.claims.map((c) => c.text);
    expect(texts).toContain('the budget for the new pier had been approved by a wide margin, and that construction would begin in the spring');
    expect(extraction.entities.map((e) => e.label)).toContain('city council');
    for (const entity of extraction.entities) {
      expect(entity.label.trim()).toBe(entity.label);
      // the offsets index the stored text; the mention's own text is read from the copy (a tab there is a space)
      const spaced = (t: string) => t.replace(/\s/g, ' ');
      for (const m of entity.mentions) expect(spaced(stored.slice(m.start, m.end))).toBe(spaced(m.text));
    }
  });
});
