/**
 * The parsed form of Apollo Connectors' mapping language. Names follow the
 * grammar in Apollo's reference: a selection is named selections; each names
 * a path; a path starts at a key, a variable, `@` or `$(...)` and takes steps.
 * `offset` is where a node starts in its source text, for messages.
 */

/** A property name; `quoted` when written as a string (`"ids[]"`), which messages keep. */
export interface Key {
  name: string;
  quoted: boolean;
}

export type Step =
  | { kind: 'key'; key: Key; offset: number }
  | { kind: 'method'; name: string; args: Expr[] | undefined; offset: number }
  /** `?`: null here ends the path with no value and no error. */
  | { kind: 'question'; offset: number };

export type PathStart =
  /** `a.b`: read from `$`, the value the closest `{ ... }` applies to. */
  | { kind: 'key'; key: Key }
  /** `$`, `$args`, `$this`, ... or `@` (the value a method received). */
  | { kind: 'var'; name: string }
  /** `$(...)`. */
  | { kind: 'expr'; expr: Expr };

export interface Path {
  kind: 'path';
  start: PathStart;
  steps: Step[];
  /** A trailing `{ ... }`, applied to the path's value (to each item of a list). */
  sub: SubSelection | undefined;
  offset: number;
}

export interface SubSelection {
  items: Named[];
  offset: number;
}

export interface Named {
  /** `alias:`, `...`, or nothing: a single key names itself; an anonymous path with `{ ... }` spreads its fields. */
  prefix: { kind: 'alias'; key: Key } | { kind: 'spread'; explicit: boolean } | { kind: 'none' };
  path: Path;
  offset: number;
}

/** Literal expressions: inside `$(...)` and method arguments. */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; offset: number }
  | { kind: 'object'; entries: [Key, Expr][]; offset: number }
  | { kind: 'array'; items: Expr[]; offset: number }
  | Path
  /** A literal followed by steps: `"abc"->first`, `[1, 2]->last`. */
  | { kind: 'literal-path'; head: Expr; steps: Step[]; offset: number }
  /** `a ?? b ?? c` (null or missing falls through) or `a ?! b` (only missing does). */
  | { kind: 'chain'; op: '??' | '?!'; operands: Expr[]; offset: number };

/** A whole selection: named selections, or one anonymous path whose value is the result. */
export type Selection = { kind: 'named'; selection: SubSelection } | { kind: 'path'; path: Path };
