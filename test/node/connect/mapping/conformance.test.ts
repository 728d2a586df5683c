/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { emitSelection, loadEmitted } from '../../../../src/connect/mapping/emit.ts';
import { instantiate } from '../../../../src/connect/mapping/emitted.ts';
import { applyMapping, compileMapping, type Mapping } from '../../../../src/connect/mapping/index.ts';
import type { MappingCase } from './conformance/case.ts';

const tables = import.meta.glob<MappingCase[]>('./conformance/*.cases.ts', { eager: true, import: 'cases' });

/** Each case runs on both forms a selection takes: the closures compiled when the isolate starts, and the JavaScript the build writes into the schema module. */
const forms: [string, (source: string) => Mapping][] = [
  ['compiled', compileMapping],
  [
    'written by the build',
    (source) => {
      const mapping = compileMapping(source);
      return { ...mapping, evaluate: instantiate(mapping.ast, loadEmitted(emitSelection(mapping.ast))) };
    },
  ],
];

describe.each(forms.flatMap(([form, compile]) => Object.entries(tables).map(([file, cases]) => [`${form}, ${file}`, compile, cases] as const)))('conformance with Apollo: %s', (_name, compile, cases) => {
  it.each(cases.map((each) => [`${each.selection}  (${each.source})`, each] as const))('%s', (_name, each) => {
    if (each.syntaxError !== undefined) {
      expect(() => compile(each.selection)).toThrow(each.syntaxError);
      return;
    }
    const { value, errors } = applyMapping(compile(each.selection), each.input ?? null, each.vars ?? {});
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
