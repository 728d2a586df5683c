import { comparisonAndArithmeticMethods } from './comparisons-and-arithmetic.ts';
import type { MethodSpec } from './method.ts';
import { objectAndTextMethods } from './objects-and-text.ts';
import { pickAndSizeMethods } from './picks-and-sizes.ts';
import { walkAndChoiceMethods } from './walks-and-choices.ts';

/**
 * Every `->method` a selection may call, by name: those of Apollo's
 * `methods/public/`, and the five it has written but not yet made public
 * (`typeof`, `matchIf`, `has`, `keys`, `values`). `->as` binds a variable for
 * the rest of its path, so the evaluator runs it itself.
 */
export const METHODS: Readonly<Record<string, MethodSpec>> = {
  ...walkAndChoiceMethods,
  ...pickAndSizeMethods,
  ...objectAndTextMethods,
  ...comparisonAndArithmeticMethods,
};
