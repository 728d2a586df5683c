import { subFields } from './analyze.ts';
import type { Expr, Key, Named, Path, Selection, Step, SubSelection } from './ast.ts';
import { Call } from './call.ts';
import { isObject, typeName } from './json.ts';
import { merge } from './merge.ts';
import { METHODS } from './methods/index.ts';
import { MappingSyntaxError, singleKey } from './parse.ts';
import { fail, type ApplySub, type Evaluate, type MappingError, type Scope, type Tail } from './scope.ts';

/**
 * Turns a parsed selection into one JavaScript function, once, when the
 * isolate starts: applying it walks no syntax tree and looks nothing up by
 * name. The semantics are Apollo's:
 * - a value is JSON, or `undefined` for "no value" (a missing property, a
 *   method that failed), which leaves its key out of an object and is null in
 *   a list;
 * - a property read on a list reads it on each item, and the rest of the path
 *   then applies to the list of results (`items.id->first` is the first id);
 * - a `{ ... }` applies to each item of a list; inside it `$` is the value it
 *   applies to, and a bare `a.b` reads from `$`;
 * - in a method's arguments `@` is the method's input.
 * Nothing throws while applying: problems are collected, each with the
 * offset of the syntax that met it.
 *
 * Over 250 lines on purpose: paths, `{ ... }` and expressions compile one
 * another, one recursive compiler whose parts, split, would import each other.
 */
export function compileSelection(selection: Selection): Evaluate {
  if (selection.kind === 'path') return compilePath(selection.path);
  const sub = compileSub(selection.selection);
  return (data, _dollar, scope) => sub(data, scope);
}

export function compilePath(path: Path): Evaluate {
  const general = compilePathSteps(path);
  const keys = plainKeys(path);
  if (!keys) return general;
  // `a` or `a.b.c` through objects, the common case, read without a call per step; anything else (a list, a miss) takes the general way, which says why.
  return (data, dollar, scope) => {
    let value = dollar;
    for (const key of keys) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return general(data, dollar, scope);
      value = (value as Record<string, unknown>)[key];
      if (value === undefined) return general(data, dollar, scope);
    }
    return value;
  };
}

/** The keys of a path that only reads properties (`a.b.c`), none of them one an object inherits. */
function plainKeys(path: Path): string[] | undefined {
  if (path.start.kind !== 'key' || path.sub) return undefined;
  const keys = [path.start.key.name];
  for (const step of path.steps) {
    if (step.kind !== 'key') return undefined;
    keys.push(step.key.name);
  }
  return keys.some((key) => key in Object.prototype) ? undefined : keys;
}

/** The steps a path takes from its start value: a bare key (`a.b`) is a read of `a` from `$`, then the rest. */
export function stepsOf(path: Path): Step[] {
  const { start } = path;
  return start.kind === 'key' ? [{ kind: 'key', key: start.key, offset: path.offset }, ...path.steps] : path.steps;
}

/** The path's steps from `from` on, then its `{ ... }`: for code that took the steps before `from` itself (emitted.ts). */
export function compileTail(path: Path, from: number): Tail {
  const sub = path.sub && compileSub(path.sub);
  const end: Tail = sub ? (value, _dollar, scope) => sub(value, scope) : (value) => value;
  return compileSteps(stepsOf(path).slice(from), end);
}

function compilePathSteps(path: Path): Evaluate {
  const tail = compileTail(path, 0);
  const { start } = path;
  // A bare key reads from `$`, whatever `@` is: `a->and(b)` reads both from `$`.
  if (start.kind === 'key') return (_data, dollar, scope) => tail(dollar, dollar, scope);
  if (start.kind === 'expr') {
    const expr = compileExpr(start.expr);
    return (data, dollar, scope) => {
      const value = expr(data, dollar, scope);
      return value === undefined ? undefined : tail(value, dollar, scope);
    };
  }
  const { name } = start;
  if (name === '@') return (data, dollar, scope) => tail(data, dollar, scope);
  if (name === '$') return (_data, dollar, scope) => tail(dollar, dollar, scope);
  return (_data, dollar, scope) => {
    if (!Object.hasOwn(scope.vars, name)) return fail(scope, `Variable ${name} not found`, path.offset);
    return tail(scope.vars[name], dollar, scope);
  };
}

