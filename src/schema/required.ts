import { GraphQLError } from 'graphql';

/** For a non-null field whose entity the origin no longer has. */
export function required<T>(value: T | null | undefined, type: string, key: string): T {
  if (value == null) {
    throw new GraphQLError(`${type} "${key}" is missing at the origin`, { extensions: { code: 'NOT_FOUND' } });
  }
  return value;
}
