/** A directive's arguments as values, and those written in the connector languages (selections, templates) parsed, their mistakes reported. */
import { valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';
import type { ReadContext } from './read-context.ts';
import { parseSelection, SelectionSyntaxError, type Selection } from './selection.ts';
import { parseTemplate, templateValues, type Template } from './template.ts';

export function directivesNamed(node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string): readonly ConstDirectiveNode[] {
  return node.directives?.filter((directive) => directive.name.value === name) ?? [];
}

export function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
}

/** The argument at `path` of `directive` is where `text` is written, when given. */
type Written = [directive: ConstDirectiveNode, path: (string | number)[]];

export function readSelection(context: ReadContext, text: unknown, at: string, what: string, written?: Written): Selection | undefined {
  return readText(context, parseSelection, text, at, what, written);
}

export function readTemplate(context: ReadContext, text: unknown, at: string, what: string, written?: Written): Template | undefined {
  return readText(context, parseTemplate, text, at, what, written);
}

/**
 * A directive argument that must be a string in one of the connector
 * languages; its syntax error is reported, not thrown: with the build's
 * checks, at the line where the mistake is inside the string when it is
 * `written` there, and with the variable meant.
 */
function readText<T extends Selection | Template>(context: ReadContext, parseText: (text: string) => T, text: unknown, at: string, what: string, written?: Written): T | undefined {
  const { checks } = context;
  if (typeof text !== 'string') return void context.report(at, `${what} must be a string`);
  const inside = (offset: number) => (written && checks?.lineIn(...written, offset)) ?? at;
  try {
    const parsed = parseText(text);
    // A template's expressions know their offsets within themselves only: their warnings go to the directive.
    const found = 'parts' in parsed ? templateValues(parsed).flatMap((mapping) => mapping.warnings.map((warning) => ({ ...warning, where: at }))) : parsed.warnings.map((warning) => ({ ...warning, where: inside(warning.offset) }));
    for (const warning of found) context.warn(warning.where, `${what}: ${warning.message}`);
    return parsed;
  } catch (error) {
    const { message } = error as Error;
    return void context.report(error instanceof SelectionSyntaxError ? inside(error.offset) : at, `${what}: ${message}${checks?.hint(message) ?? ''}`);
  }
}
