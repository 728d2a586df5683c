import type { Expr, Path, Selection, Step, SubSelection } from './ast.ts';
import { nearestName } from './did-you-mean.ts';
import { METHODS } from './methods/index.ts';
import { singleKey } from './parse.ts';

/** Calls `onPath` for every path of a selection, wherever it is (method arguments, `$(...)`, sub-selections), and `onStep` for every step. */
export function visit(selection: Selection, onPath: (path: Path) => void, onStep: (step: Step) => void = () => {}): void {
  const steps = (list: Step[]) => {
    for (const step of list) {
      onStep(step);
      if (step.kind === 'method') step.args?.forEach(expr);
    }
  };
  const path = (node: Path) => {
    onPath(node);
    if (node.start.kind === 'expr') expr(node.start.expr);
    steps(node.steps);
    node.sub?.items.forEach((item) => path(item.path));
  };
  const expr = (node: Expr): void => {
    if (node.kind === 'path') path(node);
    else if (node.kind === 'object') node.entries.forEach(([, value]) => expr(value));
    else if (node.kind === 'array') node.items.forEach(expr);
    else if (node.kind === 'chain') node.operands.forEach(expr);
    else if (node.kind === 'literal-path') (expr(node.head), steps(node.steps));
  };
  if (selection.kind === 'path') path(selection.path);
  else selection.selection.items.forEach((item) => path(item.path));
}

/** A read of a variable: `$args.input.id` is `{ name: '$args', keys: ['input', 'id'] }` (the property steps up to the first method). */
export interface VariableRead {
  name: string;
  keys: string[];
  offset: number;
}

/** Every variable a selection reads. `$` and `@` are not variables. */
export function variableReads(selection: Selection): VariableRead[] {
  const reads: VariableRead[] = [];
  visit(selection, (path) => {
    const { start } = path;
    if (start.kind !== 'var' || start.name === '$' || start.name === '@') return;
    const keys: string[] = [];
    for (const step of path.steps) {
      if (step.kind === 'question') continue;
      if (step.kind !== 'key') break;
      keys.push(step.key.name);
    }
    reads.push({ name: start.name, keys, offset: path.offset });
  });
  return reads;
}

/** The variables `->as($name)` binds in a selection: they are known beside the built-in ones. */
export function localVariables(selection: Selection): string[] {
  const names: string[] = [];
  visit(
    selection,
    () => {},
    (step) => {
      const [first] = step.kind === 'method' && step.name === 'as' ? (step.args ?? []) : [];
      if (first?.kind === 'path' && first.start.kind === 'var') names.push(first.start.name);
    },
  );
  return names;
}

/** A key a selection gives its output, and the `{ ... }` that builds its value, if any. */
export interface OutputField {
  name: string;
  sub: SubSelection | undefined;
  offset: number;
}

/**
 * The keys a selection's result has, when it is an object (or a list of
 * them): its named selections, with the fields of an anonymous path's
 * `{ ... }` spread in; for a lone `$.path { ... }`, its sub-selection's.
 */
export function outputFields(selection: Selection): OutputField[] {
  if (selection.kind === 'path') return selection.path.sub ? subFields(selection.path.sub) : [];
  return subFields(selection.selection);
}

export function subFields(sub: SubSelection): OutputField[] {
  return sub.items.flatMap((item): OutputField[] => {
    const name = item.prefix.kind === 'alias' ? item.prefix.key.name : item.prefix.kind === 'none' ? singleKey(item.path)?.name : undefined;
    if (name !== undefined) return [{ name, sub: item.path.sub, offset: item.offset }];
    return item.path.sub ? subFields(item.path.sub) : [];
  });
}

/** A call of a method no engine knows (`->lenght`): Apollo's loads it and fails where it is applied, so the build warns, with the method meant. */
export function unknownMethods(selection: Selection): { message: string; offset: number }[] {
  const found: { message: string; offset: number }[] = [];
  visit(
    selection,
    () => {},
    (step) => {
      if (step.kind !== 'method' || step.name === 'as' || Object.hasOwn(METHODS, step.name)) return;
      const near = nearestName(step.name, Object.keys(METHODS));
      found.push({ message: `unknown method ->${step.name}${near ? ` (did you mean ->${near}?)` : ''}: it gives no value`, offset: step.offset });
    },
  );
  return found;
}
