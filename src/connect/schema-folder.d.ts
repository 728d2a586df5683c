/** The schema folder the build bundles (`scripts/build-schema.ts`, aliased by wrangler and vitest). */
declare module 'gateway:schema' {
  const folder: import('./gateway-schema.ts').SchemaFolder;
  export default folder;
}
