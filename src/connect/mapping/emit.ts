import type { Path, Selection, SubSelection } from './ast.ts';
import { pathsOf, type EmittedSelection } from './emitted.ts';
import { nameOf, stepsOf } from './evaluate.ts';
import { METHODS } from './methods/index.ts';

/**
 * Writes a selection as the source of an `EmittedSelection` (emitted.ts), for
 * the build to put in the schema module. Run by the build, in Node; the Worker
 * only runs what this wrote.
 *
 * `$.items { id name: full_name price: price_cents->parseInt }` becomes, in
 * short:
 *
 *   function s0(v, scope) {            // the { ... }: each item of a list, or one object
 *     if (Array.isArray(v)) ...        //   each item
 *     if (not an object) return g0(v, scope)
 *     const f0 = p1(v, v, scope), f1 = ..., f2 = ...;
 *     if (all defined) return { "id": f0, "name": f1, "price": f2 };
 *     ...                              //   otherwise key by key, as evaluate.ts does
 *   }
 *   function p3(data, dollar, scope) { // price_cents->parseInt
 *     let v = dollar;
 *     if (not an object) return t3_0(v, dollar, scope);   // the closures from here on say why
 *     ...
 *   }
 */
export function emitSelection(selection: Selection): string {
  const numbers = new Map(pathsOf(selection).map((path, index) => [path, index]));
  const setup: string[] = [];
  const functions: string[] = [];
  const methods = new Map<string, string>();

  const methodVariable = (name: string): string => {
    let variable = methods.get(name);
    if (!variable) {
      variable = `m${methods.size}`;
      methods.set(name, variable);
      setup.push(`const ${variable} = runtime.method(${JSON.stringify(name)});`);
    }
    return variable;
  };

  /** A function `p<n>(data, dollar, scope)` for a path; answers its name. */
  const writePath = (path: Path): string => {
    const n = numbers.get(path)!;
    const name = `p${n}`;
    const { start } = path;
    if (start.kind === 'expr') {
      setup.push(`const ${name} = runtime.path(${n});`);
      return name;
    }
    const body: string[] = [];
    if (start.kind === 'var' && start.name !== '$' && start.name !== '@') {
      // A variable not in scope: the closures say so.
      const variable = JSON.stringify(start.name);
      setup.push(`const g${name} = runtime.path(${n});`);
      body.push(`if (!Object.hasOwn(scope.vars, ${variable})) return g${name}(data, dollar, scope);`, `let v = scope.vars[${variable}];`);
    } else body.push(`let v = ${start.kind === 'var' && start.name === '@' ? 'data' : 'dollar'};`);
    const steps = stepsOf(path);
    const handOver = (index: number) => `return ${fallback(n, index, setup)}(v, dollar, scope);`;
    let handedOver = false;
    for (let index = 0; index < steps.length && !handedOver; index++) {
      const step = steps[index]!;
      // A name every object inherits (`constructor`), a key asked with `?`, `->as` and an unknown method take the closures' way from here on.
      handedOver =
        step.kind === 'key' ? step.key.name in Object.prototype || steps[index + 1]?.kind === 'question' : step.kind === 'method' && (step.name === 'as' || !Object.hasOwn(METHODS, step.name));
      if (handedOver) {
        body.push(handOver(index));
      } else if (step.kind === 'question') {
        body.push('if (v === null || v === undefined) return undefined;');
      } else if (step.kind === 'key') {
        const key = JSON.stringify(step.key.name);
        body.push(`if (typeof v !== 'object' || v === null || Array.isArray(v) || v[${key}] === undefined) ${handOver(index)}`, `v = v[${key}];`);
      } else {
        const method = methodVariable(step.name);
        setup.push(`const a${n}_${index} = runtime.args(${n}, ${index});`);
        // Only the start can be missing: each step before answers a value or returns.
        if (index === 0) body.push('if (v === undefined) return undefined;');
        body.push(
          `v = ${method}.apply(v, new Call(${JSON.stringify(step.name)}, a${n}_${index}, v, dollar, scope, ${step.offset}));`,
          'if (v === undefined) return undefined;',
        );
      }
    }
    if (!handedOver) body.push(path.sub ? `return ${writeSub(path.sub, n)}(v, scope);` : 'return v;');
    functions.push(`function ${name}(data, dollar, scope) {\n  ${body.join('\n  ')}\n}`);
    return name;
  };

  /** A function `s<n>(value, scope)` for a `{ ... }` (`n` its path's number, or `top`); answers its name. */
  const writeSub = (sub: SubSelection, n: number | 'top'): string => {
    const name = `s${n}`;
    const names = sub.items.map(nameOf);
    // The shape evaluate.ts fills in order: each item names one key of its own. (`__proto__` would set a literal's prototype.)
    const plain = names.length > 0 && names.every((key) => key !== undefined && key !== '__proto__') && new Set(names).size === names.length;
    setup.push(`const g${n} = runtime.sub(${JSON.stringify(n)});`);
    if (!plain) return `g${n}`;
    const values = sub.items.map((item, index) => `f${index} = ${writePath(item.path)}(v, v, scope)`);
    const keys = names.map((key) => JSON.stringify(key));
    functions.push(
      [
        `function ${name}(v, scope) {`,
        `  if (Array.isArray(v)) {`,
        `    const list = new Array(v.length);`,
        `    for (let i = 0; i < v.length; i++) list[i] = ${name}(v[i], scope) ?? null;`,
        `    return list;`,
        `  }`,
        `  if (typeof v !== 'object' || v === null) return g${n}(v, scope);`,
        `  const ${values.join(', ')};`,
        `  if (${names.map((_, index) => `f${index} !== undefined`).join(' && ')}) return { ${keys.map((key, index) => `${key}: f${index}`).join(', ')} };`,
        `  const out = {};`,
        ...keys.map((key, index) => `  if (f${index} !== undefined) out[${key}] = f${index}; else if (scope.nullForMissing) out[${key}] = null;`),
        `  return out;`,
        `}`,
      ].join('\n'),
    );
    return name;
  };

  const top = selection.kind === 'path' ? writePath(selection.path) : `(data, dollar, scope) => ${writeSub(selection.selection, 'top')}(data, scope)`;
  const lines = ['const Call = runtime.Call;', ...setup, ...functions.flatMap((code) => code.split('\n')), `return ${top};`];
  return `(runtime) => {\n${lines.map((line) => `  ${line}`).join('\n')}\n}`;
}

/** The closures' way on from step `index` of path `n`, declared once however many reads hand over there. */
function fallback(n: number, index: number, setup: string[]): string {
  const name = `t${n}_${index}`;
  const line = `const ${name} = runtime.tail(${n}, ${index});`;
  if (!setup.includes(line)) setup.push(line);
  return name;
}

/** What `emitSelection` wrote, as a function, in Node (the tests and the benchmark); a Worker imports it from the schema module instead, since it may not compile code. */
export function loadEmitted(code: string): EmittedSelection {
  return new Function(`return ${code}`)() as EmittedSelection;
}
