import { localVariables, outputFields, variableReads, type VariableRead } from './mapping/analyze.ts';
import { applyMapping, compileMapping, MappingSyntaxError, type Mapping, type MappingError } from './mapping/index.ts';

/**
 * The connectors' use of the mapping language (`src/connect/mapping/`): a
 * `selection`, `queryParams` or `body`, compiled when the schema is read,
 * with the variables a connector has, by name without the `$`:
 *
 *   $args $this $batch       Apollo's: the field's arguments, the parent, the keys of a batch
 *   $config $env $context    Apollo's: per-source settings, allowed vars and secrets, the request's context
 *   $request $response $status   Apollo's: the client's headers, the origin's headers and status
 *   $key $result             this gateway's: a `@cacheTag`'s entity key, a mutation's result
 */
export type VariableName = 'args' | 'this' | 'batch' | 'key' | 'result' | 'config' | 'env' | 'context' | 'request' | 'response' | 'status';
export type Variables = Partial<Record<VariableName, unknown>>;

export const VARIABLES: readonly string[] = ['$args', '$this', '$batch', '$key', '$result', '$config', '$env', '$context', '$request', '$response', '$status'];

export type Selection = Mapping;
export { MappingSyntaxError as SelectionSyntaxError };

/** Compiles a selection; a variable that no connector has is a mistake found here, not per call. */
export function parseSelection(source: string): Selection {
  const mapping = compileMapping(source);
  const known = new Set([...VARIABLES, ...localVariables(mapping.ast)]);
  const unknown = variableReads(mapping.ast).find((read) => !known.has(read.name));
  if (unknown) throw new MappingSyntaxError(`unknown variable "${unknown.name}" (known: $, @, ${VARIABLES.join(', ')})`, unknown.offset);
  return mapping;
}

/** One expression, as inside `{...}` in a URL or a tag: `$args.id`, `$batch.id->joinNotNull(',')`. */
export function parseValue(source: string): Selection {
  const mapping = parseSelection(source);
  if (mapping.ast.kind !== 'path') throw new MappingSyntaxError(`"${source}" is not one expression such as $args.id`, 0);
  return mapping;
}

/**
 * The selection applied to an origin's answer (`data`). For a GraphQL
 * field's value, `missing: 'null'` answers null for a selected key the answer
 * lacks, where Apollo leaves it out: GraphQL reads both alike, and the cached
 * value then says the key was looked for. A request's `body` and
 * `queryParams` leave it out, as Apollo does, so that nothing is sent for it.
 * What the selection could not find (a property not there, a method that
 * failed) is added to `errors`, when given.
 */
export function applySelection(selection: Selection, data: unknown, variables: Variables, missing: 'null' | 'omit' = 'null', errors?: MappingError[]): unknown {
  const { value, errors: met } = applyMapping(selection, data, scopeOf(variables), missing === 'null');
  // One by one: a long list can fail on every item, more than a call's arguments may be.
  if (errors) for (const error of met) errors.push(error);
  if (value !== undefined || missing === 'omit') return value;
  // Nothing at all: null for a lone path; for named selections, each of them null.
  const fields = outputFields(selection.ast);
  return selection.ast.kind === 'path' || !fields.length ? null : Object.fromEntries(fields.map((field) => [field.name, null]));
}

/** One expression's value (`undefined` when it has none). */
export function evaluate(selection: Selection, data: unknown, variables: Variables): unknown {
  return applyMapping(selection, data, scopeOf(variables)).value;
}

/** The variables by written name (`$args`), as the mapping language reads them. */
export function scopeOf(variables: Variables): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const name in variables) {
    const value = variables[name as VariableName];
    if (value !== undefined) scope[`$${name}`] = value;
  }
  return scope;
}

/** The names a selection gives its result's top level (for a lone `$.path { ... }`, those of its sub-selection). */
export function outputNames(selection: Selection): string[] {
  return outputFields(selection.ast).map((field) => field.name);
}

/** The variables a selection reads, with the property path after each: `$this.id` → `{ name: '$this', keys: ['id'] }`. */
export function variablesRead(selection: Selection): VariableRead[] {
  return variableReads(selection.ast);
}
