import { describe, expect, it } from 'vitest';
import { applySelection, parseSelection, parseValue, evaluate, SelectionSyntaxError } from '../../../src/connect/selection.ts';

const apply = (selection: string, data: unknown, variables = {}) => applySelection(parseSelection(selection), data, variables);

describe('the selection mapping subset', () => {
  it('copies fields, renames with aliases and reads paths', () => {
    const user = { id: 3, full_name: 'Ada', address: { city: 'London', zip: 'N1' }, secret: 'x' };
    expect(apply('id name: full_name city: address.city', user)).toEqual({ id: 3, name: 'Ada', city: 'London' });
  });

  it('maps nested objects, and lists item by item', () => {
    const body = { items: [{ id: 1, price: { amount: '1.00', currency: 'USD', cents: 100 } }, { id: 2, price: null }], total: 2 };
    expect(apply('nodes: items { id price { amount currency } } totalCount: total', body)).toEqual({
      nodes: [{ id: 1, price: { amount: '1.00', currency: 'USD' } }, { id: 2, price: null }],
      totalCount: 2,
    });
  });

  it('applies a plain selection to each item of a list answer, as Apollo does', () => {
    expect(apply('id author: { id: userId }', [{ id: 1, userId: 3 }, { id: 2, userId: 4 }])).toEqual([
      { id: 1, author: { id: 3 } },
      { id: 2, author: { id: 4 } },
    ]);
  });

  it('makes the whole result from a lone $.path { ... }, a list when the path is one', () => {
    expect(apply('$.items { id }', { items: [{ id: 1, x: 1 }, { id: 2 }] })).toEqual([{ id: 1 }, { id: 2 }]);
    expect(apply('$.data { id }', { data: { id: 7, y: 2 } })).toEqual({ id: 7 });
  });

  it('builds stub entities from the current value and from variables', () => {
    expect(apply('id items { product: { id: productId } quantity }', { id: 'o1', items: [{ productId: '7', quantity: 2 }] })).toEqual({
      id: 'o1',
      items: [{ product: { id: '7' }, quantity: 2 }],
    });
    expect(apply('id: $args.id', undefined, { args: { id: '9' } })).toEqual({ id: '9' });
    expect(apply('$args.ids { id: $ }', undefined, { args: { ids: ['3', '1'] } })).toEqual([{ id: '3' }, { id: '1' }]);
    expect(apply('posts: $this.id', undefined, { this: { id: 4 } })).toEqual({ posts: 4 });
  });

  it('reads $batch keys as a list, repeated or comma-joined', () => {
    const batch = { batch: [{ id: '1' }, { id: null }, { id: '3' }] };
    expect(apply('id: $batch.id', undefined, batch)).toEqual({ id: ['1', null, '3'] });
    expect(apply("ids: $batch.id->joinNotNull(',')", undefined, batch)).toEqual({ ids: '1,3' });
    expect(evaluate(parseValue('$batch.id->first'), undefined, batch)).toBe('1');
  });

  it('answers null for what the origin left out, never throws on a missing path', () => {
    expect(apply('id price { amount } city: address.city', { id: 1 })).toEqual({ id: 1, price: null, city: null });
  });

  it('names the mistake in what it cannot parse', () => {
    expect(() => parseSelection('id {')).toThrow(SelectionSyntaxError);
    expect(() => parseSelection('id name: ')).toThrow(/expected a value/);
    expect(() => parseSelection('$nope.id')).toThrow(/unknown variable "\$nope"/);
    expect(parseSelection('ids: $batch.id->slise(1)').warnings.map((warning) => warning.message)).toEqual(['unknown method ->slise (did you mean ->slice?): it gives no value']);
    expect(() => parseSelection('id; name')).toThrow(/unexpected ";"/);
  });
});
