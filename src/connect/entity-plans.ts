import { isObjectType } from 'graphql';
import { checkSelection } from './connector-checks.ts';
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

/** Sets the entity's key and whether it batches; reports a connector that cannot fetch its type by that key. */
function checkEntity(context: ReadContext, entity: EntityPlan): void {
  const { plan, report } = context;
  const key = plan.keys.get(entity.type);
  if (!key) return void report(entity.where, `@connect on type ${entity.type} needs @key(fields: "...") on the type`);
  if (!context.resolvable.has(entity.type)) return void report(entity.where, `@connect on type ${entity.type} resolves it, but its @key says resolvable: false`);
  entity.key = key;
  const type = context.schema.getType(entity.type);
  if (!entity.http) return void report(entity.where, `@connect on type ${entity.type} needs http`);
  const reads = connectorReads(entity);
  entity.batch = reads.some((read) => read.name === '$batch');
  if (entity.byField) {
    const other = reads.find((read) => read.name === '$args' && !keyFields(key).includes(read.keys[0] ?? ''));
    if (other) report(entity.where, `entity: true on ${entity.name}: it is fetched by ${entity.type}'s key "${key}", so it may read only those arguments, not $args.${other.keys[0] ?? ''}`);
    return;
  }
  for (const read of reads) {
    if (read.name === '$args' || read.name === '$result' || read.name === '$key') report(entity.where, `${read.name} means nothing in an entity connector; use $batch.${key} (batched) or $this.${key}`);
    if ((read.name === '$batch' || read.name === '$this') && !keyFields(key).includes(read.keys[0] ?? '')) report(entity.where, `${read.name}.${read.keys[0] ?? ''}: ${entity.type} is fetched by its key "${key}" only`);
  }
  if (entity.batch && !keyFields(key).every((field) => entity.provides.includes(field))) report(entity.where, `a batch connector must select its key "${key}", or its results cannot be matched to the keys asked`);
  if (!isObjectType(type)) return;
  checkSelection(context, entity.selection, type, entity.where);
  context.built.push({ connector: entity, type, given: keyFields(key) });
}
