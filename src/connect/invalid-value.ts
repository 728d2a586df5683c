import { GraphQLError } from 'graphql';

/**
 * How graphql-js 16's scalars and enums refuse to serialize a value, and how
 * its executor words a `serialize` that returns nothing; the capture is the
 * type's name. Yoga's executor (@graphql-tools/executor) rethrows a
 * serialize's GraphQLError as a plain Error with the same message, located
 * at the field, so the message is all that tells these apart.
 */
const LEAF_SERIALIZE_FAILURE = /^(?:(Int|Float|String|Boolean|ID) cannot represent|Enum "(\w+)" cannot represent value:|Expected `(\w+)\.serialize\()/;

/**
 * The field error for an origin value that its field's type cannot hold
 * (`1e400`, which parses as Infinity, or "unknown", for an Int): the field is
 * null as for any field error (or the null bubbles up), with
 * `ORIGIN_INVALID_VALUE` naming the field's path and type, and the connector
 * that made the value when the error says it (`extensions.connector`, which
 * connector-field-error.ts adds). The value itself, which the message of
 * graphql-js quotes, stays in the executor's error, which the masking logs.
 * Undefined for any other error.
 */
export function invalidValueError(error: unknown): GraphQLError | undefined {
  const invalid = invalidValue(error);
  if (!invalid) return undefined;
  const { located, path, type } = invalid;
  const { connector } = located.extensions;
  return new GraphQLError(`The origin's value for ${path.join('.')} is not a valid ${type}.`, {
    nodes: located.nodes,
    source: located.source,
    positions: located.positions,
    path,
    extensions: typeof connector === 'string' ? { code: 'ORIGIN_INVALID_VALUE', connector } : { code: 'ORIGIN_INVALID_VALUE' },
  });
}

/** Whether `error` is a value its field's type cannot hold, located at the field. */
export function isInvalidValue(error: unknown): boolean {
  return invalidValue(error) !== undefined;
}

/** A located serialize failure and the type it names (`Int`, `OrderStatus`); undefined for any other error. */
function invalidValue(error: unknown): { located: GraphQLError; path: readonly (string | number)[]; type: string } | undefined {
  if (!(error instanceof GraphQLError) || !error.path || !(error.originalError instanceof Error)) return undefined;
  const leaf = LEAF_SERIALIZE_FAILURE.exec(error.originalError.message);
  return leaf ? { located: error, path: error.path, type: (leaf[1] ?? leaf[2] ?? leaf[3])! } : undefined;
}
