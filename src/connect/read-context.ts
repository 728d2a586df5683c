import type { ConstDirectiveNode, GraphQLField, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { ConnectorPlan, EntityPlan, GatewayPlan } from './connector-plan.ts';
import type { VariableRead } from './mapping/analyze.ts';
import type { Selection } from './selection.ts';
import type { Template } from './template.ts';

/**
 * What the readers of one schema folder's directives share: the schema, the
 * plan they fill, where mistakes go, and what the checks made once every
 * connector is known need.
 */
export interface ReadContext {
  readonly schema: GraphQLSchema;
  readonly plan: GatewayPlan;
  /** A mistake: `[connect] at: message`; the folder is refused. */
  readonly report: (at: string, message: string) => void;
  /** What loads but cannot be meant: `[connect] at: warning: message`. */
  readonly warn: (at: string, message: string) => void;
  /** Types with a `@key` an entity connector may fetch by: any but `@key(resolvable: false)`. */
  readonly resolvable: Set<string>;
  /** Root fields marked `entity: true`, with their arguments' names. */
  readonly entityFields: { entity: EntityPlan; args: string[] }[];
  /** Each connector whose selection builds objects, with the type it builds and the fields its object has beside (an entity's key, from the stub). */
  readonly built: { connector: ConnectorPlan; type: GraphQLObjectType; given: string[] }[];
  /** The `@connect` each connector's selection is written in, for lines inside it. */
  readonly connectDirectives: Map<Selection, ConstDirectiveNode>;
  /** The build's checks (`ReadOptions.checks`); none in an isolate. */
  readonly checks: ConnectorChecks | undefined;
}

/** The build's checks, `connectorChecks` of connector-checks.ts: they report mistakes, and never change the plan. */
export interface ConnectorChecks {
  /** A field's connector against the field and its parent (the variables it reads) and against the type it answers (the fields its selection gives). */
  fieldConnector(context: ReadContext, connector: ConnectorPlan, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType): void;
  /** An entity connector, its key known, against that key: what it reads (`reads`), what a batch selects, and the fields its selection gives. */
  entityConnector(context: ReadContext, entity: EntityPlan, reads: VariableRead[]): void;
  /** The variables `@cacheTag` and `@invalidates` templates on `parent.field` read: each one of `allowed`. */
  templates(context: ReadContext, templates: (Template | undefined)[], at: string, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, allowed: string[]): void;
  /** `file:line` of the character at `offset` of the directive's string argument at `path`. */
  lineIn(directive: ConstDirectiveNode, path: (string | number)[], offset: number): string | undefined;
  /** What ends a syntax error's message: for an unknown variable (`$arg`), the one meant. */
  hint(message: string): string;
}
