/** The directives on a type (`@key`, `@cacheTag`, its entity `@connect`) and on its fields (`@connect`, `@cacheTag`, `@invalidates`), read into the plan. */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import { argumentsOf, directivesNamed, readTemplate } from './directive-values.ts';
import { keyFields } from './entity-key.ts';
import type { ReadContext } from './read-context.ts';
import { readConnector } from './read-connector.ts';
import { outputNames } from './selection.ts';
import type { Template } from './template.ts';

/** `where` of a directive in the file being read. */
type WhereOf = (node: ConstDirectiveNode) => string;

/** A type's `@key`, `@cacheTag` and `@connect` (its entity connector) into the plan. */
export function readTypeDirectives(context: ReadContext, node: ObjectTypeDefinitionNode | ObjectTypeExtensionNode, type: GraphQLNamedType, whereOf: WhereOf): void {
  const { plan, report } = context;
  for (const directive of directivesNamed(node, 'key')) {
    const args = argumentsOf(directive);
    const fields = String(args.fields ?? '').trim();
    const missing = isObjectType(type) ? keyFields(fields).filter((field) => !type.getFields()[field]) : [];
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\s+[A-Za-z_][A-Za-z0-9_]*)*$/.test(fields)) report(whereOf(directive), `@key(fields: "${fields}") on ${type.name}: a key is one or more fields of the type itself, e.g. "id" or "owner name"`);
    else if (missing.length) report(whereOf(directive), `@key field "${missing[0]}" is not a field of ${type.name}`);
    else {
      // Still the entity's identity (its records, `Post:7`); only an entity connector needs a resolvable key.
      plan.keys.set(type.name, fields);
      if (args.resolvable !== false) context.resolvable.add(type.name);
    }
  }
  for (const directive of directivesNamed(node, 'cacheTag')) {
    const tag = readTemplate(context, argumentsOf(directive).format, whereOf(directive), '@cacheTag format');
    if (tag) plan.typeTags.set(type.name, [...(plan.typeTags.get(type.name) ?? []), tag]);
  }
  for (const directive of directivesNamed(node, 'connect')) {
    const connector = readConnector(context, directive, type.name, whereOf(directive));
    if (!connector) continue;
    if (plan.entities.has(type.name)) report(connector.where, `${type.name} has two entity connectors`);
    else plan.entities.set(type.name, { ...connector, type: type.name, byField: false, key: '', batch: false, provides: outputNames(connector.selection) });
  }
}

/** A field's `@connect`, `@cacheTag` and `@invalidates` into the plan, each checked against the field and its type. */
export function readFieldDirectives(context: ReadContext, node: FieldDefinitionNode, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, whereOf: WhereOf): void {
  const { plan, report, checks } = context;
  const coordinate = `${parent.name}.${field.name}`;
  for (const directive of directivesNamed(node, 'connect')) {
    const connector = readConnector(context, directive, coordinate, whereOf(directive));
    if (!connector) continue;
    checks?.fieldConnector(context, connector, field, parent);
    const named = getNamedType(field.type);
    // Apollo's planner may combine several connectors of one field; here a field has one, the first, and the others are checked but never run.
    if (plan.fields.has(coordinate)) {
      context.warn(connector.where, `${coordinate} has more than one @connect: this one never runs (a field has one connector here, the first); what only it selects is null. Move it to a connector on ${named.name} (by its @key) or to a field of its own`);
      continue;
    }
    if (isObjectType(named)) context.built.push({ connector, type: named, given: [] });
    plan.fields.set(coordinate, connector);
    if (argumentsOf(directive).entity === true) {
      if (parent.name !== 'Query' || !isObjectType(named) || isListType(getNullableType(field.type))) report(connector.where, `entity: true on ${coordinate}: only a root Query field answering one object fetches an entity`);
      else context.entityFields.push({ entity: { ...connector, type: named.name, byField: true, key: '', batch: false, provides: outputNames(connector.selection) }, args: field.args.map((arg) => arg.name) });
    }
  }
  for (const directive of directivesNamed(node, 'cacheTag')) {
    const at = whereOf(directive);
    if (parent.name !== 'Query') report(at, `@cacheTag on ${coordinate}: only root Query fields and types take @cacheTag`);
    const tag = readTemplate(context, argumentsOf(directive).format, at, '@cacheTag format');
    if (!tag) continue;
    checks?.templates(context, [tag], at, field, parent, ['$args']);
    plan.fieldTags.set(coordinate, [...(plan.fieldTags.get(coordinate) ?? []), tag]);
  }
  for (const directive of directivesNamed(node, 'invalidates')) {
    const at = whereOf(directive);
    if (parent.name !== 'Mutation') report(at, `@invalidates on ${coordinate}: only mutation fields change data`);
    const tags = argumentsOf(directive).tags;
    const list = (Array.isArray(tags) ? tags : [tags]).map((tag) => readTemplate(context, tag, at, '@invalidates tag'));
    checks?.templates(context, list, at, field, parent, ['$args', '$result']);
    plan.invalidations.set(coordinate, list.filter((tag): tag is Template => tag !== undefined));
  }
}
