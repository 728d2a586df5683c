/**
 * Names for the types of inline answers, which have no schema name: the
 * common name of the schemas an answer combines (`oneOf: [private-user,
 * public-user]` → `User`), else a GET's summary (`Get a user` → `User`), else
 * `<OperationId>Result`. A name a type or a component schema already holds is
 * passed over, so that an answer never takes a schema's own name.
 */
import { resolve, type TypeRegistry } from './graphql-types.ts';
import type { Json } from './json-pointer.ts';
import { kebab, typeName } from './names.ts';
import type { Operation } from './operations.ts';

/** Words a summary starts with that name the action, not what it answers. */
const LEADING = /^(get|list|fetch|retrieve|read|show|find|search|a|an|the)$/i;
/** A summary longer than this says more than a name (`Get a user using their ID`). */
const MAX_WORDS = 3;

/** The words every one of `names` ends with (`private-user`, `public-user` → `user`), else begins with (`content-file`, `content-symlink` → `content`). */
function commonWords(names: string[]): string[] {
  const split = names.map((name) => kebab(name).split('-'));
  const shared = (reverse: boolean) => {
    const lists = split.map((words) => (reverse ? [...words].reverse() : words));
    const common: string[] = [];
    for (let i = 0; lists.every((words) => i < words.length - 1 && words[i] === lists[0]![i]); i++) common.push(lists[0]![i]!);
    return reverse ? common.reverse() : common;
  };
  const suffix = shared(true);
  return suffix.length ? suffix : shared(false);
}

/** The name for the type of `operation`'s inline answer `schema`. */
export function answerName(registry: TypeRegistry, schema: Json, operation: Operation): string {
  const fallback = `${operation.name}_result`;
  const choices = ((schema.oneOf ?? schema.anyOf ?? schema.allOf) as unknown[] | undefined) ?? [];
  const refNames = choices.flatMap((choice) => resolve(registry, choice).refName ?? []);
  const common = refNames.length >= 2 && refNames.length === choices.length ? commonWords(refNames) : [];
  // A named schema's inline parts are named after it, not after one operation's summary.
  const inline = typeof schema.$ref !== 'string' && schema.type !== 'array';
  const summary = inline && operation.method === 'get' && typeof operation.op.summary === 'string' ? kebab(operation.op.summary).split('-') : [];
  while (summary.length && LEADING.test(summary[0]!)) summary.shift();
  const schemas = Object.keys(((registry.document.components as Json | undefined)?.schemas as Json | undefined) ?? {});
  const taken = (name: string) => registry.names.has(name) || schemas.some((key) => typeName(key) === name);
  const free = (words: string[]) => words.length > 0 && words.length <= MAX_WORDS && !taken(typeName(words.join('-')));
  return [common, summary].find(free)?.join('-') ?? fallback;
}

/** The first of identical inline answers, so that operations answering the same schema share its type. */
export function canonicalAnswer(registry: TypeRegistry, schema: Json): Json {
  if (typeof schema.$ref === 'string') return schema;
  const text = JSON.stringify(schema);
  return registry.answers.get(text) ?? registry.answers.set(text, schema).get(text)!;
}
