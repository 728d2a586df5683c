/** What the importer writes, before it is text: types, fields and their directives, and how each output field is selected from the API's JSON. */

export interface ArgDef {
  name: string;
  type: string;
  description?: string;
  defaultValue?: string;
}

/** How one output field is read from the API's object (see selection.ts). */
export type FieldSource =
  | { kind: 'value'; key: string; enumMap?: [api: unknown, name: string][] }
  | { kind: 'object'; key: string; type: string }
  | { kind: 'union'; key: string; type: string }
  | { kind: 'stub'; keys: [field: string, key: string][] }
  | { kind: 'path'; path: string }
  | { kind: 'connector' };

export interface FieldDef {
  name: string;
  type: string;
  description?: string;
  args?: ArgDef[];
  directives?: string[];
  /** `# ...` lines written above the field: guesses and notes. */
  comments?: string[];
  source?: FieldSource;
}

export interface TypeDef {
  kind: 'type' | 'input' | 'enum' | 'union' | 'scalar';
  name: string;
  description?: string;
  fields: FieldDef[];
  /** An enum's values, with the API's value each stands for. */
  values?: { name: string; api: unknown }[];
  /** A union's members, with the discriminator's value each is told by. */
  members?: { type: string; tag: unknown }[];
  /** A union's discriminator property. */
  discriminator?: string;
  directives: string[];
  comments: string[];
  /** `extend type`: fields added to a type another file defines. */
  extension?: boolean;
}

/** A named type inside a type reference: `[Pet!]!` → `Pet`. */
export function namedType(type: string): string {
  return type.replace(/[[\]!]/g, '');
}

const block = (text: string, indent: string) =>
  text.includes('\n') || text.includes('"')
    ? `${indent}"""\n${text
        .replaceAll('"""', '\\"""')
        .split('\n')
        .map((line) => (line ? `${indent}${line}` : ''))
        .join('\n')}\n${indent}"""\n`
    : `${indent}"${text.replaceAll('\\', '\\\\')}"\n`;

const describe = (text: string | undefined, indent: string) => (text?.trim() ? block(text.trim(), indent) : '');
const comment = (lines: string[] | undefined, indent: string) => (lines ?? []).map((line) => `${indent}# ${line.replaceAll('\n', ' ')}\n`).join('');

function renderField(field: FieldDef): string {
  const args = field.args?.length
    ? `(\n${field.args.map((arg) => `${describe(arg.description, '    ')}    ${arg.name}: ${arg.type}${arg.defaultValue !== undefined ? ` = ${arg.defaultValue}` : ''}\n`).join('')}  )`
    : '';
  const directives = (field.directives ?? []).map((directive) => `\n    ${directive.replaceAll('\n', '\n    ')}`).join('');
  return `${comment(field.comments, '  ')}${describe(field.description, '  ')}  ${field.name}${args}: ${field.type}${directives}\n`;
}

export function renderType(type: TypeDef): string {
  const head = `${comment(type.comments, '')}${type.extension ? '' : describe(type.description, '')}`;
  const directives = type.directives.map((directive) => `\n  ${directive.replaceAll('\n', '\n  ')}`).join('');
  switch (type.kind) {
    case 'scalar':
      return `${head}scalar ${type.name}\n`;
    case 'union':
      return `${head}union ${type.name} = ${type.members!.map((member) => member.type).join(' | ')}\n`;
    case 'enum':
      return `${head}enum ${type.name} {\n${type.values!.map((value) => `${String(value.api) !== value.name ? `  # the API's ${JSON.stringify(value.api)}\n` : ''}  ${value.name}\n`).join('')}}\n`;
    default:
      return `${head}${type.extension ? 'extend ' : ''}${type.kind} ${type.name}${directives}${type.fields.length ? ` {\n${type.fields.map(renderField).join('')}}` : ''}\n`;
  }
}

/** A GraphQL string literal, for directive arguments. */
export function gqlString(text: string): string {
  return text.includes('\n') ? `"""\n${text.replaceAll('"""', '\\"""')}\n"""` : JSON.stringify(text);
}
