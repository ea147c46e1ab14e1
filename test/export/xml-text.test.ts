/**
 * XML text helpers: what XML 1.0 forbids is dropped, everything else is kept; element content keeps carriage returns.
 */
import { DOMParser } from '@xmldom/xmldom';
import { xmlSafeText, xmlTextContent } from '../../src/export/xml-text';
import { toScalar, extraAttributeTypes } from '../../src/export/attributes';

test('drops C0 controls but tab, LF and CR; unpaired surrogates; U+FFFE and U+FFFF', () => {
  const forbidden = [...Array(32).keys()].filter((c) => ![9, 10, 13].includes(c)).map((c) => String.fromCharCode(c));
  expect(xmlSafeText(`a${forbidden.join('')}b`)).toBe('ab');
  expect(xmlSafeText('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
  expect(xmlSafeText('emoji 🚀 pair kept')).toBe('emoji 🚀 pair kept');
  expect(xmlSafeText('lone \ud800 high, lone \udc00 low, \ufffe\uffff')).toBe('lone  high, lone  low, ');
  expect(xmlSafeText('\u007f\u0085 é 中')).toBe('\u007f\u0085 é 中');
});

test('element content: &, <, > and CR escaped, so an XML parser gives back the same text', () => {
  const text = 'a & b < c > d\r\ne\rf "q" \'s\' \u0001';
  const xml = `<x>${xmlTextContent(text)}</x>`;
  const parsed = new DOMParser().parseFromString(xml, 'application/xml').documentElement!.textContent;
  expect(parsed).toBe(text.replace('\u0001', ''));
});

test('toScalar: scalars as they are, objects as JSON, empty values left out', () => {
  expect([toScalar('s'), toScalar(1.5), toScalar(false)]).toEqual(['s', 1.5, false]);
  expect(toScalar({ a: [1] })).toBe('{"a":[1]}');
  expect([toScalar(null), toScalar(undefined), toScalar(NaN), toScalar(Infinity)]).toEqual([undefined, undefined, undefined, undefined]);
});

test('extra attribute types widen: integer with double is double, anything else mixed is string', () => {
  const elements = [{ a: 1, b: 1, c: true, d: 'x', kind: 'k' }, { a: 2.5, b: 'two', c: true, d: { o: 1 } }];
  const types = extraAttributeTypes((cb) => elements.forEach(cb), new Set(['kind']));
  expect(Object.fromEntries(types)).toEqual({ a: 'double', b: 'string', c: 'boolean', d: 'string' });
});
