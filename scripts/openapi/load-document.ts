/**
 * Reads an OpenAPI 3.0 / 3.1 or Swagger 2.0 document (JSON or YAML, a file or
 * a folder holding one root document), brings the files its `$ref`s name into
 * it, validates it and upgrades it to OpenAPI 3.1 with @scalar/openapi-parser,
 * so that the rest of the importer reads one shape. Every failure is an
 * `ImportError` naming the file and the JSON pointer (or line) at fault.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalize, upgrade, validate } from '@scalar/openapi-parser';
import { bundleExternalRefs } from './bundle-refs.ts';
import { ImportError } from './import-error.ts';
import type { Json } from './json-pointer.ts';
import { checkLocalRefs } from './local-refs.ts';

export interface LoadedDocument {
  /** The document, upgraded to OpenAPI 3.1, every `$ref` local. */
  document: Json;
  /** The root file's path. */
  path: string;
  /** What it was written in: `2.0`, `3.0.3`, `3.1.0`. */
  version: string;
}

const SUPPORTED = /^3\.[01]\.\d+$/;
const DOCUMENT_FILE = /\.(json|ya?ml)$/i;

export async function loadDocument(input: string): Promise<LoadedDocument> {
  const path = rootDocument(input);
  const raw = parseFile(path);
  const version = versionOf(raw, path);
  const bundled = bundleExternalRefs(raw, path, parseFile);
  checkLocalRefs(bundled, path);
  const result = await validate(structuredClone(bundled));
  if (!result.valid) {
    const [first] = result.errors ?? [];
    const at = (first as { path?: string } | undefined)?.path;
    throw new ImportError(`${path}${at ? `: ${at}` : ''}: invalid ${version.startsWith('2') ? 'Swagger' : 'OpenAPI'} ${version} document: ${first?.message ?? 'unknown error'}`);
  }
  const { specification } = upgrade(bundled);
  return { document: specification as unknown as Json, path, version };
}

/** A file as given, or a folder's one root document: the file with a top-level `openapi` or `swagger` key. */
export function rootDocument(input: string): string {
  const path = resolve(input);
  if (!existsSync(path)) throw new ImportError(`${input}: no such file or folder`);
  if (!statSync(path).isDirectory()) return path;
  const roots = readdirSync(path)
    .filter((name) => DOCUMENT_FILE.test(name))
    .sort()
    .filter((name) => {
      try {
        const parsed = parseFile(join(path, name));
        return 'openapi' in parsed || 'swagger' in parsed;
      } catch {
        return false;
      }
    });
  if (roots.length === 1) return join(path, roots[0]!);
  if (!roots.length) throw new ImportError(`${input}: no file in this folder has a top-level "openapi" or "swagger" key`);
  throw new ImportError(`${input}: several root documents (${roots.join(', ')}); name one of them`);
}

/** One file's JSON or YAML; a syntax error names its line. */
export function parseFile(path: string): Json {
  if (!existsSync(path)) throw new ImportError(`${path}: no such file`);
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = normalize(text);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ImportError(`${path}${line ? `:${line}` : ''}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ImportError(`${path}: not a JSON or YAML object`);
  return value as Json;
}

function versionOf(document: Json, path: string): string {
  if ('swagger' in document) {
    if (String(document.swagger) === '2.0') return '2.0';
    throw new ImportError(`${path}: /swagger: unsupported version ${JSON.stringify(document.swagger)} (supported: Swagger 2.0, OpenAPI 3.0 and 3.1)`);
  }
  if ('openapi' in document) {
    if (SUPPORTED.test(String(document.openapi))) return String(document.openapi);
    throw new ImportError(`${path}: /openapi: unsupported version ${JSON.stringify(document.openapi)} (supported: Swagger 2.0, OpenAPI 3.0 and 3.1)`);
  }
  throw new ImportError(`${path}: no top-level "openapi" or "swagger" key: not an OpenAPI document`);
}
