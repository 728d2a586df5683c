/**
 * Brings every file a document's `$ref`s name into the document itself, so
 * that the parser validates and upgrades one object and the importer sees
 * only local refs. A schema from another file keeps its name: it is placed
 * among the root's schemas (`components/schemas`, or `definitions` in
 * Swagger 2.0) under the name its pointer ends with (or its file's), and
 * referred to there, which also keeps cycles across files finite. Anything
 * else (a parameter, a response, a path item) is copied in place.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { ImportError } from './import-error.ts';
import { pointerSegments, pointerTo, valueAt } from './json-pointer.ts';
import type { Json } from './json-pointer.ts';

/** Keys whose value is a schema, and keys whose value holds schemas by name or position. */
const SCHEMA_KEYS = new Set(['schema', 'items', 'additionalProperties', 'not', 'contains', 'propertyNames']);
const SCHEMA_HOLDERS = new Set(['properties', 'patternProperties', 'definitions', 'schemas', '$defs', 'allOf', 'oneOf', 'anyOf', 'prefixItems']);

type Mode = 'schema' | 'holder' | 'other';

export function bundleExternalRefs(root: Json, rootPath: string, parse: (path: string) => Json): Json {
  const files = new Map<string, Json>([[rootPath, root]]);
  const placed = new Map<string, string>();
  const swagger2 = 'swagger' in root;
  const own = (swagger2 ? root.definitions : (root.components as Json | undefined)?.schemas) as Json | undefined;
  const extra: Json = {};
  const schemasPointer = swagger2 ? '#/definitions/' : '#/components/schemas/';

  const fileAt = (path: string, site: string, ref: string): Json => {
    let file = files.get(path);
    if (!file) {
      if (!existsSync(path)) throw new ImportError(`${site}: $ref ${JSON.stringify(ref)}: no such file ${path}`);
      file = parse(path);
      files.set(path, file);
    }
    return file;
  };

  /** `value` (found in `file` at `at`) with every ref to another file made local. */
  const walk = (value: unknown, file: string, at: (string | number)[], mode: Mode): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => walk(item, file, [...at, index], mode === 'holder' ? 'schema' : mode));
    if (value === null || typeof value !== 'object') return value;
    const object = value as Json;
    if (typeof object.$ref === 'string' && !(file === rootPath && object.$ref.startsWith('#'))) {
      return external(object.$ref, file, `${file}: ${pointerTo([...at, '$ref'])}`, mode === 'schema');
    }
    return Object.fromEntries(
      Object.entries(object).map(([key, child]) => {
        const childMode: Mode = mode === 'holder' ? 'schema' : SCHEMA_KEYS.has(key) ? 'schema' : SCHEMA_HOLDERS.has(key) ? 'holder' : 'other';
        return [key, walk(child, file, [...at, key], key === 'example' || key === 'examples' ? 'other' : childMode)];
      }),
    );
  };

  const external = (ref: string, from: string, site: string, isSchema: boolean): unknown => {
    const [filePart, pointer = ''] = ref.split('#', 2) as [string, string?];
    const path = filePart ? resolve(dirname(from), filePart) : from;
    const target = valueAt(fileAt(path, site, ref), pointer);
    if (target === undefined) throw new ImportError(`${site}: $ref ${JSON.stringify(ref)}: nothing at ${pointer || '/'} in ${path}`);
    if (path === rootPath) return { $ref: `#${pointer}` };
    if (!isSchema) return walk(target, path, pointerSegments(pointer), 'other');
    const id = `${path}#${pointer}`;
    const known = placed.get(id);
    if (known) return { $ref: known };
    const segments = pointerSegments(pointer);
    const base = segments[segments.length - 1] ?? basename(path, extname(path));
    let name = base;
    for (let n = 2; name in extra || (own && name in own); n++) name = `${base}${n}`;
    const local = `${schemasPointer}${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    placed.set(id, local);
    extra[name] = walk(target, path, segments, 'schema');
    return { $ref: local };
  };

  const bundled = walk(root, rootPath, [], 'other') as Json;
  if (!Object.keys(extra).length) return bundled;
  if (swagger2) bundled.definitions = { ...(bundled.definitions as Json | undefined), ...extra };
  else {
    const components = (bundled.components ??= {}) as Json;
    components.schemas = { ...(components.schemas as Json | undefined), ...extra };
  }
  return bundled;
}
