/**
 * A loaded document as a schema folder's files (path → text, headers
 * included): the SDL per tag, shared types, sample operations, the README
 * saying what to configure, and UNEXPRESSIBLE.md. Pure: nothing is written.
 */
import { addStubs, findEntities, invalidationsOf, keyFieldsOf, listOf, listTag, subResourceOf, type Entity } from './entities.ts';
import { cacheControl, cacheHeadersNote } from './cache-hints.ts';
import { JSON_SCALAR, createRegistry, type TypeRegistry } from './graphql-types.ts';
import { addLinkedStubs } from './links.ts';
import type { Json } from './json-pointer.ts';
import type { LoadedDocument } from './load-document.ts';
import { kebab, selectionKey, unique } from './names.ts';
import { buildField, collectOperations, connectDirective, type Filters, type Operation } from './operations.ts';
import { paginate } from './pagination.ts';
import { sampleOperations } from './sample-operations.ts';
import { namedType, renderType, type FieldDef } from './sdl-model.ts';
import { credentialsFor, type Credentials } from './security.ts';
import { indent, selectionOf } from './selection.ts';
import { addSummaryStubs } from './summary-stubs.ts';
import { unexpressibleOf, type Unexpressible } from './unexpressible.ts';

export interface ImportOptions extends Filters {
  source?: string;
  maxAge: number;
}

export interface ImportResult {
  /** Relative path → body (the header is write-folder.ts's). */
  files: Map<string, string>;
  unexpressible: Unexpressible[];
  config: Credentials['config'];
  baseUrl: string;
  source: string;
  imported: number;
  guesses: number;
}

export const SHARED_FILE = 'types.graphql';
export const UNTAGGED_FILE = 'default.graphql';

