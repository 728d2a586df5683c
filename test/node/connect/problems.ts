import { connectorChecks } from '../../../src/connect/connector-checks.ts';
import { ConnectError } from '../../../src/connect/connector-plan.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';

/** The mistakes the build reports for one schema file, each as it prints them; none: an empty list. */
export function problemsOf(sdl: string, name = 'schema/catalog.graphql'): string[] {
  try {
    readSchemaFiles([{ name, sdl }], { checks: connectorChecks });
  } catch (error) {
    if (error instanceof ConnectError) return error.problems;
    throw error;
  }
  return [];
}
