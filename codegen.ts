import type { CodegenConfig } from '@graphql-codegen/cli';
import { mkdirSync, writeFileSync } from 'node:fs';
import { print } from 'graphql';
import { DEFAULT_SCHEMA_DIR, isShopFolder, readSchemaFolder, schemaModulePath } from './scripts/build-schema.ts';
import { readSchemaFiles } from './src/connect/read-schema.ts';

/**
 * `npm run codegen [-- --schema DIR]` writes a typed client for frontends
 * from the schema the gateway serves (the folder's SDL without the connector
 * directives). A connector mistake fails it with `[connect] file:line: ...`,
 * as it fails the build. CI regenerates and fails when committed files differ.
 */
const dir = process.env.GATEWAY_SCHEMA ?? DEFAULT_SCHEMA_DIR;
const served = schemaModulePath(dir).replace(/\.ts$/, '.graphql');
mkdirSync(new URL('.', `file://${served}`), { recursive: true });
writeFileSync(served, print(readSchemaFiles(readSchemaFolder(dir)).typeDefs));

const config: CodegenConfig = {
  schema: served,
  documents: isShopFolder(dir) ? 'client/operations/*.graphql' : `${dir}/operations/*.graphql`,
  generates: {
    // Also writes persisted-documents.json: the trusted documents that PERSISTED_ONLY accepts.
    [isShopFolder(dir) ? 'client/generated/' : `${dir}/generated/`]: {
      preset: 'client',
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { enumsAsTypes: true, useTypeImports: true, strictScalars: true, scalars: { ID: 'string' } },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
