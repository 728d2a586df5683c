/** Every local `$ref` of a document must point at something: a broken one is named with the place it is written. */
import { ImportError } from './import-error.ts';
import { pointerTo, valueAt } from './json-pointer.ts';
import type { Json } from './json-pointer.ts';

export function checkLocalRefs(document: Json, path: string): void {
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, [...at, index]));
    if (value === null || typeof value !== 'object') return;
    const { $ref } = value as Json;
    if (typeof $ref === 'string' && $ref.startsWith('#') && valueAt(document, $ref) === undefined) {
      throw new ImportError(`${path}: ${pointerTo([...at, '$ref'])}: $ref ${JSON.stringify($ref)} points at nothing in the document`);
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'example' && key !== 'examples') walk(child, [...at, key]);
  };
  walk(document, []);
}
