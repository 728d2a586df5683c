import { isObjectType, Kind } from 'graphql';
import { ConnectError, type ReadSchema, type SchemaFile } from './connector-plan.ts';
import { directivesNamed } from './directive-values.ts';
import { planEntities } from './entity-plans.ts';
import type { ConnectorChecks, ReadContext } from './read-context.ts';
import { readSource } from './read-connector.ts';
import { readFieldDirectives, readTypeDirectives } from './read-directives.ts';
import { readDocuments, whereIn } from './schema-documents.ts';
import type { UnfilledCheck } from './unfilled-fields.ts';

/**
 * Reads a schema folder's files: the served SDL and the connectors. Every
 * mistake the schema alone can show (an unknown source, `$args.x` the field
 * lacks, a selection naming a field the type lacks, a batch connector that
 * does not select its key, a non-null field a selection leaves with no
 * value) is reported at build time, never by a request. The checks that
 * only find mistakes, and never change the plan, are the build's to pass in
 * (`ReadOptions`): an isolate reads a folder the build has passed, so it
 * keeps only the checks that making the plan needs, and the Worker carries
 * none of the others' code.
 */
export interface ReadOptions {
  /**
   * The build's check of non-null fields no selection fills
   * (`unfilledCheck` of unfilled-fields.ts). Only the build passes it, since
   * only the build knows the folder's resolvers (scripts/build-schema.ts);
   * handed in rather than imported, so that its code is not in the Worker.
   */
  unfilled?: UnfilledCheck;
  /**
   * The build's checks of what connectors name (variables, selected fields,
   * what an entity connector reads by its key), and the lines and hints of
   * its messages: `connectorChecks` of connector-checks.ts, handed in for
   * the same reason. scripts/build-schema.ts and `npm run connector` pass it.
   */
  checks?: ConnectorChecks;
}

export function readSchemaFiles(files: SchemaFile[], { unfilled, checks }: ReadOptions = {}): ReadSchema {
  const documents = readDocuments(files);
  if ('problems' in documents) throw new ConnectError(documents.problems);
  const { parsed, typeDefs, schema } = documents;
  const problems: string[] = [];
  const warnings: string[] = [];
  const context: ReadContext = {
    schema,
    plan: { sources: [], fields: new Map(), entities: new Map(), keys: new Map(), typeTags: new Map(), fieldTags: new Map(), invalidations: new Map() },
    report: (at, message) => void problems.push(`[connect] ${at}: ${message}`),
    warn: (at, message) => void warnings.push(`[connect] ${at}: warning: ${message}`),
    resolvable: new Set(),
    entityFields: [],
    built: [],
    connectDirectives: new Map(),
    checks,
  };
  /** `Type.field`s marked `@external` (on the field or its type): another subgraph's to fill, in a supergraph. */
  const external = new Set<string>();
  /** `Type.field`s and types marked `@inaccessible`, which no client asks for. */
  const hidden = new Set<string>();

  // Sources first: connectors anywhere may name them.
  for (const { source, document } of parsed) {
    for (const node of document.definitions) {
      if (node.kind !== Kind.SCHEMA_DEFINITION && node.kind !== Kind.SCHEMA_EXTENSION) continue;
      for (const directive of directivesNamed(node, 'source')) readSource(context, directive, whereIn(source, directive));
    }
  }
  for (const { source, document } of parsed) {
    const whereOf = (node: { loc?: { start: number } | undefined }) => whereIn(source, node);
    for (const node of document.definitions) {
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const type = schema.getType(node.name.value);
      if (!isObjectType(type)) continue;
      readTypeDirectives(context, node, type, whereOf);
      if (directivesNamed(node, 'inaccessible').length) hidden.add(type.name);
      for (const fieldNode of node.fields ?? []) {
        const coordinate = `${type.name}.${fieldNode.name.value}`;
        if (directivesNamed(node, 'external').length || directivesNamed(fieldNode, 'external').length) external.add(coordinate);
        if (directivesNamed(fieldNode, 'inaccessible').length) hidden.add(coordinate);
        readFieldDirectives(context, fieldNode, type.getFields()[fieldNode.name.value]!, type, whereOf);
      }
    }
  }
  planEntities(context);
  // After every connector is known: a field left by one selection may be another's.
  if (unfilled) {
    const filled = { plan: context.plan, external, hidden, resolvedInCode: unfilled.resolvedInCode };
    for (const { connector, type, given } of context.built) {
      for (const { at, message, warning } of unfilled.problems(connector, type, given, context.connectDirectives.get(connector.selection), filled)) {
        if (warning) context.warn(at, message);
        else context.report(at, message);
      }
    }
  }
  if (problems.length) throw new ConnectError(problems);
  return { typeDefs, plan: context.plan, warnings };
}
