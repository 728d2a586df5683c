/** A schema folder's files parsed, and the schemas made of them: the SDL served, and the whole schema connectors are planned on. */
import { buildASTSchema, concatAST, getLocation, Kind, parse, Source, visit, type DocumentNode, type GraphQLSchema, type SchemaExtensionNode } from 'graphql';
import { CONNECTOR_DIRECTIVES, FEDERATION_DIRECTIVES, SERVED_DIRECTIVES } from './builtin-directives.ts';
import type { SchemaFile } from './connector-plan.ts';
import { defineExtendedTypes, withPlainDirectiveNames } from './federation.ts';
import { hideInaccessible } from './inaccessible.ts';

export interface ParsedFile {
  file: SchemaFile;
  source: Source;
  document: DocumentNode;
}

export interface SchemaDocuments {
  parsed: ParsedFile[];
  /** The SDL served: see `ReadSchema.typeDefs`. */
  typeDefs: DocumentNode;
  /** The whole schema, `@inaccessible` parts too: connectors are planned on it. */
  schema: GraphQLSchema;
}

/**
 * The files parsed, the SDL served and the schema connectors are planned on;
 * or the mistakes that stop there, as `file:line` lines: syntax errors, then
 * what `@inaccessible` cannot hide, then what makes no schema.
 */
export function readDocuments(files: SchemaFile[]): SchemaDocuments | { problems: string[] } {
  const problems: string[] = [];
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const source = new Source(file.sdl, file.name);
    try {
      parsed.push({ file, source, document: withPlainDirectiveNames(parse(source)) });
    } catch (error) {
      const line = (error as { locations?: { line: number }[] }).locations?.[0]?.line ?? 1;
      problems.push(`[schema] ${file.name}:${line}: ${(error as Error).message.replace(/^Syntax Error: /, 'syntax error: ')}`);
    }
  }
  if (problems.length) return { problems };

  const userDirectives = new Set(parsed.flatMap(({ document }) => document.definitions.flatMap((node) => (node.kind === Kind.DIRECTIVE_DEFINITION ? [node.name.value] : []))));
  const builtins = userDirectives.has('cacheControl') ? [] : [parse(SERVED_DIRECTIVES)];
  const whole = defineExtendedTypes(concatAST([...builtins, ...parsed.map(({ document }) => stripDirectives(document))]));
  const typeDefs = hideInaccessible(whole, (node, message) => problems.push(`[connect] ${whereIn(node.loc!.source, node)}: ${message}`));
  if (problems.length) return { problems };
  const filesNamed = files.map((file) => file.name).join(', ');
  try {
    // Connectors are planned on the whole schema; what @inaccessible leaves must still be a schema.
    const schema = buildASTSchema(visit(whole, { Directive: (node) => (node.name.value === 'inaccessible' ? null : undefined) }));
    if (typeDefs !== whole) buildASTSchema(typeDefs);
    return { parsed, typeDefs, schema };
  } catch (error) {
    return { problems: [`[schema] ${filesNamed}: ${(error as Error).message}`] };
  }
}

/** `schema/catalog.graphql:12`: where a node is, for messages. */
export function whereIn(source: Source, node: { loc?: { start: number } | undefined }): string {
  return `${source.name}:${node.loc ? getLocation(source, node.loc.start).line : 1}`;
}

/** Removed from the served schema; `@inaccessible` stays, for hideInaccessible to read. */
const isStripped = (name: string) => CONNECTOR_DIRECTIVES.has(name) || (FEDERATION_DIRECTIVES.has(name) && name !== 'inaccessible');

/** The document without connector and federation directives, their definitions and scalars, or `extend schema` left empty by their removal. */
function stripDirectives(document: DocumentNode): DocumentNode {
  const stripped = visit(document, {
    Directive: (node) => (isStripped(node.name.value) ? null : undefined),
    DirectiveDefinition: (node) => (CONNECTOR_DIRECTIVES.has(node.name.value) || FEDERATION_DIRECTIVES.has(node.name.value) ? null : undefined),
    ScalarTypeDefinition: (node) => (/^(link|connect|federation)__/.test(node.name.value) ? null : undefined),
  });
  return {
    ...stripped,
    definitions: stripped.definitions.filter(
      (node) => !(node.kind === Kind.SCHEMA_EXTENSION && !(node as SchemaExtensionNode).directives?.length && !(node as SchemaExtensionNode).operationTypes?.length),
    ),
  };
}
