import { evaluate, parseValue, type Value, type Variables } from './selection.ts';

/** A string with `{$args.id}`-style expressions: a URL path, a cache tag. */
export interface Template {
  parts: (string | Value)[];
  source: string;
}

export function parseTemplate(source: string): Template {
  const parts: (string | Value)[] = [];
  let rest = source;
  for (let open = rest.indexOf('{'); open !== -1; open = rest.indexOf('{')) {
    const close = rest.indexOf('}', open);
    if (close === -1) throw new Error(`"{" without "}" in "${source}"`);
    if (open > 0) parts.push(rest.slice(0, open));
    parts.push(parseValue(rest.slice(open + 1, close)));
    rest = rest.slice(close + 1);
  }
  if (rest) parts.push(rest);
  return { parts, source };
}

/** The values a template's expressions refer to, as paths: for checking them against the schema. */
export function templateValues(template: Template): Value[] {
  return template.parts.filter((part): part is Value => typeof part !== 'string');
}

/**
 * Every string the template makes: one, or one per element when an
 * expression is a list (`Inventory:{$result.items.product.sku}` names each
 * item's). `encode` escapes what is substituted, e.g. for a URL path.
 */
export function expandTemplate(template: Template, data: unknown, variables: Variables, encode: (text: string) => string = (text) => text): string[] {
  let made = [''];
  for (const part of template.parts) {
    if (typeof part === 'string') {
      made = made.map((prefix) => prefix + part);
      continue;
    }
    const value = evaluate(part, data, variables);
    const values = (Array.isArray(value) ? value.flat(Infinity) : [value]).filter((each) => each != null).map((each) => encode(String(each)));
    made = made.flatMap((prefix) => values.map((each) => prefix + each));
  }
  return made;
}
