import { jsonNumberText } from './json-text.ts';

/** JSON helpers the mapping language's evaluator and methods share. */

/** Apollo's names for a JSON value's type, as its messages and `->typeof` use them. */
export function typeName(value: unknown): 'array' | 'object' | 'string' | 'number' | 'boolean' | 'null' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep equality of JSON values (by value; key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((each, index) => jsonEqual(each, b[index]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * A scalar as text, for templates and `->joinNotNull`: strings as they are,
 * numbers and booleans as JSON writes them, null as nothing (`undefined`).
 * Arrays and objects have no text: `undefined` with `scalar: false`.
 */
export function scalarText(value: unknown): { text: string | undefined; scalar: boolean } {
  if (value === null || value === undefined) return { text: undefined, scalar: true };
  if (typeof value === 'string') return { text: value, scalar: true };
  if (typeof value === 'number') return { text: jsonNumberText(value), scalar: true };
  if (typeof value === 'boolean') return { text: String(value), scalar: true };
  return { text: undefined, scalar: false };
}
