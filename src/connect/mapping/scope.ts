/** What a compiled selection runs with: its scope (variables, and the errors it collects) and the shapes of its functions. */
export interface MappingError {
  message: string;
  /** Where in the selection's text. */
  offset: number;
}

export interface Scope {
  /** Variables by written name (`$args`), and `->as` locals. */
  vars: Record<string, unknown>;
  errors: MappingError[];
  /** A named key with no value is null rather than left out (a GraphQL field's value reads both alike). */
  nullForMissing?: boolean;
}

/** `data`: what `@` and a `{ ... }` read; `dollar`: what `$` and bare keys read. */
export type Evaluate = (data: unknown, dollar: unknown, scope: Scope) => unknown;
export type Tail = (value: unknown, dollar: unknown, scope: Scope) => unknown;
export type ApplySub = (value: unknown, scope: Scope) => unknown;

/** Records a problem at `offset` of the selection's text and answers "no value". */
export function fail(scope: Scope, message: string, offset: number): undefined {
  scope.errors.push({ message, offset });
  return undefined;
}
