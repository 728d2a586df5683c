/**
 * The subset of Apollo Connectors' mapping language that `selection`,
 * `queryParams`, `body` and `{...}` expressions use:
 *
 *   id name                      fields, copied
 *   name: full_name              an alias
 *   city: address.city           a path
 *   price { amount currency }    a nested object (mapped over lists)
 *   $.items { id name }          the value at a path, mapped ($ is the current value)
 *   product: { id: productId }   an object built here (a stub entity)
 *   id: $args.id                 a variable: $args, $this, $batch, $key, $result
 *   ids: $batch.id->joinNotNull(',')   methods: joinNotNull(sep), first
 *
 * Parsed once, at startup; applied per call.
 */

export type Root = '$' | '$args' | '$this' | '$batch' | '$key' | '$result';

export interface PathValue {
  kind: 'path';
  /** A variable, or `undefined` for a path into the current value. */
  root: Root | undefined;
  path: string[];
  methods: Method[];
  sub: Selection | undefined;
}
export type Value = PathValue | { kind: 'object'; selection: Selection } | { kind: 'literal'; value: string | number | boolean | null };
export type Method = { name: 'joinNotNull'; separator: string } | { name: 'first' };

export type Item =
  /** `name` or `name { ... }`: the current value's field. */
  | { kind: 'field'; name: string; sub: Selection | undefined }
  /** `name: value`. */
  | { kind: 'alias'; name: string; value: Value }
  /** `$.path { ... }` or `$args.input` with no name: its fields are merged in, or it is the whole result when alone. */
  | { kind: 'spread'; value: Value };

export interface Selection {
  items: Item[];
  source: string;
}

/** The values of `$args`, `$this`, `$batch`, `$key` and `$result`, by name without the `$`. */
export type Variables = Partial<Record<'args' | 'this' | 'batch' | 'key' | 'result', unknown>>;

export class SelectionSyntaxError extends Error {}

const ROOTS = new Set<string>(['$', '$args', '$this', '$batch', '$key', '$result']);
const TOKEN = /\s+|,|#[^\n]*|(->|[{}():.])|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|(\$[A-Za-z_]*|[A-Za-z_][A-Za-z0-9_]*)|(.)/gy;

