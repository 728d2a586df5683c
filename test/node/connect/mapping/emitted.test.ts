import { describe, expect, it } from 'vitest';
import { emitSelection, loadEmitted } from '../../../../src/connect/mapping/emit.ts';
import { instantiate, type EmittedRuntime, type EmittedSelection } from '../../../../src/connect/mapping/emitted.ts';
import { applyMapping, compileMapping, type Mapping } from '../../../../src/connect/mapping/index.ts';

/**
 * The form the build writes (emit.ts) against the compiled closures
 * (evaluate.ts), on inputs chosen to reach each of the written code's
 * branches and each of its hand-overs: both must give the same value and the
 * same errors, with missing keys left out and with them null.
 */
const SELECTIONS = [
  '$.items { id name: full_name price: price_cents->parseInt tags: tags->slice(0, 2) city: address.city }',
  'id name: full_name owner { login id }',
  'a.b?.c',
  'first: $->first? other: $.x->as($y)->echo($y)',
  'value: constructor hasOwnProperty: toString',
  'id: $args.id self: @.id lit: $("x") tail: list->last',
  'a: x b: x',
  '$.list { ... inner { z } y }',
  'tag: name->lenght',
  '$.deep.deeper { k }',
  'v: x->jsonStringify w: x?->typeof',
  'size: list.length',
  'q: list->first? r: list->last',
  'this: $this.id arg: $args.id->slice(1)',
];

const INPUTS: unknown[] = [
  {
    items: [
      { id: 1, full_name: 'One', price_cents: '100', tags: ['a', 'b', 'c'], address: { city: 'Lyon' } },
      { id: 2, full_name: 'Two', price_cents: 'unknown', tags: 'abc', address: [{ city: 'Lund' }, { city: 'Leeds' }] },
      { id: 3, price_cents: 7, address: null },
      null,
      'text',
      [{ id: 4, full_name: 'Nested', price_cents: '4', tags: [], address: { city: 'Lodz' } }],
    ],
  },
  { id: 1, full_name: 'A', owner: { login: 'o', id: 9 } },
  { id: 1, owner: [{ login: 'x' }, { id: 2 }, 3] },
  { a: { b: null } },
  { a: { b: { c: 5 } } },
  { a: [{ b: { c: 1 } }, { b: null }] },
  [1, 2, 3],
  { x: 1, constructor: 'own', toString: 't' },
  { list: [{ inner: { z: 1 }, y: 2 }, { inner: null, y: 3 }, { y: 4 }] },
  { deep: { deeper: [{ k: 1 }, { j: 2 }] } },
  { x: { nested: [1, 'two', null] }, name: 'n', list: [1, 2] },
  { x: null },
  { list: [null, 2] },
  'scalar',
  null,
  undefined,
];

const VARS = { $args: { id: 'arg' } };

function written(mapping: Mapping, runtime?: (given: EmittedRuntime) => EmittedRuntime): Mapping {
  const emitted = loadEmitted(emitSelection(mapping.ast));
  const wrapped: EmittedSelection = runtime ? (given) => emitted(runtime(given)) : emitted;
  return { ...mapping, evaluate: instantiate(mapping.ast, wrapped) };
}

describe.each(SELECTIONS)('%s', (selection) => {
  const compiled = compileMapping(selection);
  const emitted = written(compiled);
  it.each(INPUTS.map((input) => [String(JSON.stringify(input)), input] as const))('gives what the closures give for %s', (_name, input) => {
    for (const nullForMissing of [false, true]) {
      expect(applyMapping(emitted, input, VARS, nullForMissing)).toEqual(applyMapping(compiled, input, VARS, nullForMissing));
    }
  });
});

describe('the written form', () => {
  /** Counts the closures the written code falls back to while applying. */
  function countingHandOvers(selection: string) {
    let handOvers = 0;
    const count = <F extends (...args: never[]) => unknown>(closure: F): F => ((...args: Parameters<F>) => (handOvers++, closure(...args))) as F;
    const mapping = written(compileMapping(selection), (given) => ({
      ...given,
      path: (n) => count(given.path(n)),
      tail: (n, step) => count(given.tail(n, step)),
      sub: (n) => count(given.sub(n)),
    }));
    return { apply: (input: unknown) => applyMapping(mapping, input, {}, true).value, handOvers: () => handOvers };
  }

  it('maps regular items itself, and hands the irregular ones to the closures, which say why', () => {
    const { apply, handOvers } = countingHandOvers('$.items { id name: full_name price: price_cents->parseInt city: address.city }');
    const item = { id: 1, full_name: 'One', price_cents: '100', address: { city: 'Lyon' } };
    expect(apply({ items: [item, item] })).toEqual([
      { id: 1, name: 'One', price: 100, city: 'Lyon' },
      { id: 1, name: 'One', price: 100, city: 'Lyon' },
    ]);
    expect(handOvers()).toBe(0);
    expect(apply({ items: [{ id: 2, price_cents: '5', address: 'none' }] })).toEqual([{ id: 2, name: null, price: 5, city: null }]);
    expect(handOvers()).toBe(2);
  });

  it('builds each object as one literal in the order the selection names its keys', () => {
    const source = emitSelection(compileMapping('b: x a: y "quoted key": z').ast);
    expect(source).toContain('return { "b": f0, "a": f1, "quoted key": f2 };');
  });

  it('leaves a selection that would name __proto__ to the closures', () => {
    const source = emitSelection(compileMapping('__proto__: x y').ast);
    expect(source).not.toContain('"__proto__": f0');
  });
});
