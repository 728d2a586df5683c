/**
 * `npm run import:openapi -- <file|folder> --out DIR [--source NAME] [--tags a,b] [--paths /pattern]
 * [--max-age SECONDS] [--update]`: writes a schema folder from an OpenAPI 3.0 / 3.1 or Swagger 2.0
 * document (docs/guides/openapi-import.md). Exit codes: 0 written and built, 1 written but the build
 * check failed, 2 a usage error or a document refused (nothing written).
 */
import { parseArgs } from 'node:util';
import { baseUrlVar } from '../src/connect/source-vars.ts';
import { ImportError } from './openapi/import-error.ts';
import { runImport } from './openapi/run-import.ts';

const USAGE = 'usage: npm run import:openapi -- <file|folder> --out DIR [--source NAME] [--tags a,b] [--paths /pattern] [--max-age SECONDS] [--update]';

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, source: { type: 'string' }, tags: { type: 'string' }, paths: { type: 'string' }, 'max-age': { type: 'string' }, update: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const maxAge = values['max-age'] === undefined ? 60 : Number(values['max-age']);
  if (positionals.length !== 1 || !values.out || !Number.isInteger(maxAge) || maxAge < 0) {
    console.error(USAGE);
    return 2;
  }
  const started = performance.now();
  try {
    const result = await runImport({
      input: positionals[0]!,
      out: values.out,
      source: values.source,
      tags: list(values.tags),
      paths: list(values.paths),
      maxAge,
      update: values.update ?? false,
      command: `npm run import:openapi -- ${argv.join(' ')}`,
    });
    console.log(`imported ${result.imported} operations into ${values.out} in ${Math.round(performance.now() - started)} ms: wrote ${result.written.length} files, ${result.guesses} marked # guessed:`);
    if (result.leftAlone.length) console.log(`left alone (edited since the import wrote them):\n${result.leftAlone.map((path) => `  ${path}`).join('\n')}`);
    for (const entry of result.config) console.log(`set CONFIG_${entry.key} (a Worker var, or a secret: npx wrangler secret put CONFIG_${entry.key}) for security scheme ${entry.scheme}`);
    if (result.baseUrl.startsWith('<')) console.log(`set ORIGIN_URL (or ${baseUrlVar(result.source)}): the document gives no absolute server URL`);
    if (result.unexpressible.length) console.log(`not imported (also in ${values.out}/UNEXPRESSIBLE.md):\n${result.unexpressible.map((entry) => `  ${entry.operation} (${entry.route}): ${entry.why}`).join('\n')}`);
    for (const warning of result.warnings) console.warn(warning);
    if (result.problems.length) {
      console.error(`the written folder does not build:\n${result.problems.join('\n')}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