export function importDocument(loaded: LoadedDocument, options: ImportOptions): ImportResult {
  const { document } = loaded;
  const registry = createRegistry(document);
  const info = (document.info as Json | undefined) ?? {};
  const source = options.source ?? (kebab(String(info.title ?? '')) || 'api');
  const operations = collectOperations(registry, options);
  const { unexpressible, expressible } = unexpressibleOf(registry, operations);

  // First pass: every answer's types, to find the entities; the second builds the fields with their stubs and keys.
  const first = new Map(expressible.map((operation) => [operation, buildField(registry, operation, source)] as const));
  const entities = findEntities(registry, expressible, first);
  for (const entity of entities.values()) keyFieldsOf(registry, entity);
  addStubs(registry, entities);
  addSummaryStubs(registry, entities);
  addLinkedStubs(registry, entities, expressible, first);

  const config = new Map<string, Credentials['config'][number]>();
  const credentials = (operation: Operation) => {
    const found = credentialsFor(registry, operation.security);
    for (const entry of found.config) config.set(entry.key, entry);
    for (const scheme of found.unsupported) unexpressible.push({ operation: operation.name, route: `${operation.method.toUpperCase()} ${operation.path}`, why: `security scheme ${scheme}: sent by no header rule; set the header on the @source by hand` });
    return found;
  };

  /** Fields by file, and by the type they belong to. */
  const placed = new Map<string, Map<string, FieldDef[]>>();
  const place = (file: string, type: string, field: FieldDef) => {
    const types = placed.get(file) ?? new Map<string, FieldDef[]>();
    placed.set(file, types);
    types.set(type, [...(types.get(type) ?? []), field]);
  };

  // A field below an entity must not take the name of one of its own fields (`forks`, a count, and GET .../forks).
  const taken = new Map<string, Set<string>>();
  const subNames = (type: string) => taken.get(type) ?? taken.set(type, new Set(registry.types.get(type)!.fields.map((field) => field.name))).get(type)!;
  for (const operation of expressible) {
    const sub = operation.method === 'get' ? subResourceOf(entities, operation.path) : undefined;
    const thisArgs = new Map(sub?.entity.keys.map((key) => [key.param, key.field]));
    const built = buildField(registry, operation, source, thisArgs);
    if (sub) built.field.name = unique(sub.name, subNames(sub.entity.type));
    const found = credentials(operation);
    built.http.headers.unshift(...found.headers);
    built.http.queryParams.push(...found.queryParams);
    built.field.comments = [...(built.field.comments ?? []), ...found.guesses.map((guess) => `guessed: ${guess}`)];
    const directives: string[] = [];
    if (operation.method === 'get') {
      paginate(registry, operation, built);
      directives.push(cacheControl(options.maxAge));
      const note = cacheHeadersNote(operation.op);
      if (note) built.field.comments = [...(built.field.comments ?? []), note];
      const listed = sub ? undefined : [...entities.keys()].find((type) => listOf(registry, type, built) !== undefined);
      if (listed) directives.push(`@cacheTag(format: ${JSON.stringify(listTag(listed))})`);
    } else {
      const tags = invalidationsOf(entities, operation, built.pathArgs);
      if (tags.length) directives.push(`@invalidates(tags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}])`);
    }
    built.field.directives = [connectDirective(source, built.http, built.selection), ...directives, ...(built.field.directives ?? [])];
    const file = operation.tag ? `${kebab(operation.tag) || 'tag'}.graphql` : UNTAGGED_FILE;
    place(file, sub ? sub.entity.type : operation.method === 'get' ? 'Query' : 'Mutation', built.field);
  }

  for (const entity of entities.values()) entityDirectives(registry, entity, source, options.maxAge, credentials(entity.operation));

  const files = new Map<string, string>();
  const owners = typeOwners(registry, placed);
  const typesIn = (file: string) => [...registry.types.values()].filter((type) => owners.get(type.name) === file);
  const sdlFiles = new Set([...placed.keys(), SHARED_FILE]);
  for (const file of [...sdlFiles].sort()) {
    const parts: string[] = [];
    if (file === SHARED_FILE) parts.push(sourceDirective(document, source));
    for (const [type, fields] of placed.get(file) ?? []) {
      parts.push(renderType({ kind: 'type', name: type, fields, directives: [], comments: [], extension: true }));
    }
    parts.push(...typesIn(file).map(renderType));
    if (file === SHARED_FILE && usesJson(registry)) parts.push(`"Any JSON value: what the API answers where no GraphQL type fits, passed through as it is."\nscalar ${JSON_SCALAR}\n`);
    files.set(file, parts.join('\n'));
  }
  const queries = [...(placed.values())].flatMap((types) => types.get('Query') ?? []);
  for (const [path, text] of sampleOperations(registry, queries)) files.set(path, text);

  const all = [...files.values()].join('\n');
  const guesses = (all.match(/# guessed:/g) ?? []).length;
  const baseUrl = baseUrlOf(document);
  return { files, unexpressible, config: [...config.values()], baseUrl, source, imported: expressible.length, guesses };
}

/** `@key`, the entity connector (batched where it can be) and the type's cache hint. */
function entityDirectives(registry: TypeRegistry, entity: Entity, source: string, maxAge: number, credentials: Credentials): void {
  const type = registry.types.get(entity.type)!;
  const own = selectionOf(registry, entity.type);
  // A batch answered inside an object is mapped from its list.
  const envelope = entity.batch?.envelope;
  const selection = envelope ? `$.${selectionKey(envelope)} {\n${indent(own)}\n}` : own;
  const headers = credentials.headers;
  const http = entity.batch
    ? {
        method: 'GET',
        url: entity.operation.path.replace(/\/\{[^}]+\}$/, ''),
        queryParams: [`${JSON.stringify(entity.batch.param).replace(/^"([_A-Za-z]\w*)"$/, '$1')}: $batch.${entity.keys[0]!.field}${entity.batch.joined ? "->joinNotNull(',')" : ''}`, ...credentials.queryParams],
        headers,
      }
    : {
        method: 'GET',
        url: entity.keys.reduce((url, key) => url.replaceAll(`{${key.param}}`, `{$this.${key.field}}`), entity.operation.path),
        queryParams: credentials.queryParams,
        headers,
      };
  type.directives.push(`@key(fields: ${JSON.stringify(entity.keys.map((key) => key.field).join(' '))})`, connectDirective(source, http, selection), cacheControl(maxAge));
  type.comments.push(
    `An entity: fetched by key ${entity.batch ? 'in batches' : 'one at a time'} (${entity.operation.method.toUpperCase()} ${entity.operation.path}${entity.batch ? `, batched by ${http.url}?${entity.batch.param}=` : ''}).`,
    ...entity.guesses.map((guess) => `guessed: ${guess}`),
    ...(entity.batch ? [`guessed: ${entity.batch.guess}`] : []),
    ...credentials.guesses.map((guess) => `guessed: ${guess}`),
  );
}

/** Which file defines each type: the one SDL file whose fields reach it, else the shared file. */
function typeOwners(registry: TypeRegistry, placed: Map<string, Map<string, FieldDef[]>>): Map<string, string> {
  const reached = new Map<string, Set<string>>();
  for (const [file, types] of placed) {
    const seen = new Set<string>();
    const visit = (name: string) => {
      const type = registry.types.get(name);
      if (!type || seen.has(name)) return;
      seen.add(name);
      for (const field of type.fields) {
        visit(namedType(field.type));
        for (const arg of field.args ?? []) visit(namedType(arg.type));
      }
      for (const member of type.members ?? []) visit(member.type);
    };
    for (const [owner, fields] of types) {
      visit(owner);
      for (const field of fields) {
        visit(namedType(field.type));
        for (const arg of field.args ?? []) visit(namedType(arg.type));
      }
    }
    for (const name of seen) reached.set(name, new Set([...(reached.get(name) ?? []), file]));
  }
  const owners = new Map<string, string>();
  for (const type of registry.types.values()) {
    const files = reached.get(type.name);
    if (!files) continue;
    owners.set(type.name, files.size === 1 ? [...files][0]! : SHARED_FILE);
  }
  return owners;
}

function usesJson(registry: TypeRegistry): boolean {
  return [...registry.types.values()].some((type) => type.fields.some((field) => namedType(field.type) === JSON_SCALAR || field.args?.some((arg) => namedType(arg.type) === JSON_SCALAR)));
}

/** The first server's URL, its variables at their defaults; a placeholder when it is relative or missing. */
export function baseUrlOf(document: Json): string {
  const [server] = (document.servers as Json[] | undefined) ?? [];
  let url = String(server?.url ?? '');
  for (const [name, variable] of Object.entries((server?.variables as Json | undefined) ?? {})) url = url.replaceAll(`{${name}}`, String((variable as Json).default ?? ''));
  return /^https?:\/\//.test(url) ? url : `<YOUR_API_URL>${url.startsWith('/') ? url : ''}`;
}

function sourceDirective(document: Json, source: string): string {
  return `extend schema\n  @source(name: ${JSON.stringify(source)}, http: { baseURL: ${JSON.stringify(baseUrlOf(document))} })\n`;
}
