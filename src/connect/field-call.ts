/**
 * A field connector's call: through the field cache where its policy allows,
 * which keeps the selection's value (not the origin's body) under the call's
 * key, indexed under the tags a purge finds it by.
 */
import type { CallScope } from './call-scope.ts';
import type { ConnectorPlan, GatewayPlan } from './connector-plan.ts';
import { identityOf } from './entity-key.ts';
import type { Variables } from './selection.ts';
import { expandTemplate } from './template.ts';

/**
 * `keyedType`: the keyed type the field answers with, whose entities its
 * cached calls are indexed under. `body` is undefined for a value the field
 * cache served.
 */
export async function callField(scope: CallScope, connector: ConnectorPlan, fieldVariables: Variables, keyedType: string | undefined): Promise<{ body: unknown; value: unknown }> {
  const { variables, request } = scope.prepare(connector, fieldVariables);
  scope.note(connector.name);
  const policy = scope.policyOf(connector.name);
  const { fieldCache } = scope;
  if (!fieldCache || !policy) {
    const answer = await scope.send(connector.name, request);
    return { body: answer.body, value: scope.mapAnswer(connector, answer, variables) };
  }
  const key = fieldCacheKey(connector, request.cacheKey, fieldVariables, scope.readsVariables(connector));
  const startedAt = Date.now();
  const reads = await fieldCache.load(
    [{ key, policy }],
    async () => {
      const answer = await scope.send(connector.name, request);
      const value = scope.mapAnswer(connector, answer, variables);
      const values = new Map([[key, value]]);
      if (answer.sharing !== 'shared') return { values, personal: true };
      return { values, tags: { connector: connector.name, byKey: new Map([[key, tagsOf(scope.plan, connector, keyedType, fieldVariables, value)]]) } };
    },
    scope.background,
  );
  const read = reads.get(key)!;
  scope.noteReads(connector.name, [read], policy, startedAt);
  return { body: undefined, value: read.value };
}

/** The records a cached call is indexed under: its field's `@cacheTag`s, the entities it holds, and the entity it is a field of. */
function tagsOf(plan: GatewayPlan, connector: ConnectorPlan, keyedType: string | undefined, variables: Variables, value: unknown): string[] {
  const tags = (plan.fieldTags.get(connector.name) ?? []).flatMap((tag) => expandTemplate(tag, undefined, variables));
  const parentType = connector.name.slice(0, connector.name.indexOf('.'));
  const parentKey = plan.keys.get(parentType);
  const parentId = parentKey ? identityOf(variables.this, parentKey) : undefined;
  if (parentId !== undefined) tags.push(`${parentType}:${parentId}`);
  const key = keyedType && plan.keys.get(keyedType);
  if (keyedType && key) {
    for (const item of [value].flat(Infinity)) {
      const id = identityOf(item, key);
      if (id !== undefined) tags.push(`${keyedType}:${id}`);
    }
  }
  return tags;
}

/**
 * A field call's key in the field cache: the connector (its selection makes
 * the value kept), the request, and the variables the selection reads beside
 * the origin's answer, which the request may not show.
 */
function fieldCacheKey(connector: ConnectorPlan, requestKey: string, variables: Variables, readsVariables: boolean): string {
  const read = readsVariables ? `\n${JSON.stringify([variables.args ?? null, variables.this ?? null])}` : '';
  return `${connector.name}\n${requestKey}${read}`;
}