type Token = { kind: 'punct' | 'string' | 'number' | 'name'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
    const [, punct, string, number, name, other] = match;
    if (other !== undefined) throw new SelectionSyntaxError(`unexpected "${other}"`);
    if (punct !== undefined) tokens.push({ kind: 'punct', text: punct });
    else if (string !== undefined) tokens.push({ kind: 'string', text: string.slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (number !== undefined) tokens.push({ kind: 'number', text: number });
    else if (name !== undefined) tokens.push({ kind: 'name', text: name });
  }
  return tokens;
}

export function parseSelection(source: string): Selection {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (text?: string) => (text === undefined ? tokens[at] : tokens[at]?.text === text && tokens[at]?.kind === 'punct' ? tokens[at] : undefined);
  const expect = (text: string) => {
    if (!peek(text)) throw new SelectionSyntaxError(`expected "${text}"${tokens[at] ? ` before "${tokens[at]!.text}"` : ' at the end'}`);
    at++;
  };
  const name = (): string => {
    const token = tokens[at];
    if (token?.kind !== 'name' || token.text.startsWith('$')) throw new SelectionSyntaxError(`expected a field name${token ? `, got "${token.text}"` : ' at the end'}`);
    at++;
    return token.text;
  };

  function items(closing: boolean): Item[] {
    const list: Item[] = [];
    while (tokens[at] && !(closing && peek('}'))) {
      const token = tokens[at]!;
      if (token.kind === 'name' && token.text.startsWith('$')) {
        list.push({ kind: 'spread', value: value() });
        continue;
      }
      const field = name();
      if (peek(':')) {
        at++;
        list.push({ kind: 'alias', name: field, value: value() });
      } else {
        list.push({ kind: 'field', name: field, sub: peek('{') ? sub() : undefined });
      }
    }
    return list;
  }

  function sub(): Selection {
    const start = at;
    expect('{');
    const list = items(true);
    expect('}');
    return { items: list, source: tokens.slice(start, at).map((token) => token.text).join(' ') };
  }

  function value(): Value {
    const token = tokens[at];
    if (!token) throw new SelectionSyntaxError('expected a value at the end');
    if (peek('{')) return { kind: 'object', selection: sub() };
    if (token.kind === 'string') return at++, { kind: 'literal', value: token.text };
    if (token.kind === 'number') return at++, { kind: 'literal', value: Number(token.text) };
    if (token.kind === 'name' && ['true', 'false', 'null'].includes(token.text)) return at++, { kind: 'literal', value: JSON.parse(token.text) as boolean | null };
    let root: Root | undefined;
    const path: string[] = [];
    if (token.kind === 'name' && token.text.startsWith('$')) {
      if (!ROOTS.has(token.text)) throw new SelectionSyntaxError(`unknown variable "${token.text}" (known: ${[...ROOTS].join(', ')})`);
      root = token.text as Root;
      at++;
    } else {
      path.push(name());
    }
    while (peek('.')) {
      at++;
      path.push(name());
    }
    const methods: Method[] = [];
    while (peek('->')) {
      at++;
      methods.push(method());
    }
    return { kind: 'path', root, path, methods, sub: peek('{') ? sub() : undefined };
  }

  function method(): Method {
    const called = name();
    if (called === 'first') {
      if (peek('(')) (at++, expect(')'));
      return { name: 'first' };
    }
    if (called === 'joinNotNull') {
      expect('(');
      const separator = tokens[at];
      if (separator?.kind !== 'string') throw new SelectionSyntaxError('joinNotNull takes a separator string, e.g. joinNotNull(\',\')');
      at++;
      expect(')');
      return { name: 'joinNotNull', separator: separator.text };
    }
    throw new SelectionSyntaxError(`unsupported method "->${called}" (supported: ->joinNotNull, ->first)`);
  }

  const list = items(false);
  if (at < tokens.length) throw new SelectionSyntaxError(`unexpected "${tokens[at]!.text}"`);
  return { items: list, source };
}

/** Parses one value, as inside `{...}` in a URL or a tag: `$args.id`, `$batch.id->joinNotNull(',')`. */
export function parseValue(source: string): Value {
  const selection = parseSelection(source);
  const [only] = selection.items;
  if (selection.items.length !== 1 || only?.kind !== 'spread') throw new SelectionSyntaxError(`"${source}" is not one variable path such as $args.id`);
  return only.value;
}

/** The selection applied to `data`: an object (one per item of a list), or, for a lone `$.path { ... }`, whatever that path holds. */
export function applySelection(selection: Selection, data: unknown, variables: Variables): unknown {
  const [only] = selection.items;
  if (selection.items.length === 1 && only?.kind === 'spread') return evaluate(only.value, data, variables);
  if (Array.isArray(data)) return data.map((each) => applySelection(selection, each, variables));
  const out: Record<string, unknown> = {};
  for (const item of selection.items) {
    if (item.kind === 'field') {
      const value = fieldOf(data, item.name);
      out[item.name] = item.sub ? mapEach(value, (each) => applySelection(item.sub!, each, variables)) : value;
    } else if (item.kind === 'alias') {
      out[item.name] = evaluate(item.value, data, variables);
    } else {
      const value = evaluate(item.value, data, variables);
      if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, value);
    }
  }
  return out;
}

export function evaluate(value: Value, data: unknown, variables: Variables): unknown {
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'object') return applySelection(value.selection, data, variables);
  let current = value.root === undefined || value.root === '$' ? data : variables[value.root.slice(1) as keyof Variables];
  for (const segment of value.path) current = mapEach(current, (each) => fieldOf(each, segment), true);
  for (const method of value.methods) current = call(method, current);
  const { sub } = value;
  return sub ? mapEach(current, (each) => applySelection(sub, each, variables)) : current;
}

function call(method: Method, value: unknown): unknown {
  const list = Array.isArray(value) ? value.flat(Infinity) : [value];
  if (method.name === 'first') return list[0] ?? null;
  return list.filter((each) => each != null).map(String).join(method.separator);
}

function fieldOf(data: unknown, name: string): unknown {
  return data != null && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;
}

/** `map` over a list (and lists of lists), or `map` the value itself; null stays null. `flat`: a path through lists is one list. */
function mapEach(value: unknown, map: (each: unknown) => unknown, flat = false): unknown {
  if (value == null) return value ?? null;
  if (Array.isArray(value)) {
    const mapped = value.map((each) => mapEach(each, map, flat));
    return flat ? mapped.flat() : mapped;
  }
  return map(value);
}

/** The names a selection gives its result's top level (for a lone `$.path { ... }`, those of its sub-selection). */
export function outputNames(selection: Selection): string[] {
  const [only] = selection.items;
  if (selection.items.length === 1 && only?.kind === 'spread') {
    return only.value.kind === 'path' && only.value.sub ? outputNames(only.value.sub) : [];
  }
  return selection.items.flatMap((item) => (item.kind === 'spread' ? [] : [item.name]));
}
