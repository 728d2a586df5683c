import { GraphQLError } from 'graphql';

export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Page sizes above this are refused rather than silently cut. */
export const MAX_PAGE_SIZE = 100;

export function checkPageSize(argument: string, value: number, min: number): number {
  if (value < min || value > MAX_PAGE_SIZE) {
    throw badUserInput(`${argument} must be between ${min} and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}
