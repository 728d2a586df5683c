/**
 * OpenAPI links: a 2xx answer's `links` that name an entity's GET by
 * `operationId` and give each of its key parameters from a property of the
 * answer (`sku: $response.body#/sku`) make a field of the answer's type, a
 * stub of that entity (`inventory: { sku }`), completed by its connector.
 * The document says so: nothing is guessed.
 */
import type { Entity } from './entities.ts';
import type { TypeRegistry } from './graphql-types.ts';
import type { Json } from './json-pointer.ts';
import { fieldName } from './names.ts';
import type { BuiltField, Operation } from './operations.ts';

/** `$response.body#/sku` → `sku`; deeper pointers and other sources are not read. */
const bodyProperty = (expression: unknown) => (typeof expression === 'string' ? /^\$response\.body#\/([^/]+)$/.exec(expression)?.[1] : undefined);

export function addLinkedStubs(registry: TypeRegistry, entities: Map<string, Entity>, operations: Operation[], built: Map<Operation, BuiltField>): void {
  for (const operation of operations) {
    const result = built.get(operation)?.result;
    if (result?.shape !== 'object' || result.type.startsWith('[')) continue;
    const type = registry.types.get(result.named)!;
    const responses = Object.entries((operation.op.responses as Json | undefined) ?? {}).filter(([status]) => /^2/.test(status));
    for (const [name, link] of responses.flatMap(([, response]) => Object.entries(((response as Json).links as Json | undefined) ?? {}))) {
      const { operationId, parameters = {} } = link as Json;
      const target = [...entities.values()].find((entity) => entity.operation.op.operationId === operationId);
      if (!target) continue;
      const keys = target.keys.map((key) => {
        const property = bodyProperty((parameters as Json)[key.param]);
        const field = type.fields.find((one) => one.source?.kind === 'value' && one.source.key === property);
        return field && ([key.field, property!, field.type.endsWith('!')] as const);
      });
      const field = fieldName(name);
      if (keys.some((key) => !key) || type.fields.some((one) => one.name === field)) continue;
      type.fields.push({
        name: field,
        type: keys.every((key) => key![2]) ? `${target.type}!` : target.type,
        comments: [`the document's link ${name}: ${String(operationId)} by ${keys.map((key) => key![1]).join(', ')}`],
        source: { kind: 'stub', keys: keys.map((key) => [key![0], key![1]]) },
      });
    }
  }
}
