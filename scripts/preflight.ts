/**
 * What `npm run serve` and `npm start` check before they start the Worker:
 * the vars it will be given, read against the schema folder as an isolate
 * reads them (src/config.ts, resolveBaseUrls, missingConfig). A setting the
 * isolate would refuse on its first request (an ORIGIN_URL that fits no
 * single source, a source with no http(s) base URL, an ORIGIN_URL_<SOURCE>
 * naming no source, a `$config` value no var gives), or one under which it
 * would refuse every request (PERSISTED_ONLY over a folder with no trusted
 * documents), stops the command instead, before it says it is ready.
 */
import { readConfig, type GatewayConfig } from '../src/config.ts';
import { resolveBaseUrls } from '../src/connect/base-urls.ts';
import { readSchemaFiles } from '../src/connect/read-schema.ts';
import { missingConfig, resolveSourceConfig } from '../src/connect/source-config.ts';
import { persistedDocuments, persistedDocumentsPath, readSchemaFolder } from './build-schema.ts';
import { workerVars } from './workerd-server.ts';

export interface PreflightOptions {
  /** The schema folder, as `--schema` gave it. */
  dir: string;
  /** The wrangler config (and `[env.NAME]`, unset for the top level) whose vars and local secrets the Worker gets. */
  wrangler: { configPath: string; environment?: string | undefined };
  /** The vars the command sets over them: `--origin-url` as ORIGIN_URL, `--var NAME:VALUE`. */
  vars: Record<string, string>;
}

/** Every `[config]` problem the Worker would start with; none when it can serve. */
export function preflight({ dir, wrangler, vars }: PreflightOptions): string[] {
  const { plan } = readSchemaFiles(readSchemaFolder(dir));
  let config: GatewayConfig;
  try {
    config = readConfig(workerVars(wrangler, vars));
  } catch (error) {
    return [configMessage(error)];
  }
  const problems: string[] = [];
  try {
    resolveBaseUrls(plan.sources, config);
  } catch (error) {
    problems.push(configMessage(error));
  }
  if (config.persistedOnly && !Object.keys(persistedDocuments(dir)).length) problems.push(noTrustedDocuments(dir));
  return [...problems, ...missingConfig(plan, resolveSourceConfig(plan.sources, config))];
}

/** PERSISTED_ONLY over a folder codegen has written no manifest for: every document would be refused. */
function noTrustedDocuments(dir: string): string {
  return `[config] PERSISTED_ONLY is true but ${persistedDocumentsPath(dir)} lists no operations, so every document would be refused: write it from the folder's operations with \`npm run codegen -- --schema ${dir}\`, or set PERSISTED_ONLY to false`;
}

/** A `[config]` error's message; anything else is no setting's fault, and is thrown on. */
function configMessage(error: unknown): string {
  if (error instanceof Error && error.message.startsWith('[config]')) return error.message;
  throw error;
}
