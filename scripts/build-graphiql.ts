/**
 * Writes GraphiQL's page, bundled by @graphql-yoga/render-graphiql so that it
 * needs no CDN, into the Worker's static assets. One page serves every schema
 * folder: it takes the query it opens on from the options the Worker adds as
 * it serves it (src/http/graphiql.ts), over the ones written here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { PAGE_OPTIONS_GLOBAL } from '../src/http/graphiql.ts';

const outDir = new URL('../dist/assets/', import.meta.url);
const options = { title: 'GraphQL edge gateway', endpoint: '/graphql' };
const page = renderGraphiQL(options);
// The page passes its options to GraphiQL as this JSON text, once: the served ones are spread over it.
const written = JSON.stringify(options);
if (page.split(written).length !== 2) throw new Error('[graphiql] the rendered page does not pass its options as expected: see src/http/graphiql.ts');

await mkdir(outDir, { recursive: true });
await writeFile(new URL('graphiql.html', outDir), page.replace(written, () => `{ ...${written}, ...self.${PAGE_OPTIONS_GLOBAL} }`));
