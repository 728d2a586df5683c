import type { Selection } from './ast.ts';
import { unknownMethods } from './analyze.ts';
import { emittedFor, instantiate } from './emitted.ts';
import { compileSelection } from './evaluate.ts';
import { parseSelection } from './parse.ts';
import type { Evaluate, MappingError } from './scope.ts';

/**
 * Apollo Connectors' mapping language: a selection's text, compiled once;
 * applied per call to an origin's answer and the variables in scope.
 */
export interface Mapping {
  readonly source: string;
  readonly ast: Selection;
  readonly evaluate: Evaluate;
  /** What compiles but cannot be meant (an unknown method): for the build to print. */
  readonly warnings: readonly { message: string; offset: number }[];
}

export { MappingSyntaxError } from './parse.ts';
export type { MappingError } from './scope.ts';
export { useEmittedSelections, type EmittedSelection } from './emitted.ts';

/** Parses and compiles (taking the form the build wrote, when the schema module has one); a mistake throws `MappingSyntaxError` with its offset. */
export function compileMapping(source: string): Mapping {
  const ast = parseSelection(source);
  const written = emittedFor(source);
  return { source, ast, evaluate: written ? instantiate(ast, written) : compileSelection(ast), warnings: unknownMethods(ast) };
}

/**
 * The mapping applied to `input` (what `$` and `@` are at the top) with
 * variables by written name (`{ $args: {...} }`). `value` is `undefined`
 * when the mapping gives nothing; `errors` say why parts are missing.
 * `nullForMissing`: a selected key with no value is null, not left out.
 */
export function applyMapping(mapping: Mapping, input: unknown, vars: Record<string, unknown>, nullForMissing = false): { value: unknown; errors: MappingError[] } {
  const scope = { vars, errors: [] as MappingError[], nullForMissing };
  const value = mapping.evaluate(input, input, scope);
  return { value, errors: scope.errors };
}
