/**
 * One import, as the CLI runs it: load, generate, write, then check the
 * written folder with the gateway's own build check (the one
 * scripts/build-schema.ts runs), so that a folder that would not serve is
 * said at once. Nothing is written when the document is refused.
 */
import { basename, resolve } from 'node:path';
import { ConnectError } from '../../src/connect/connector-plan.ts';
import { checkSchemaFiles, readSchemaFolder } from '../build-schema.ts';
import { importDocument, type ImportOptions, type ImportResult } from './import-document.ts';
import type { Json } from './json-pointer.ts';
import { loadDocument } from './load-document.ts';
import { readmeOf } from './readme.ts';
import { unexpressibleMarkdown } from './unexpressible.ts';
import { writeFolder, type WriteResult } from './write-folder.ts';

export interface RunOptions extends ImportOptions {
  input: string;
  out: string;
  update: boolean;
  /** The command line, for the files' headers. */
  command: string;
}

export interface RunResult extends ImportResult, WriteResult {
  /** The build check's problems (none when the folder builds) and warnings. */
  problems: string[];
  warnings: string[];
}

export async function runImport(options: RunOptions): Promise<RunResult> {
  const loaded = await loadDocument(options.input);
  const result = importDocument(loaded, options);
  const info = (loaded.document.info as Json | undefined) ?? {};
  const title = String(info.title ?? basename(loaded.path));
  result.files.set('README.md', readmeOf(result, title));
  result.files.set('UNEXPRESSIBLE.md', unexpressibleMarkdown(result.unexpressible));
  const document = `${basename(loaded.path)} (${JSON.stringify(title)} ${String(info.version ?? '')}, ${loaded.version === '2.0' ? 'Swagger' : 'OpenAPI'} ${loaded.version})`;
  const written = writeFolder(resolve(options.out), result.files, { document, command: options.command }, options.update);
  return { ...result, ...written, ...buildCheck(options.out) };
}

/** The gateway's build check of a folder (its resolvers aside: an imported folder has none). */
export function buildCheck(dir: string): { problems: string[]; warnings: string[] } {
  try {
    const { warnings } = checkSchemaFiles(readSchemaFolder(resolve(dir)), new Set());
    return { problems: [], warnings };
  } catch (error) {
    if (error instanceof ConnectError) return { problems: error.problems, warnings: [] };
    throw error;
  }
}
