import { isObject, typeName } from './json.ts';
import { fail, type Scope } from './scope.ts';

/** Apollo's merge of a named selection's output into the object so far: objects key by key, lists item by item, null wins. */
export function merge(a: unknown, b: unknown, offset: number, scope: Scope): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(b)) a[key] = merge(a[key], b[key], offset, scope);
    return a;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const length = Math.max(a.length, b.length);
    return Array.from({ length }, (_, index) => merge(a[index], b[index], offset, scope));
  }
  if (a === null || b === null) return null;
  if (a !== b && typeName(a) !== typeName(b)) fail(scope, `Lossy merge replacing ${typeName(a)} with ${typeName(b)}`, offset);
  return b;
}
