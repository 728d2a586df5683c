/**
 * The build's checks of what connectors name against the schema (their
 * variables, the fields their selections give, what an entity connector
 * reads by its key), and what places and words a mistake (the line inside a
 * string, the variable meant). Handed to `readSchemaFiles` by the build (its
 * `checks` option) rather than imported, so that none of it is in the
 * Worker: an isolate reads a folder the build has passed, and these never
 * change the plan.
 */
import { getNamedType, isObjectType, type GraphQLField, type GraphQLNamedType } from 'graphql';
import { connectorReads, type ConnectorPlan, type EntityPlan } from './connector-plan.ts';
import { keyFields } from './entity-key.ts';
import { outputFields, subFields, type OutputField, type VariableRead } from './mapping/analyze.ts';
import { didYouMean } from './mapping/did-you-mean.ts';
import type { ConnectorChecks, ReadContext } from './read-context.ts';
import { lineIn } from './sdl-location.ts';
import { VARIABLES, variablesRead, type Selection } from './selection.ts';
import { templateValues, type Template } from './template.ts';

export const connectorChecks: ConnectorChecks = {
  fieldConnector: checkFieldConnector,
  entityConnector: checkEntityConnector,
  templates: checkTemplates,
  lineIn,
  hint: unknownVariableHint,
};

type Field = GraphQLField<unknown, unknown>;

/** Variables Apollo gives every connector beside `$args` and `$this`. */
const APOLLO_CONTEXT_VARIABLES = ['$config', '$env', '$context', '$request', '$response', '$status'];

function checkFieldConnector(context: ReadContext, connector: ConnectorPlan, field: Field, parent: GraphQLNamedType): void {
  for (const read of connectorReads(connector)) checkVariable(context, read, connector.where, field, parent, ['$args', '$this', ...APOLLO_CONTEXT_VARIABLES]);
  const named = getNamedType(field.type);
  if (isObjectType(named)) checkSelection(context, connector.selection, named, connector.where);
}

function checkEntityConnector(context: ReadContext, entity: EntityPlan, reads: VariableRead[]): void {
  const { key, where } = entity;
  const report = (message: string) => context.report(where, message);
  if (entity.byField) {
    const other = reads.find((read) => read.name === '$args' && !keyFields(key).includes(read.keys[0] ?? ''));
    if (other) report(`entity: true on ${entity.name}: it is fetched by ${entity.type}'s key "${key}", so it may read only those arguments, not $args.${other.keys[0] ?? ''}`);
    return;
  }
  for (const read of reads) {
    if (read.name === '$args' || read.name === '$result' || read.name === '$key') report(`${read.name} means nothing in an entity connector; use $batch.${key} (batched) or $this.${key}`);
    if ((read.name === '$batch' || read.name === '$this') && !keyFields(key).includes(read.keys[0] ?? '')) report(`${read.name}.${read.keys[0] ?? ''}: ${entity.type} is fetched by its key "${key}" only`);
  }
  if (entity.batch && !keyFields(key).every((field) => entity.provides.includes(field))) report(`a batch connector must select its key "${key}", or its results cannot be matched to the keys asked`);
  const type = context.schema.getType(entity.type);
  if (isObjectType(type)) checkSelection(context, entity.selection, type, where);
}

function checkTemplates(context: ReadContext, templates: (Template | undefined)[], at: string, field: Field, parent: GraphQLNamedType, allowed: string[]): void {
  for (const read of templates.flatMap((template) => (template ? templateValues(template).flatMap(variablesRead) : []))) checkVariable(context, read, at, field, parent, allowed);
}

/** A variable an expression on `parent.field` reads must be one of `allowed`, and `$args.x` / `$this.x` must name an argument / field there is. */
function checkVariable(context: ReadContext, read: VariableRead, at: string, field: Field, parent: GraphQLNamedType, allowed: string[]): void {
  if (!allowed.includes(read.name)) return void context.report(at, `${read.name} is not available here (use $, ${allowed.join(', ')})`);
  const [first] = read.keys;
  if (read.name === '$args' && first !== undefined && !field.args.some((arg) => arg.name === first)) {
    const names = field.args.map((arg) => arg.name);
    context.report(at, `$args.${first}: ${parent.name}.${field.name} has no argument "${first}" (it has: ${names.join(', ') || 'none'})${didYouMean(first, names)}`);
  }
  if (read.name === '$this' && first !== undefined && isObjectType(parent) && !parent.getFields()[first]) {
    context.report(at, `$this.${first}: ${parent.name} has no field "${first}"${didYouMean(first, Object.keys(parent.getFields()))}`);
  }
}

/** Every name a selection gives must be a field of the type it builds; nested selections are checked against the fields' types. */
function checkSelection(context: ReadContext, selection: Selection, type: GraphQLNamedType, at: string): void {
  checkFields(context, outputFields(selection.ast), type, at);
}

function checkFields(context: ReadContext, fields: OutputField[], type: GraphQLNamedType, at: string): void {
  if (!isObjectType(type)) return;
  for (const output of fields) {
    const field = type.getFields()[output.name];
    if (!field) {
      const names = Object.keys(type.getFields());
      context.report(at, `selection names "${output.name}", which ${type.name} does not have (it has: ${names.join(', ')})${didYouMean(output.name, names)}`);
      continue;
    }
    if (output.sub) checkFields(context, subFields(output.sub), getNamedType(field.type), at);
  }
}

/** `parseSelection` names an unknown variable (`$arg`) with every known one: this adds the one meant. */
function unknownVariableHint(message: string): string {
  const name = /^unknown variable "([^"]+)"/.exec(message)?.[1];
  return name === undefined ? '' : didYouMean(name, VARIABLES);
}
