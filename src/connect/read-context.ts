import type { ConstValueNode, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { ConnectorPlan, EntityPlan, GatewayPlan } from './connector-plan.ts';
import type { Selection } from './selection.ts';

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
  /** Where each selection is in the SDL, for lines inside it. */
  readonly selectionNodes: Map<Selection, ConstValueNode | undefined>;
}
