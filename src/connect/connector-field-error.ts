import { GraphQLError, Kind } from 'graphql';
import { isInvalidValue } from './invalid-value.ts';
import { isPublicOriginMessage } from './public-message.ts';
import type { Maker, Provenance } from './provenance.ts';

/** How the executor words a null where the schema says non-null (a plain Error, located at the field); the captures are the field's type and name. */
const NULL_IN_NON_NULL = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/;

/** A message gives this many of its mapping's problems at most. */
const MAX_PROBLEMS = 3;

/**
 * The error the client gets for a field error in a value a connector made,
 * naming the connector (`extensions.connector`); undefined for any other
 * error, and for a value a TypeScript resolver made, which the masking
 * handles as before.
 * - A null in a non-null field, which the executor reports as an unexpected
 *   error, is `CONNECTOR_MAPPING_FAILED`: the message names the connector
 *   and the field's path, and gives what the connector's mapping met on the
 *   way there (`Property .age not found in object`), where that names nothing
 *   of the origin's insides (the rule for the origin's own messages).
 * - A value its field's type cannot hold is the same error with the
 *   connector in its extensions, which the masking makes
 *   `ORIGIN_INVALID_VALUE` (`invalidValueError`) and logs.
 */
export function connectorFieldError(error: unknown, provenance: Provenance): GraphQLError | undefined {
  if (!(error instanceof GraphQLError) || !error.path || !(error.originalError instanceof Error)) return undefined;
  const nullField = NULL_IN_NON_NULL.exec(error.originalError.message)?.[2];
  const invalid = nullField === undefined && isInvalidValue(error);
  if (nullField === undefined && !invalid) return undefined;
  const node = error.nodes?.[0];
  const field = nullField ?? (node?.kind === Kind.FIELD ? node.name.value : String(error.path.at(-1)));
  const maker = provenance.makerOf(error.path, field);
  if (!maker) return undefined;
  const located = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  // Still the executor's error, for the masking to make ORIGIN_INVALID_VALUE of it and log the value, as for any other.
  if (invalid) return new GraphQLError(error.message, { ...located, originalError: error.originalError, extensions: { ...error.extensions, connector: maker.connector } });
  return new GraphQLError(`${maker.connector} gave no value for ${error.path.join('.')}, which cannot be null${reasons(maker)}.`, {
    ...located,
    extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: maker.connector },
  });
}

/** `: Property .age not found in object`, each problem once, only those that may be shown, three at most; nothing when there is none. */
function reasons({ problems }: Maker): string {
  const shown = [...new Set(problems.filter(isPublicOriginMessage).map((problem) => problem.replace(/\.$/, '')))].slice(0, MAX_PROBLEMS);
  return shown.length ? `: ${shown.join('; ')}` : '';
}
