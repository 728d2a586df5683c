/**
 * Paged lists (docs/connectors/pagination.md): page/per_page, offset/limit
 * and cursor parameters make a field answer a page type with `items`,
 * `hasNextPage` and `endCursor`, each field's rule marked `# guessed:`
 * (they match by names). Where the API says nothing of a next page in its
 * body, `hasNextPage` is whether the page came full.
 */
import type { TypeRegistry } from './graphql-types.ts';
import type { Json } from './json-pointer.ts';
import { fieldName, selectionKey, unique } from './names.ts';
import type { BuiltField, Operation } from './operations.ts';
import { resultSelection } from './operations.ts';
import { namedType, type TypeDef } from './sdl-model.ts';
import { indent } from './selection.ts';

const PAGE = ['page'];
const SIZE = ['per_page', 'perPage', 'page_size', 'pageSize', 'limit', 'size'];
const OFFSET = ['offset', 'skip'];
const CURSOR = ['cursor', 'after', 'starting_after', 'page_token', 'pageToken', 'next_token'];
const NEXT_CURSOR = ['next_cursor', 'nextCursor', 'next_page_token', 'nextPageToken', 'next_token', 'cursor'];
const HAS_MORE = ['has_more', 'hasMore', 'has_next', 'hasNext'];
const TOTAL = ['total_count', 'totalCount', 'total', 'count'];

