/**
 * Writes GraphiQL's page, bundled by @graphql-yoga/render-graphiql so that it
 * needs no CDN, into the Worker's static assets, opened on the example query.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const root = new URL('../', import.meta.url);
const exampleQuery = await readFile(new URL('client/operations/products.graphql', root), 'utf8');
const outDir = new URL('dist/assets/', root);

await mkdir(outDir, { recursive: true });
await writeFile(
  new URL('graphiql.html', outDir),
  renderGraphiQL({
    title: 'GraphQL edge gateway',
    endpoint: '/graphql',
    defaultQuery: exampleQuery,
  }),
);
