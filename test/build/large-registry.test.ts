/**
 * A raised --max-size must work: an article with hundreds of thousands of mentions once overflowed the stack
 * in the claim stage's mention index (a spread of the whole array into push).
 */
import { EntityRegistry } from '../../src/claims/registry';
import type { EntityRecord } from '../../src/types';

it('indexes 300,000 mentions of one entity without overflowing the stack', () => {
  const count = 300_000;
  const mentions = Array.from({ length: count }, (_, i) => ({ start: i * 5, end: i * 5 + 4, text: 'Acme' }));
  const entity: EntityRecord = { id: 'e0', kind: 'agency', label: 'Acme', aliases: [], mentions };
  const registry = new EntityRegistry([entity], 'Acme '.repeat(count));
  expect(registry.overlapping({ start: 500_000, end: 500_004 }, { start: 500_000, end: 500_004 })).toBe(0);
});
