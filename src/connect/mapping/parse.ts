import type { Expr, Key, Named, Path, PathStart, Selection, Step, SubSelection } from './ast.ts';

/**
 * The parser of Apollo Connectors' mapping language (`selection`,
 * `queryParams`, `body`, and the `{...}` of templates), written from the
 * grammar in Apollo's reference, connect/v0.4:
 *
 *   Selection      ::= Named*                     (or one anonymous path)
 *   Named          ::= (Key ":" | "...")? Path | Key ":" "{" Named* "}"
 *   Path           ::= (Key | "$" Identifier? | "@" | "$(" Expr ")") Tail ("{" Named* "}")?
 *   Tail           ::= "?"? (("." Key | "->" Identifier Args?) "?"?)*
 *   Expr           ::= Operand (("??" | "?!") Operand)*     one operator per chain
 *   Operand        ::= Literal Tail | Path                   literals: strings, numbers, true, false, null, [..], {..}
 *
 * Whitespace and `#` comments go anywhere between tokens, except inside a
 * name or between `$` and its variable's name.
 *
 * Over 250 lines on purpose: one recursive-descent parser, its rules closures
 * over the one position they consume, reads best whole.
 */
export class MappingSyntaxError extends Error {
  /** Where in the source text the mistake is. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'MappingSyntaxError';
    this.offset = offset;
  }
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:-\s*)?(?:\d+(?:\.\d*)?|\.\d+)/y;
const SPACE = /(?:\s+|#[^\n]*)*/y;

export function parseSelection(source: string): Selection {
  let at = 0;

  const fail = (message: string, offset = at): never => {
    throw new MappingSyntaxError(message, offset);
  };
  const skip = () => {
    SPACE.lastIndex = at;
    SPACE.exec(source);
    at = SPACE.lastIndex;
  };
  /** After spaces, the source continues with `text`. */
  const sees = (text: string) => (skip(), source.startsWith(text, at));
  const take = (text: string) => (sees(text) ? ((at += text.length), true) : false);
  const expect = (text: string, what: string) => {
    if (!take(text)) fail(`expected ${what} ${describeHere()}`);
  };
  const describeHere = () => {
    skip();
    return at >= source.length ? 'at the end' : `before "${source.slice(at, at + 12).split('\n')[0]}"`;
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const found = pattern.exec(source)?.[0];
    if (found !== undefined) at += found.length;
    return found;
  };

  function identifier(): string | undefined {
    skip();
    return match(IDENTIFIER);
  }

  function string(): string | undefined {
    skip();
    const quote = source[at];
    if (quote !== '"' && quote !== "'") return undefined;
    const start = at;
    let text = '';
    for (at++; at < source.length; at++) {
      const char = source[at]!;
      if (char === quote) {
        at++;
        return text;
      }
      // Only the quote itself is escaped; any other backslash is kept, as Apollo does.
      if (char === '\\' && source[at + 1] === quote) {
        text += quote;
        at++;
      } else text += char;
    }
    return fail('a string is not closed', start);
  }

  function key(): Key | undefined {
    const name = identifier();
    if (name !== undefined) return { name, quoted: false };
    const quoted = string();
    return quoted === undefined ? undefined : { name: quoted, quoted: true };
  }

  /** `alias:`, looked ahead: restores the position when what follows is no alias. */
  function alias(): Key | undefined {
    const start = at;
    const name = key();
    if (name && take(':')) return name;
    at = start;
    return undefined;
  }

  function subSelection(): SubSelection {
    skip();
    const offset = at;
    expect('{', '"{"');
    const items: Named[] = [];
    while (!sees('}')) {
      if (at >= source.length) fail('expected "}" at the end', offset);
      items.push(named(false));
    }
    at++;
    return { items, offset };
  }

  /** One named selection; `top`: an anonymous path may stand alone there. */
  function named(top: boolean): Named {
    skip();
    const offset = at;
    const name = alias();
    if (name) {
      if (sees('{')) {
        const sub = subSelection();
        return { prefix: { kind: 'alias', key: name }, path: { kind: 'path', start: { kind: 'var', name: '@' }, steps: [], sub, offset: sub.offset }, offset };
      }
      return { prefix: { kind: 'alias', key: name }, path: path(true) ?? fail(`expected a value after "${name.name}:" ${describeHere()}`), offset };
    }
    if (take('...')) return { prefix: { kind: 'spread', explicit: true }, path: path(true) ?? fail('expected a path after "..."'), offset };
    const found = path(true) ?? fail(at < source.length ? `unexpected "${source[at]}": expected a field name` : 'expected a field name at the end');
    if (singleKey(found)) return { prefix: { kind: 'none' }, path: found, offset };
    if (found.sub) return { prefix: { kind: 'spread', explicit: false }, path: found, offset };
    if (top) return { prefix: { kind: 'none' }, path: found, offset };
    return fail('a path here needs an alias ("name: a.b"), "..." or a { ... } after it', offset);
  }

  /**
   * A path. `selectionContext`: a leading quoted string or `true` is a key
   * (in literal expressions it is a value, and is parsed by `operand`).
   */
  function path(selectionContext: boolean): Path | undefined {
    skip();
    const offset = at;
    let start: PathStart;
    if (source.startsWith('$(', at)) {
      at += 2;
      const expr = expression();
      expect(')', '")" to close "$("');
      start = { kind: 'expr', expr };
    } else if (source[at] === '$') {
      at++;
      const name = match(IDENTIFIER);
      start = { kind: 'var', name: name === undefined ? '$' : `$${name}` };
    } else if (source[at] === '@') {
      at++;
      start = { kind: 'var', name: '@' };
    } else {
      const found = selectionContext ? key() : identifierKey();
      if (!found) return undefined;
      start = { kind: 'key', key: found };
    }
    const steps = tail();
    const sub = sees('{') ? subSelection() : undefined;
    return { kind: 'path', start, steps, sub, offset };
  }

  /** In a literal expression a bare name starts a path; `true`, `false` and `null` are values. */
  function identifierKey(): Key | undefined {
    const start = at;
    const name = identifier();
    if (name === 'true' || name === 'false' || name === 'null') {
      at = start;
      return undefined;
    }
    return name === undefined ? undefined : { name, quoted: false };
  }

  function tail(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      skip();
      const offset = at;
      if (source[at] === '?' && source[at + 1] !== '?' && source[at + 1] !== '!') {
        if (steps.at(-1)?.kind === 'question') fail('"?" may not follow "?"');
        at++;
        steps.push({ kind: 'question', offset });
      } else if (source[at] === '.' && source[at + 1] !== '.' && !/\d/.test(source[at + 1] ?? '')) {
        at++;
        const name = key() ?? fail(`expected a property name after "." ${describeHere()}`);
        steps.push({ kind: 'key', key: name, offset });
      } else if (source.startsWith('->', at)) {
        at += 2;
        const name = match(IDENTIFIER) ?? fail(`expected a method name after "->" ${describeHere()}`);
        steps.push({ kind: 'method', name, args: sees('(') ? methodArgs() : undefined, offset });
      } else return steps;
    }
  }

