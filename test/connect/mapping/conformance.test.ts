/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { applyMapping, compileMapping } from '../../../src/connect/mapping/index.ts';
import type { MappingCase } from './conformance/case.ts';

const tables = import.meta.glob<MappingCase[]>('./conformance/*.cases.ts', { eager: true, import: 'cases' });

describe.each(Object.entries(tables))('conformance with Apollo: %s', (_file, cases) => {
  it.each(cases.map((each) => [`${each.selection}  (${each.source})`, each] as const))('%s', (_name, each) => {
    if (each.syntaxError !== undefined) {
      expect(() => compileMapping(each.selection)).toThrow(each.syntaxError);
      return;
    }
    const { value, errors } = applyMapping(compileMapping(each.selection), each.input ?? null, each.vars ?? {});
    if ('expected' in each) expect(value).toEqual(each.expected);
    else expect(value).toBeUndefined();
    const messages = errors.map((error) => error.message);
    if (each.errors) for (const message of each.errors) expect(messages).toContain(message);
    else expect(messages).toEqual([]);
  });
});

it('holds at least 300 cases, each citing its source', () => {
  const all = Object.values(tables).flat();
  expect(all.length).toBeGreaterThanOrEqual(300);
  for (const each of all) expect(each.source).toMatch(/^(router|docs)/);
});