/** The steps, back to front: each step's function calls the next one's. */
function compileSteps(steps: Step[], end: Tail): Tail {
  let next = end;
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index]!;
    const following = steps[index + 1];
    if (step.kind === 'question') next = questionStep(next);
    else if (step.kind === 'key') next = keyStep(step.key, step.offset, following?.kind === 'question', next);
    else next = step.name === 'as' ? asStep(step, next) : methodStep(step, next);
  }
  return next;
}

function questionStep(next: Tail): Tail {
  return (value, dollar, scope) => (value === null || value === undefined ? undefined : next(value, dollar, scope));
}

function keyStep(key: Key, offset: number, optional: boolean, next: Tail): Tail {
  const { name } = key;
  const dotted = key.quoted ? `.${JSON.stringify(name)}` : `.${name}`;
  const notFound = (value: unknown, scope: Scope) => fail(scope, `Property ${dotted} not found in ${typeName(value)}`, offset);
  /** A read on each item of a list (of lists): a miss is null there, so that the list keeps its length. */
  const readEach = (list: unknown[], scope: Scope): unknown[] =>
    list.map((item) => {
      if (Array.isArray(item)) return readEach(item, scope);
      const found = isObject(item) && (!inherited || Object.hasOwn(item, name)) ? item[name] : undefined;
      if (found !== undefined) return found;
      notFound(item, scope);
      return null;
    });
  // A name an object inherits (`constructor`) is read only when the object itself has it.
  const inherited = name in Object.prototype;
  return (value, dollar, scope) => {
    if (typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) return next(readEach(value, scope), dollar, scope);
      const found = inherited && !Object.hasOwn(value, name) ? undefined : (value as Record<string, unknown>)[name];
      if (found !== undefined) return next(found, dollar, scope);
      // `a?` asks whether `a` is there at all: its absence is no mistake.
      if (optional) return undefined;
    }
    return notFound(value, scope);
  };
}

function methodStep(step: Step & { kind: 'method' }, next: Tail): Tail {
  const method = Object.hasOwn(METHODS, step.name) ? METHODS[step.name] : undefined;
  // As in Apollo's engine, an unknown method fails where it is applied; the build warns of it (analyze.ts).
  if (!method) return (value, _dollar, scope) => (value === undefined ? undefined : fail(scope, `Method ->${step.name} not found`, step.offset));
  const argCount = step.args?.length ?? 0;
  const [min, max] = method.args;
  if (argCount < min || argCount > max) {
    const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new MappingSyntaxError(`->${step.name} takes ${wanted} argument${wanted === '1' || wanted === 'at least 1' ? '' : 's'}, not ${argCount}`, step.offset);
  }
  const args = compileArgs(step);
  return (value, dollar, scope) => {
    if (value === undefined) return undefined;
    const result = method.apply(value, new Call(step.name, args, value, dollar, scope, step.offset));
    return result === undefined ? undefined : next(result, dollar, scope);
  };
}

/** A method's arguments, each compiled to run when the method asks for it. */
export function compileArgs(step: Step & { kind: 'method' }): Evaluate[] {
  return (step.args ?? []).map(compileExpr);
}

/** `->as($name)` or `->as($name, expression)`: binds `$name` for the rest of the path, which goes on with the same input. */
function asStep(step: Step & { kind: 'method' }, next: Tail): Tail {
  const [variable, expression] = step.args ?? [];
  const name = variable?.kind === 'path' && variable.start.kind === 'var' && !variable.steps.length && !variable.sub ? variable.start.name : undefined;
  if (!name || name === '$' || name === '@' || (step.args?.length ?? 0) > 2) {
    throw new MappingSyntaxError('->as takes a $name and, optionally, an expression for its value: ->as($id, @.id)', step.offset);
  }
  const valueOf = expression ? compileExpr(expression) : undefined;
  return (value, dollar, scope) => {
    if (value === undefined) return undefined;
    const bound = valueOf ? valueOf(value, dollar, scope) : value;
    if (bound === undefined) return next(value, dollar, scope);
    return next(value, dollar, { vars: { ...scope.vars, [name]: bound }, errors: scope.errors });
  };
}

