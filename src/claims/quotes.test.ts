/**
 * claimgraph claims: quotation regions and span trimming on short texts: curly, straight and typewriter marks,
 * quotations that go on in the next paragraph, and spans trimmed without changing the text.
 */
import { chainEnd, findQuotes, quoteAt } from './quotes';
import { trimContent } from './spans';

describe('quotation regions', () => {
  it('pairs curly, straight and typewriter quotation marks', () => {
    const text = '“One,” she said. "Two," he said. \'\'Three,\'\' they said.';
    const regions = findQuotes(text);
    expect(regions.map((r) => text.slice(r.start, r.end))).toEqual(['“One,”', '"Two,"', "''Three,''"]);
    expect(regions.every((r) => r.closed)).toBe(true);
    expect(quoteAt(regions, text.indexOf('Two'))).toBe(1);
    expect(quoteAt(regions, text.indexOf('she'))).toBe(-1);
  });

  it('continues a quotation left open at a paragraph end into the next paragraph that reopens it', () => {
    const text = 'He said: “First part.\n\n“Second part.”\n\nNot quoted.';
    const regions = findQuotes(text);
    expect(regions.length).toBe(2);
    expect(regions[0]!.closed).toBe(false);
    expect(regions[1]!.continues).toBe(0);
    expect(chainEnd(regions, 0)).toBe(1);
  });

  it('does not continue into a paragraph that opens without a quotation mark', () => {
    const regions = findQuotes('He said: “First part.\n\nSecond part.”');
    expect(regions[0]!.closed).toBe(false);
    expect(regions.slice(1).every((r) => r.continues === -1)).toBe(true);
  });
});

describe('span trimming', () => {
  it('moves the span past quotation marks, final punctuation and a leading "that"', () => {
    const text = 'He said that “the river is rising.” Then he left.';
    const span = trimContent(text, { start: text.indexOf('that'), end: text.indexOf(' Then') });
    expect(text.slice(span.start, span.end)).toBe('the river is rising');
  });

  it('keeps a closing bracket whose opening one is inside the span', () => {
    const text = 'It docked with the Kestrel (KX-04). (Updated.)';
    const a = trimContent(text, { start: 0, end: text.indexOf(' (Updated') });
    expect(text.slice(a.start, a.end)).toBe('It docked with the Kestrel (KX-04)');
    const b = trimContent(text, { start: text.indexOf('Updated'), end: text.length });
    expect(text.slice(b.start, b.end)).toBe('Updated');
  });

  it('keeps a leading "that" when asked to', () => {
    const text = 'That plan failed, he said.';
    const span = trimContent(text, { start: 0, end: text.indexOf(',') }, false);
    expect(text.slice(span.start, span.end)).toBe('That plan failed');
  });
});
