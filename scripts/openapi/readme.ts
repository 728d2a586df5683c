/** The README written beside the SDL: how to serve it, what to configure, what was guessed and how to correct it. */
import type { ImportResult } from './import-document.ts';
import { baseUrlVar, sourceVarSuffix } from '../../src/connect/source-vars.ts';

export function readmeOf(result: ImportResult, title: string): string {
  const upper = sourceVarSuffix(result.source);
  const config = result.config.length
    ? result.config
        .map((entry) => `- \`$config.${entry.key}\` (security scheme \`${entry.scheme}\`, sent as ${entry.where}): set the Worker var or secret \`CONFIG_${entry.key}\` (or \`CONFIG_${upper}_${entry.key}\` for this source alone), e.g. \`npx wrangler secret put CONFIG_${entry.key}\`, or in \`.dev.vars\` locally.`)
        .join('\n')
    : '- Nothing: no API key is read from `$config`.';
  const origin = result.baseUrl.startsWith('<')
    ? `The document gives no absolute server URL: set \`ORIGIN_URL_${upper}\` (or \`ORIGIN_URL\`) to the API's base URL before serving.`
    : `Calls go to \`${result.baseUrl}\`; \`ORIGIN_URL_${upper}\` (or \`ORIGIN_URL\`) points them elsewhere, e.g. at a local copy.`;
  return `# ${title}, served as GraphQL

Written by \`npm run import:openapi\` (see docs/guides/openapi-import.md). Serve it with
\`npm run serve -- --schema <this folder>\`; check it with \`npm run deploy:check -- --schema <this folder>\`.

## Configure

${origin}

${config}

Clients' \`Authorization\` headers are forwarded where the document's security schemes ask for them (bearer, basic,
OAuth 2, OpenID Connect); such answers are private to the client in the caches.

## Guesses

${result.guesses} places are marked \`# guessed:\`: entity keys read from path parameters, batched list endpoints, ids
and summaries that are stubs of another entity, answers of several object shapes merged into one type, each page's
\`hasNextPage\`/\`endCursor\` rule, and whose credentials each connector sends (the client's forwarded
\`Authorization\`, or an API key of the gateway's from \`$config\`). Search for \`# guessed:\`, check each against
the API, and edit the SDL where it is wrong: \`--update\` leaves files you edited alone.

## Not imported

${result.unexpressible.length ? `${result.unexpressible.length} operations or parts: see UNEXPRESSIBLE.md.` : 'Nothing: every operation was imported.'}
`;
}
