/** GraphQL names made from an API's: valid, PascalCase types, camelCase fields, enum values kept where GraphQL allows them. */

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const SYMBOLS: Record<string, string> = { '+': 'plus', '-': 'minus', '@': 'at', '$': 'dollar', '#': 'hash' };

export function isName(text: string): boolean {
  return NAME.test(text) && !text.startsWith('__');
}

/** `per_page` → `['per', 'page']`, `petId` → `['pet', 'Id']`, `+1` → `['plus', '1']`. */
function words(text: string): string[] {
  const spelled = text.replace(/^[+\-@$#]/, (symbol) => `${SYMBOLS[symbol]} `);
  return spelled
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

export function typeName(text: string): string {
  const name = words(text).map(capital).join('');
  return !name ? 'Type' : /^\d/.test(name) ? `T${name}` : name;
}

export function fieldName(text: string): string {
  const [first = '', ...rest] = words(text);
  const name = first.toLowerCase() + rest.map(capital).join('');
  return !name ? 'field' : /^\d/.test(name) ? `_${name}` : name;
}

/** An enum value: the API's own where it is a valid GraphQL name, else SCREAMING_SNAKE of its words. */
export function enumValueName(value: unknown): string {
  const text = String(value);
  if (isName(text) && !['true', 'false', 'null'].includes(text)) return text;
  const name = words(text).join('_').toUpperCase();
  return !name ? 'EMPTY' : /^\d/.test(name) ? `_${name}` : name;
}

/** A key as a selection writes it: bare where it is a name, else quoted. */
export function selectionKey(key: string): string {
  return isName(key) ? key : JSON.stringify(key);
}

/** `Pet Store` → `pet-store`: source names and file names. */
export function kebab(text: string): string {
  return words(text).join('-').toLowerCase();
}

/** A name not yet in `taken`, with a number after it if needed; it is then taken. */
export function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