/** Applied to a value: to each item of a list; otherwise its named selections, merged, with `$` bound to the value. */
export function compileSub(sub: SubSelection): ApplySub {
  const fields = subFields(sub);
  const names = fields.map((field) => field.name);
  // The common case: every item names its own key, each once. Nothing merges: the object is filled in order.
  const named = sub.items.every((item) => nameOf(item) !== undefined) && new Set(names).size === names.length;
  const paths = named ? sub.items.map((item) => compilePath(item.path)) : [];
  const items = named ? [] : sub.items.map(compileNamed);
  const apply = (value: unknown, scope: Scope): unknown => {
    if (Array.isArray(value)) {
      const list = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index++) list[index] = apply(value[index], scope) ?? null;
      return list;
    }
    let out: Record<string, unknown> | null = {};
    if (named) {
      let filled = 0;
      for (let index = 0; index < paths.length; index++) {
        const found = paths[index]!(value, value, scope);
        if (found !== undefined) (out[names[index]!] = found), filled++;
        else if (scope.nullForMissing) out[names[index]!] = null;
      }
      // A scalar under `{ ... }` that gave no fields stays itself.
      return filled === 0 && !isObject(value) ? value : out;
    }
    for (const item of items) out = item(out, value, scope);
    if (!isObject(value) && out && Object.keys(out).length === 0) return value;
    if (scope.nullForMissing && out) for (const name of names) if (out[name] === undefined) out[name] = null;
    return out;
  };
  return apply;
}

/** The key a named selection gives its value: its alias, or its single key; none for a spread. */
export function nameOf(named: Named): string | undefined {
  const { prefix } = named;
  return prefix.kind === 'alias' ? prefix.key.name : prefix.kind === 'none' ? singleKey(named.path)?.name : undefined;
}

type Contribute = (out: Record<string, unknown> | null, data: unknown, scope: Scope) => Record<string, unknown> | null;

function compileNamed(named: Named): Contribute {
  const path = compilePath(named.path);
  const name = nameOf(named);
  if (name !== undefined) {
    return (out, data, scope) => {
      if (out === null) return out;
      const value = path(data, data, scope);
      if (value === undefined) return out;
      if (!Object.hasOwn(out, name)) {
        out[name] = value;
        return out;
      }
      return merge(out, { [name]: value }, named.offset, scope) as Record<string, unknown> | null;
    };
  }
  // A spread (`... a { b }`, or `a.b { c }` with no name) merges an object, or null, into the fields around it.
  return (out, data, scope) => {
    const value = path(data, data, scope);
    if (value === undefined) return (fail(scope, 'Inlined path produced no value', named.offset), out);
    if (value !== null && !isObject(value)) return (fail(scope, `Expected object or null, not ${typeName(value)}`, named.offset), out);
    return merge(out, value, named.offset, scope) as Record<string, unknown> | null;
  };
}

function compileExpr(expr: Expr): Evaluate {
  switch (expr.kind) {
    case 'literal': {
      const { value } = expr;
      return () => value;
    }
    case 'object': {
      const entries = expr.entries.map(([key, value]) => [key.name, compileExpr(value)] as const);
      return (data, dollar, scope) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of entries) {
          const found = value(data, dollar, scope);
          if (found !== undefined) out[key] = found;
        }
        return out;
      };
    }
    case 'array': {
      const items = expr.items.map(compileExpr);
      return (data, dollar, scope) => items.map((item) => item(data, dollar, scope) ?? null);
    }
    case 'path':
      return compilePath(expr);
    case 'literal-path': {
      const head = compileExpr(expr.head);
      const tail = compileSteps(expr.steps, (value) => value);
      return (data, dollar, scope) => tail(head(data, dollar, scope), dollar, scope);
    }
    case 'chain': {
      const operands = expr.operands.map(compileExpr);
      const fallsThrough = expr.op === '??' ? (value: unknown) => value === undefined || value === null : (value: unknown) => value === undefined;
      return (data, dollar, scope) => {
        // The errors of an operand that fell through are kept only if nothing after it gives a value.
        const held: MappingError[] = [];
        let last: unknown;
        for (const operand of operands) {
          const own: Scope = { vars: scope.vars, errors: [] };
          last = operand(data, dollar, own);
          if (!fallsThrough(last)) {
            scope.errors.push(...own.errors);
            return last;
          }
          held.push(...own.errors);
        }
        if (last === undefined) scope.errors.push(...held);
        return last;
      };
    }
  }
}
