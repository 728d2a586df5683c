import { isObjectType } from 'graphql';
import { connectorReads, type EntityPlan } from './connector-plan.ts';
import { keyFields } from './entity-key.ts';
import type { ReadContext } from './read-context.ts';

/**
 * The entity connectors, once every file is read: a type's own `@connect`
 * fetches it by key; else a root field marked `entity: true` does. Each is
 * checked against its type's key, which may be declared in a later file.
 */
export function planEntities(context: ReadContext): void {
  const { plan, schema, resolvable } = context;
  for (const { entity, args } of context.entityFields) {
    if (plan.entities.has(entity.type)) continue;
    if (plan.keys.has(entity.type) && !resolvable.has(entity.type)) {
      context.warn(entity.where, `entity: true on ${entity.name}: ${entity.type}'s @key says resolvable: false, so the field answers only itself`);
      continue;
    }
    // As in Apollo, a type with no @key is keyed by the field's arguments that are fields of it.
    const type = schema.getType(entity.type);
    const fields = isObjectType(type) ? args.filter((arg) => type.getFields()[arg]) : [];
    if (!plan.keys.has(entity.type) && fields.length) {
      plan.keys.set(entity.type, fields.join(' '));
      resolvable.add(entity.type);
    }
    plan.entities.set(entity.type, entity);
  }
  for (const entity of plan.entities.values()) checkEntity(context, entity);
}

/** Sets the entity's key and whether it batches; reports a connector that cannot fetch its type by that key (with the build's checks, what it may read by it). */
function checkEntity(context: ReadContext, entity: EntityPlan): void {
  const { plan, report } = context;
  const key = plan.keys.get(entity.type);
  if (!key) return void report(entity.where, `@connect on type ${entity.type} needs @key(fields: "...") on the type`);
  if (!context.resolvable.has(entity.type)) return void report(entity.where, `@connect on type ${entity.type} resolves it, but its @key says resolvable: false`);
  entity.key = key;
  if (!entity.http) return void report(entity.where, `@connect on type ${entity.type} needs http`);
  const reads = connectorReads(entity);
  entity.batch = reads.some((read) => read.name === '$batch');
  context.checks?.entityConnector(context, entity, reads);
  const type = context.schema.getType(entity.type);
  if (!entity.byField && isObjectType(type)) context.built.push({ connector: entity, type, given: keyFields(key) });
}