  function methodArgs(): Expr[] {
    expect('(', '"("');
    return list(')');
  }

  /** Comma-separated expressions up to `close` (a trailing comma allowed). */
  function list(close: string): Expr[] {
    const items: Expr[] = [];
    while (!take(close)) {
      if (at >= source.length) fail(`expected "${close}" at the end`);
      items.push(expression());
      if (!take(',') && !sees(close)) fail(`expected "," or "${close}" ${describeHere()}`);
    }
    return items;
  }

  function expression(): Expr {
    skip();
    const offset = at;
    const first = operand();
    let op: '??' | '?!' | undefined;
    const operands = [first];
    for (;;) {
      skip();
      const next = source.startsWith('??', at) ? '??' : source.startsWith('?!', at) ? '?!' : undefined;
      if (!next) break;
      if (op && next !== op) fail(`"${op}" and "${next}" cannot be mixed in one chain: wrap one side in $(...)`);
      op = next;
      at += 2;
      operands.push(operand());
    }
    return op ? { kind: 'chain', op, operands, offset } : first;
  }

  function operand(): Expr {
    skip();
    const offset = at;
    const literal = literalValue();
    if (literal) {
      const steps = tail();
      return steps.length ? { kind: 'literal-path', head: literal, steps, offset } : literal;
    }
    return path(false) ?? fail(`expected a value ${describeHere()}`);
  }

  function literalValue(): Expr | undefined {
    const offset = at;
    const text = string();
    if (text !== undefined) return { kind: 'literal', value: text, offset };
    const number = match(NUMBER);
    if (number !== undefined) return { kind: 'literal', value: Number(number.replace(/\s/g, '')), offset };
    if (take('[')) return { kind: 'array', items: list(']'), offset };
    if (take('{')) return { kind: 'object', entries: objectEntries(), offset };
    const start = at;
    const word = identifier();
    if (word === 'true' || word === 'false' || word === 'null') return { kind: 'literal', value: JSON.parse(word) as boolean | null, offset };
    at = start;
    return undefined;
  }

  function objectEntries(): [Key, Expr][] {
    const entries: [Key, Expr][] = [];
    while (!take('}')) {
      const name = key() ?? fail(`expected a property name ${describeHere()}`);
      // `{ a }` is `{ a: a }`, as in JavaScript, and `{ a? { b } }` is `{ a: a? { b } }` (connect/v0.4).
      const value: Expr = take(':') ? expression() : { kind: 'path', start: { kind: 'key', key: name }, steps: tail(), sub: sees('{') ? subSelection() : undefined, offset: at };
      entries.push([name, value]);
      if (!take(',') && !sees('}')) fail(`expected "," or "}" ${describeHere()}`);
    }
    return entries;
  }

  skip();
  const items: Named[] = [];
  while (at < source.length) {
    items.push(named(true));
    skip();
  }
  const [only] = items;
  if (items.length === 1 && only && (only.prefix.kind === 'none' || (only.prefix.kind === 'spread' && !only.prefix.explicit)) && !singleKey(only.path)) {
    return { kind: 'path', path: only.path };
  }
  const anonymous = items.find((item) => item.prefix.kind === 'none' && !singleKey(item.path));
  if (anonymous) fail('a path beside other selections needs an alias ("name: a.b"), "..." or a { ... } after it', anonymous.offset);
  return { kind: 'named', selection: { items, offset: 0 } };
}

/** The output key a path gives itself: `name` or `name { ... }` (optionally `name?`), a key with no further steps. */
export function singleKey(path: Path): Key | undefined {
  if (path.start.kind !== 'key') return undefined;
  return path.steps.every((step) => step.kind === 'question') ? path.start.key : undefined;
}
