/** The schema folder the build bundles (`scripts/build-schema.ts`, aliased by wrangler and vitest): its SDL, resolvers, written selections and trusted documents. */
declare module 'gateway:schema' {
  const folder: import('./gateway-schema.ts').SchemaFolder;
  export default folder;
  /** The query GraphiQL opens on: the shop's example, another folder's first operation, or empty. */
  export const defaultQuery: string;
}
