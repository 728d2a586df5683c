import { GraphQLError } from 'graphql';
import { OriginError } from './origin-error.ts';

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
 * `ORIGIN_INVALID_VALUE` naming the field's path and type. The value itself,
 * which the message of graphql-js quotes, stays in `detail` and the log.
 * Undefined for any other error.
 */
export function invalidValueError(error: unknown): OriginError | undefined {
  if (!(error instanceof GraphQLError) || !error.path || !(error.originalError instanceof Error)) return undefined;
  const leaf = LEAF_SERIALIZE_FAILURE.exec(error.originalError.message);
  if (!leaf) return undefined;
  const type = leaf[1] ?? leaf[2] ?? leaf[3];
  return new OriginError('ORIGIN_INVALID_VALUE', `The origin's value for ${error.path.join('.')} is not a valid ${type}.`, error.originalError.message, {
    cause: error.originalError,
    replaces: error,
  });
}