/** Turns a list field into a paged one where its parameters say how it pages; answers whether it did. */
export function paginate(registry: TypeRegistry, operation: Operation, built: BuiltField): boolean {
  const query = operation.params.filter((param) => param.in === 'query').map((param) => String(param.name));
  const has = (names: string[]) => names.find((name) => query.includes(name));
  const page = has(PAGE);
  const size = has(SIZE);
  const offset = has(OFFSET);
  const cursor = has(CURSOR);
  const style = page && size ? 'page' : offset && size ? 'offset' : cursor ? 'cursor' : undefined;
  if (!style || !built.result) return false;

  // The list: the answer itself, or the one array property of an object answer.
  const bare = built.result.type.startsWith('[');
  const wrapper = bare ? undefined : registry.types.get(built.result.named);
  const listField = wrapper?.fields.find((field) => field.type.startsWith('['));
  if (!bare && !listField) return false;
  const property = (names: string[]) => wrapper?.fields.find((field) => field.source?.kind === 'value' && names.includes(field.source.key));
  const total = property(TOTAL);
  const more = property(HAS_MORE);
  const next = property(NEXT_CURSOR);
  if (style === 'cursor' && !more && !next) return false;

  const itemType = bare ? built.result.type : listField!.type;
  const itemSelection = bare ? resultSelection(registry, built.result) : '';
  const arg = (name: string) => built.field.args!.find((one) => one.name === fieldName(name))!;
  // Every rule here matches by parameter and property names: each page says how it decided, as a guess.
  let guess: string;
  const itemsCount = bare ? '$.items->size' : `$.${selectionKey((listField!.source as { key: string }).key)}->size`;
  let hasNext: string;
  let endCursor: string;
  if (style === 'page') {
    const [pageArg, sizeArg] = [arg(page!), arg(size!)];
    pageArg.type = 'Int!';
    pageArg.defaultValue ??= '1';
    sizeArg.type = 'Int!';
    sizeArg.defaultValue ??= '30';
    endCursor = `$args.${pageArg.name}->add(1)->toString`;
    if (total) {
      hasNext = `${selectionKey((total.source as { key: string }).key)}->gt($args.${pageArg.name}->mul($args.${sizeArg.name}))`;
      guess = `hasNextPage while ${(total.source as { key: string }).key} is more than ${page} × ${size}, endCursor the next ${page}`;
    } else {
      hasNext = `${itemsCount}->eq($args.${sizeArg.name})`;
      guess = `hasNextPage when the page came full (${size} items), endCursor the next ${page}${headerNote(operation)}`;
    }
  } else if (style === 'offset') {
    const [offsetArg, sizeArg] = [arg(offset!), arg(size!)];
    offsetArg.type = 'Int!';
    offsetArg.defaultValue ??= '0';
    sizeArg.type = 'Int!';
    sizeArg.defaultValue ??= '30';
    endCursor = `$args.${offsetArg.name}->add(${itemsCount})->toString`;
    if (total) {
      hasNext = `${selectionKey((total.source as { key: string }).key)}->gt($args.${offsetArg.name}->add(${itemsCount}))`;
      guess = `hasNextPage while ${(total.source as { key: string }).key} is more than ${offset} + the items, endCursor the next ${offset}`;
    } else {
      hasNext = `${itemsCount}->eq($args.${sizeArg.name})`;
      guess = `hasNextPage when the page came full (${size} items), endCursor the next ${offset}`;
    }
  } else {
    hasNext = more ? `${selectionKey((more.source as { key: string }).key)} ?? false` : `${selectionKey((next!.source as { key: string }).key)}->ne(null)`;
    endCursor = next ? selectionKey((next.source as { key: string }).key) : `${itemsCount.replace('->size', '->last.id')}->toString`;
    guess = `hasNextPage ${more ? `from ${(more.source as { key: string }).key}` : `while ${(next!.source as { key: string }).key} is not null`}, endCursor ${next ? `from ${(next.source as { key: string }).key}` : "the last item's id"}, sent as ${cursor}`;
  }

  const fields: TypeDef['fields'] = [
    { name: 'items', type: itemType, source: { kind: 'connector' } },
    { name: 'hasNextPage', type: 'Boolean!', description: 'Whether there is more to ask for.', source: { kind: 'connector' } },
    { name: 'endCursor', type: 'String', description: `What to ask for the next page with, in ${style === 'page' ? page : style === 'offset' ? offset : cursor}.`, source: { kind: 'connector' } },
    ...(total ? [{ name: 'total', type: 'Int', source: { kind: 'connector' as const } }] : []),
  ];
  // Lists of one item type that page alike share one page type: each field's selection fills it.
  const base = `${namedType(itemType)}Page`;
  const same = [...registry.types.values()].find((type) => new RegExp(`^${base}\\d*$`).test(type.name) && JSON.stringify(type.fields) === JSON.stringify(fields));
  const pageName = same?.name ?? unique(base, registry.names);
  if (!same) registry.types.set(pageName, { kind: 'type', name: pageName, description: `A page of ${namedType(itemType)}.`, fields, directives: [], comments: [] });
  const listKey = bare ? 'items' : `items: ${selectionKey((listField!.source as { key: string }).key)}`;
  const inner = bare ? itemSelection : resultSelection(registry, { ...built.result, named: namedType(itemType), shape: registry.types.get(namedType(itemType))?.kind === 'type' ? 'object' : 'scalar', type: itemType });
  const body = inner === '$' ? listKey : `${listKey} {\n${indent(inner)}\n}`;
  const lines = [body, `hasNextPage: ${hasNext}`, `endCursor: ${endCursor}`, ...(total ? [`total: ${selectionKey((total.source as { key: string }).key)}`] : [])];
  built.selection = bare ? `$->echo({ items: @ }) {\n${indent(lines.join('\n'))}\n}` : lines.join('\n');
  built.field.type = pageName;
  built.field.comments = [...(built.field.comments ?? []), `guessed: ${guess}`];
  return true;
}

function headerNote(operation: Operation): string {
  const response = (operation.op.responses as Json | undefined) ?? {};
  const declares = Object.values(response).some((one) => Object.keys(((one as Json).headers as Json | undefined) ?? {}).some((name) => name.toLowerCase() === 'link'));
  return declares ? '; the API also sends a Link header, whose rel="next" the mapping language cannot search for in every order' : '';
}
