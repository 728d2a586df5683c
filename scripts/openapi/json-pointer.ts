/** JSON pointers (RFC 6901), as OpenAPI's `$ref`s write them, into a document's objects. */

/** An object of a parsed document, read as the importer reads every one: by key, each value unknown until looked at. */
export type Json = Record<string, unknown>;

export function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#?\/?/, '')
    .split('/')
    .filter((segment, index, all) => segment !== '' || all.length > 1)
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function pointerTo(segments: readonly (string | number)[]): string {
  return `/${segments.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/** The value at a pointer; `undefined` when there is none. */
export function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const segment of pointerSegments(pointer)) {
    if (value === null || typeof value !== 'object' || !(segment in value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
