import { getNamedType, isNonNullType, isObjectType, type ConstDirectiveNode, type GraphQLObjectType } from 'graphql';
import type { ConnectorPlan, GatewayPlan } from './connector-plan.ts';
import { keyFields } from './entity-key.ts';
import type { Named, SubSelection } from './mapping/ast.ts';
import { outputFields, subFields, type OutputField } from './mapping/analyze.ts';
import { lineIn } from './sdl-location.ts';
import type { Selection } from './selection.ts';

/** What else may answer a field, beside the selections. */
export interface FilledContext {
  plan: GatewayPlan;
  /** `Type.field`s marked `@external`: another subgraph's to fill, in a supergraph; nothing's here. */
  external: ReadonlySet<string>;
  /** `Type.field`s and types marked `@inaccessible`: no client asks for them, so none fails for want of a value. */
  hidden: ReadonlySet<string>;
  /** `Type.field`s the folder's TypeScript resolvers answer, or `'unread'`: the folder has resolvers the build could not read. */
  resolvedInCode: ReadonlySet<string> | 'unread';
}

/** The build's check, handed to `readSchemaFiles` (its `unfilled` option). */
export interface UnfilledCheck {
  /** The `Type.field`s the folder's TypeScript resolvers answer, which no selection need fill; `'unread'` when the folder has resolvers the build could not read, so that a non-null field no selection fills is a warning rather than an error. */
  resolvedInCode: ReadonlySet<string> | 'unread';
  problems: typeof unfilledFieldProblems;
}

/** The check of a folder whose resolvers answer `resolvedInCode`. */
export function unfilledCheck(resolvedInCode: ReadonlySet<string> | 'unread'): UnfilledCheck {
  return { resolvedInCode, problems: unfilledFieldProblems };
}

export interface FilledProblem {
  /** `file:line`, inside the selection where the object is built. */
  at: string;
  message: string;
  /** The build cannot tell whether the field is filled: something it cannot read may fill it. */
  warning: boolean;
}

/**
 * The non-null fields of the objects a connector's selection builds that
 * nothing gives a value: every request asking for one would fail. An error;
 * a warning where the build cannot tell (a spread it cannot read, resolvers
 * it could not read) or where the field is `@external`. `given`: the fields
 * the object has beside the selection's (an entity connector's result is
 * merged into the stub, which holds the key); `directive`: the `@connect`
 * the selection is written in, for the lines inside it.
 */
export function unfilledFieldProblems(connector: ConnectorPlan, type: GraphQLObjectType, given: readonly string[], directive: ConstDirectiveNode | undefined, context: FilledContext): FilledProblem[] {
  const { plan, external, hidden, resolvedInCode } = context;
  const lineOf = (offset: number) => (directive && lineIn(directive, ['selection'], offset)) ?? connector.where;
  const inCode = (coordinate: string) => resolvedInCode !== 'unread' && resolvedInCode.has(coordinate);
  // A TypeScript resolver answering the field makes its value itself, from the connector's or not; a hidden field no client asks for.
  if (inCode(connector.name) || hidden.has(connector.name)) return [];
  const answeredElsewhere: AnsweredElsewhere = (objectType, field, keys) => {
    const coordinate = `${objectType.name}.${field}`;
    if (plan.fields.has(coordinate) || inCode(coordinate) || hidden.has(coordinate)) return true;
    // An object holding its key is completed by its entity connector, when asked for a field that one selects.
    const entity = plan.entities.get(objectType.name);
    return !!entity?.key && entity.provides.includes(field) && keyFields(entity.key).every((key) => keys.has(key));
  };
  const problems: FilledProblem[] = [];
  const selectionOf = connector.name === type.name ? `the entity connector of ${type.name}` : `the selection of ${connector.name}`;
  for (const object of unfilledObjects(connector.selection, type, answeredElsewhere, given)) {
    const at = lineOf(object.offset);
    const federated = object.fields.filter((field) => external.has(`${object.type.name}.${field}`));
    const own = object.fields.filter((field) => !federated.includes(field));
    const unsure = [...object.unread.map((part) => `${textAt(connector.selection.source, part.offset)} (${lineOf(part.offset)})`), ...(resolvedInCode === 'unread' ? ['a TypeScript resolver the build could not read'] : [])];
    if (own.length && !unsure.length) problems.push({ at, warning: false, message: `${named(own)} non-null, but ${selectionOf} gives ${them(own)} no value: every request asking for ${them(own)} would fail. ${fix(own)}` });
    if (own.length && unsure.length) problems.push({ at, warning: true, message: `${named(own)} non-null, and ${selectionOf} gives ${them(own)} no value unless ${unsure.join(' or ')} does, which the build cannot tell. ${fix(own)}` });
    if (federated.length) problems.push({ at, warning: true, message: `${named(federated)} non-null and @external: ${selectionOf} gives ${them(federated)} no value, and in one graph no other subgraph does. ${fix(federated)}` });

    /** `Post.title is`, `Post.title, Post.body are`. */
    function named(fields: string[]): string {
      return `${fields.map((field) => `${object.type.name}.${field}`).join(', ')} ${fields.length === 1 ? 'is' : 'are'}`;
    }

    function fix(fields: string[]): string {
      const entity = plan.entities.get(object.type.name);
      const byKey = entity?.key && fields.every((field) => entity.provides.includes(field) && !keyFields(entity.key).includes(field)) ? ` (or select "${entity.key}", ${object.type.name}'s key, for its entity connector to complete it)` : '';
      return `Add ${fields.join(' ')} to the selection${byKey}, or make ${fields.length === 1 ? `${object.type.name}.${fields[0]}` : 'them'} nullable`;
    }
  }
  return problems;
}

