import { visit } from './analyze.ts';
import type { Path, Selection, Step } from './ast.ts';
import { Call } from './call.ts';
import { compileArgs, compilePath, compileSub, compileTail, stepsOf } from './evaluate.ts';
import { METHODS } from './methods/index.ts';
import type { MethodSpec } from './methods/method.ts';
import type { ApplySub, Evaluate, Tail } from './scope.ts';

/**
 * Selections written as JavaScript at build time (emit.ts), and what that
 * code is given when the isolate starts. Workers may not compile code at run
 * time, so the compiled closures of evaluate.ts are the fastest form a
 * selection can take there unless the build writes it out: the written form
 * builds each object as one literal, reads properties by constant names and
 * calls methods directly.
 *
 * The written code handles the common shapes itself (property reads through
 * objects, methods, `?`, sub-selections whose items each name one key) and
 * hands anything else to evaluate.ts's closures: a sub-selection of another
 * shape, or a path from the step where it meets a list, a missing key or an
 * unusual step. Those closures then say what went wrong, so the written code
 * never needs its own error messages.
 */

/** The closures written code falls back to, found by the number `visit` gives each path (in order met); `'top'` is a selection's own `{ ... }`. */
export interface EmittedRuntime {
  path(path: number): Evaluate;
  /** The path's steps from `step` on (counting a bare first key as a step), then its `{ ... }`. */
  tail(path: number, step: number): Tail;
  sub(path: number | 'top'): ApplySub;
  args(path: number, step: number): Evaluate[];
  method(name: string): MethodSpec;
  Call: typeof Call;
}

export type EmittedSelection = (runtime: EmittedRuntime) => Evaluate;

/** Every path of a selection, numbered as the writer numbered them. */
export function pathsOf(selection: Selection): Path[] {
  const paths: Path[] = [];
  visit(selection, (path) => paths.push(path));
  return paths;
}

/** The written selection, given its fallbacks. */
export function instantiate(selection: Selection, emitted: EmittedSelection): Evaluate {
  const paths = pathsOf(selection);
  const pathAt = (index: number): Path => paths[index] ?? missing(`path ${index}`);
  return emitted({
    path: (index) => compilePath(pathAt(index)),
    tail: (index, step) => compileTail(pathAt(index), step),
    sub(index) {
      const sub = index === 'top' ? (selection.kind === 'named' ? selection.selection : undefined) : pathAt(index).sub;
      return compileSub(sub ?? missing(`{ ... } of ${index}`));
    },
    args: (index, step) => compileArgs(methodAt(stepsOf(pathAt(index))[step]) ?? missing(`method ${index}:${step}`)),
    method: (name) => METHODS[name] ?? missing(`->${name}`),
    Call,
  });
}

function methodAt(step: Step | undefined): (Step & { kind: 'method' }) | undefined {
  return step?.kind === 'method' ? step : undefined;
}

/** Written code that does not fit its selection was written from another text: a build bug, not a user's mistake. */
function missing(what: string): never {
  throw new Error(`[mapping] written selection refers to ${what}, which its text lacks: rebuild the schema module`);
}

/** The written selections of the schema being served, by their text; compileMapping (index.ts) takes one when it has it. */
const written = new Map<string, EmittedSelection>();

export function useEmittedSelections(selections: Readonly<Record<string, EmittedSelection>>): void {
  for (const [source, emitted] of Object.entries(selections)) written.set(source, emitted);
}

export function emittedFor(source: string): EmittedSelection | undefined {
  return written.get(source);
}
