/**
 * JSON text as Apollo's engine reads it (Rust's serde_json), which words its
 * parse errors its own way: for `->jsonParse`. One recursive-descent parser,
 * whole in one function: its steps share the position they consume.
 */
/** A parse failure, in serde_json's words (`expected value at line 1 column 1`). */
class JsonSyntaxError extends Error {}

const utf8 = new TextEncoder();

/** serde_json refuses to nest arrays and objects deeper than this. */
const MAX_DEPTH = 127;

/**
 * Parses JSON text as serde_json does, failing with serde_json's message and
 * position: the line, and the column counted in UTF-8 bytes. serde_json
 * reports some errors just after what it consumed (`at`) and others at the
 * byte it peeked at (`atPeek`); this parser consumes in the same steps so that
 * both land where serde_json's do.
 */
export function parseJson(text: string): { value: unknown } | { error: string } {
  let index = 0;
  let depth = 0;

  const where = (end: number) => {
    const lines = text.slice(0, end).split('\n');
    return { line: lines.length, column: utf8.encode(lines[lines.length - 1]).length };
  };
  const fail = (message: string, position: { line: number; column: number }): never => {
    throw new JsonSyntaxError(`${message} at line ${position.line} column ${position.column}`);
  };
  const at = (message: string) => fail(message, where(index));
  const atPeek = (message: string) => {
    const position = where(index);
    if (index >= text.length) return fail(message, position);
    // serde_json points one byte past the peeked byte's start.
    return fail(message, text[index] === '\n' ? { line: position.line + 1, column: 0 } : { ...position, column: position.column + 1 });
  };

  const skipWhitespace = () => {
    while (index < text.length && ' \n\t\r'.includes(text.charAt(index))) index += 1;
    return text[index];
  };
  const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
  const skipDigits = () => {
    while (isDigit(text[index])) index += 1;
  };

  const word = (rest: string) => {
    for (const expected of rest) {
      if (index >= text.length) return at('EOF while parsing a value');
      index += 1;
      if (text[index - 1] !== expected) return at('expected ident');
    }
  };

  const number = (): number => {
    const start = index;
    if (text[index] === '-') index += 1;
    if (index >= text.length) return at('EOF while parsing a value');
    const first = text.charAt(index++);
    if (first === '0') {
      if (isDigit(text[index])) return atPeek('invalid number');
    } else if (isDigit(first)) {
      skipDigits();
    } else {
      return at('invalid number');
    }
    if (text[index] === '.') {
      index += 1;
      if (!isDigit(text[index])) return atPeek(index < text.length ? 'invalid number' : 'EOF while parsing a value');
      skipDigits();
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index += 1;
      if (text[index] === '+' || text[index] === '-') index += 1;
      if (index >= text.length) return at('EOF while parsing a value');
      if (!isDigit(text.charAt(index++))) return at('invalid number');
      skipDigits();
    }
    const value = Number(text.slice(start, index));
    return Number.isFinite(value) ? value : at('number out of range');
  };

  const hexEscape = (): number => {
    if (index + 4 > text.length) {
      index = text.length;
      return at('EOF while parsing a string');
    }
    let code = 0;
    for (let count = 0; count < 4; count += 1) {
      const digit = parseInt(text.charAt(index++), 16);
      if (Number.isNaN(digit)) return at('invalid escape');
      code = code * 16 + digit;
    }
    return code;
  };
  const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  const escape = (): string => {
    if (index >= text.length) return at('EOF while parsing a string');
    const char = text.charAt(index++);
    const escaped = escapes[char];
    if (escaped !== undefined) return escaped;
    if (char !== 'u') return at('invalid escape');
    const code = hexEscape();
    if (code >= 0xdc00 && code <= 0xdfff) return at('lone leading surrogate in hex escape');
    if (code < 0xd800 || code > 0xdbff) return String.fromCharCode(code);
    // A leading surrogate must be followed by `\u` and a trailing one.
    for (const expected of '\\u') {
      if (index >= text.length) return at('EOF while parsing a string');
      index += 1;
      if (text[index - 1] !== expected) return at('unexpected end of hex escape');
    }
    const trailing = hexEscape();
    if (trailing < 0xdc00 || trailing > 0xdfff) return at('lone leading surrogate in hex escape');
    return String.fromCharCode(code, trailing);
  };
  const string = (): string => {
    index += 1;
    let result = '';
    for (;;) {
      if (index >= text.length) return at('EOF while parsing a string');
      const char = text.charAt(index++);
      if (char === '"') return result;
      if (char === '\\') result += escape();
      else if (char < ' ') return at('control character (\\u0000-\\u001F) found while parsing a string');
      else result += char;
    }
  };

  const nested = <T>(parse: () => T): T => {
    if (depth === MAX_DEPTH) return atPeek('recursion limit exceeded');
    depth += 1;
    index += 1;
    const result = parse();
    depth -= 1;
    return result;
  };

  const array = () =>
    nested(() => {
      const items: unknown[] = [];
      for (let next = skipWhitespace(); next !== ']'; next = skipWhitespace()) {
        if (next === undefined) return atPeek('EOF while parsing a list');
        if (items.length > 0) {
          if (next !== ',') return atPeek('expected `,` or `]`');
          index += 1;
          const after = skipWhitespace();
          if (after === ']') return atPeek('trailing comma');
          if (after === undefined) return atPeek('EOF while parsing a value');
        }
        items.push(value());
      }
      index += 1;
      return items;
    });

  const object = () =>
    nested(() => {
      const members: Record<string, unknown> = {};
      let first = true;
      for (let next = skipWhitespace(); next !== '}'; next = skipWhitespace()) {
        if (next === undefined) return atPeek('EOF while parsing an object');
        if (!first) {
          if (next !== ',') return atPeek('expected `,` or `}`');
          index += 1;
          next = skipWhitespace();
          if (next === '}') return atPeek('trailing comma');
          if (next === undefined) return atPeek('EOF while parsing a value');
        }
        if (next !== '"') return atPeek('key must be a string');
        first = false;
        const key = string();
        const colon = skipWhitespace();
        if (colon === undefined) return atPeek('EOF while parsing an object');
        if (colon !== ':') return atPeek('expected `:`');
        index += 1;
        // defineProperty keeps a "__proto__" key an ordinary member.
        Object.defineProperty(members, key, { value: value(), enumerable: true, writable: true, configurable: true });
      }
      index += 1;
      return members;
    });

  const value = (): unknown => {
    const next = skipWhitespace();
    switch (next) {
      case undefined:
        return atPeek('EOF while parsing a value');
      case 'n':
        index += 1;
        word('ull');
        return null;
      case 't':
        index += 1;
        word('rue');
        return true;
      case 'f':
        index += 1;
        word('alse');
        return false;
      case '"':
        return string();
      case '[':
        return array();
      case '{':
        return object();
      default:
        return next === '-' || isDigit(next) ? number() : atPeek('expected value');
    }
  };

  try {
    const result = value();
    if (skipWhitespace() !== undefined) atPeek('trailing characters');
    return { value: result };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: error.message };
    throw error;
  }
}

