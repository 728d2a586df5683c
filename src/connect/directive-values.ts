/** A directive's arguments as values, and those written in the connector languages (selections, templates) parsed, their mistakes reported. */
import { valueFromASTUntyped, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import { didYouMean } from './mapping/did-you-mean.ts';
import type { ReadContext } from './read-context.ts';
import { lineIn } from './sdl-location.ts';
import { parseSelection, SelectionSyntaxError, VARIABLES, type Selection } from './selection.ts';
import { parseTemplate, templateValues, type Template } from './template.ts';

export function directivesNamed(node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string): readonly ConstDirectiveNode[] {
  return node.directives?.filter((directive) => directive.name.value === name) ?? [];
}

export function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
}

export function readSelection(context: ReadContext, text: unknown, at: string, what: string, node?: ConstValueNode): Selection | undefined {
  return readText(context, parseSelection, text, at, what, node);
}

export function readTemplate(context: ReadContext, text: unknown, at: string, what: string, node?: ConstValueNode): Template | undefined {
  return readText(context, parseTemplate, text, at, what, node);
}

/**
 * A directive argument that must be a string in one of the connector
 * languages; its syntax error is reported, not thrown, at the line where
 * the mistake is inside the string when `node` is given.
 */
function readText<T extends Selection | Template>(context: ReadContext, parseText: (text: string) => T, text: unknown, at: string, what: string, node?: ConstValueNode): T | undefined {
  if (typeof text !== 'string') return void context.report(at, `${what} must be a string`);
  const inside = (offset: number) => (node && lineIn(node, offset)) ?? at;
  try {
    const parsed = parseText(text);
    // A template's expressions know their offsets within themselves only: their warnings go to the directive.
    const found = 'parts' in parsed ? templateValues(parsed).flatMap((mapping) => mapping.warnings.map((warning) => ({ ...warning, where: at }))) : parsed.warnings.map((warning) => ({ ...warning, where: inside(warning.offset) }));
    for (const warning of found) context.warn(warning.where, `${what}: ${warning.message}`);
    return parsed;
  } catch (error) {
    const { message } = error as Error;
    return void context.report(error instanceof SelectionSyntaxError ? inside(error.offset) : at, `${what}: ${message}${unknownVariableHint(message)}`);
  }
}

/** `parseSelection` names an unknown variable (`$arg`) with every known one: this adds the one meant. */
function unknownVariableHint(message: string): string {
  const name = /^unknown variable "([^"]+)"/.exec(message)?.[1];
  return name === undefined ? '' : didYouMean(name, VARIABLES);
}
