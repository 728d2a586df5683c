import { scalarText } from './mapping/json.ts';
import { MappingSyntaxError } from './mapping/index.ts';
import { evaluate, parseValue, type Selection, type Variables } from './selection.ts';

/**
 * A string with `{expression}`s: a URL (`/users/{$args.id}`), a header value
 * (`Bearer {$config.token}`), a cache tag (`Product:{$args.id}`). Each
 * expression is the mapping language's, compiled once.
 */
export interface Template {
  parts: (string | Selection)[];
  source: string;
}

export function parseTemplate(source: string): Template {
  const parts: (string | Selection)[] = [];
  let text = '';
  for (let at = 0; at < source.length; at++) {
    if (source[at] !== '{') {
      text += source[at];
      continue;
    }
    const close = closingBrace(source, at);
    if (text) parts.push(text);
    text = '';
    try {
      parts.push(parseValue(source.slice(at + 1, close)));
    } catch (error) {
      if (error instanceof MappingSyntaxError) throw new MappingSyntaxError(error.message, at + 1 + error.offset);
      throw error;
    }
    at = close;
  }
  if (text) parts.push(text);
  return { parts, source };
}

/** The `}` that closes the `{` at `open`: braces inside the expression nest, and strings are skipped. */
function closingBrace(source: string, open: number): number {
  let depth = 0;
  for (let at = open; at < source.length; at++) {
    const char = source[at];
    if (char === '"' || char === "'") {
      for (at++; at < source.length && source[at] !== char; at++) if (source[at] === '\\') at++;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return at;
  }
  throw new MappingSyntaxError(`"{" without "}" in "${source}"`, open);
}

/** The expressions of a template, for checking what they read. */
export function templateValues(template: Template): Selection[] {
  return template.parts.filter((part): part is Selection => typeof part !== 'string');
}

/** The template's text, as Apollo writes it: each value as text (null as nothing); a list or an object has none. */
export function interpolate(template: Template, data: unknown, variables: Variables, encode: (text: string) => string = (text) => text): { text: string } | { error: string } {
  let text = '';
  for (const part of template.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = scalarText(evaluate(part, data, variables));
    if (!value.scalar) return { error: `"${template.source}": an expression gave a list or an object, which has no text` };
    text += value.text === undefined ? '' : encode(value.text);
  }
  return { text };
}

/**
 * Every string a tag template makes (this gateway's `@cacheTag` and
 * `@invalidates`): one, or one per element when an expression is a list
 * (`Inventory:{$result.items.product.sku}` names each item's).
 */
export function expandTemplate(template: Template, data: unknown, variables: Variables): string[] {
  let made = [''];
  for (const part of template.parts) {
    if (typeof part === 'string') {
      made = made.map((prefix) => prefix + part);
      continue;
    }
    const value = evaluate(part, data, variables);
    const values = (Array.isArray(value) ? value.flat(Infinity) : [value]).flatMap((each) => scalarText(each).text ?? []);
    made = made.flatMap((prefix) => values.map((each) => prefix + each));
  }
  return made;
}
