/**
 * GraphiQL's page is one static asset for every schema folder
 * (scripts/build-graphiql.ts); what differs per folder, the query it opens
 * on, the Worker adds as it serves the page: a small script in its <head>
 * setting the options the page's own script then reads.
 */

/** The global the page reads its per-folder options from. */
export const PAGE_OPTIONS_GLOBAL = 'gatewayGraphiQL';

/** The page, opened on `defaultQuery` (empty: an empty editor). */
export async function serveGraphiQL(assets: Fetcher, requestUrl: string, defaultQuery: string): Promise<Response> {
  const page = await assets.fetch(new URL('/graphiql.html', requestUrl));
  if (!page.ok) return page;
  // As a JS literal inside <script>: `<` escaped, so that no `</script>` in the query ends the element.
  const options = JSON.stringify({ defaultQuery }).replace(/</g, '\\u003c');
  const script = `<script>self.${PAGE_OPTIONS_GLOBAL} = ${options};</script>`;
  return new HTMLRewriter().on('head', { element: (head) => void head.append(script, { html: true }) }).transform(page);
}
