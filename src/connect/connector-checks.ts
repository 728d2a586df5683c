/** The checks of what a connector reads and builds against the schema: its variables, and the fields its selection names. */
import { getNamedType, isObjectType, type GraphQLField, type GraphQLNamedType } from 'graphql';
import { outputFields, subFields, type OutputField, type VariableRead } from './mapping/analyze.ts';
import { didYouMean } from './mapping/did-you-mean.ts';
import type { ReadContext } from './read-context.ts';
import type { Selection } from './selection.ts';

/** A variable an expression on `parent.field` reads must be one of `allowed`, and `$args.x` / `$this.x` must name an argument / field there is. */
export function checkVariable(context: ReadContext, read: VariableRead, at: string, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, allowed: string[]): void {
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
export function checkSelection(context: ReadContext, selection: Selection, type: GraphQLNamedType, at: string): void {
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