/** An object a selection builds whose non-null fields it leaves without a value. */
interface UnfilledObject {
  type: GraphQLObjectType;
  /** The non-null fields neither the selection nor anything else fills. */
  fields: string[];
  /** Where the object is built in the selection's text: its `{`, or the selection's start. */
  offset: number;
  /** The spreads whose keys the build cannot read (`...$.details`, `...$(...)`, `...$.raw->jsonParse`): they may hold the fields. */
  unread: Named[];
}

const them = (fields: string[]) => (fields.length === 1 ? 'it' : 'them');

/** Whether something beside the selection gives `type.field` its value in an object the selection builds with `keys`. */
type AnsweredElsewhere = (type: GraphQLObjectType, field: string, keys: ReadonlySet<string>) => boolean;

/**
 * Every object a selection builds for `type` (and, through each `{ ... }`,
 * for the object types of its fields) that leaves a non-null field with no
 * value. A value passed through unbuilt (`$`, `$.data`, `$.raw->jsonParse`,
 * a key with no `{ ... }`) has the origin's keys, which the build cannot
 * know: it is not checked.
 */
function unfilledObjects(selection: Selection, type: GraphQLObjectType, answeredElsewhere: AnsweredElsewhere, given: readonly string[]): UnfilledObject[] {
  const { ast } = selection;
  if (ast.kind === 'path' && !ast.path.sub) return [];
  const top = ast.kind === 'named' ? ast.selection : ast.path.sub!;
  const found: UnfilledObject[] = [];
  checkObject(outputFields(ast), unreadParts(top), type, top.offset, given);
  return found;

  function checkObject(fields: OutputField[], unread: Named[], objectType: GraphQLObjectType, offset: number, present: readonly string[]): void {
    const keys = new Set([...present, ...fields.map((field) => field.name)]);
    const missing = Object.values(objectType.getFields()).filter((field) => isNonNullType(field.type) && !keys.has(field.name) && !answeredElsewhere(objectType, field.name, keys));
    if (missing.length) found.push({ type: objectType, fields: missing.map((field) => field.name), offset, unread });
    for (const output of fields) {
      const nested = output.sub && objectType.getFields()[output.name];
      const nestedType = nested && getNamedType(nested.type);
      if (output.sub && isObjectType(nestedType)) checkObject(subFields(output.sub), unreadParts(output.sub), nestedType, output.sub.offset, []);
    }
  }
}

/** The spreads of a `{ ... }` with no `{ ... }` of their own (`...$.details`): they add keys the build cannot name. */
function unreadParts(sub: SubSelection): Named[] {
  return sub.items.flatMap((item) => (item.prefix.kind !== 'spread' ? [] : item.path.sub ? unreadParts(item.path.sub) : [item]));
}

/** The selection's text from `offset` to the end of its line, quoted: `"...$.details"`. */
function textAt(source: string, offset: number): string {
  const line = source.slice(offset).split(/\r?\n/)[0]!.trim();
  return `"${line.length > 40 ? `${line.slice(0, 40)}...` : line}"`;
}
