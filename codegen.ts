import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen` writes resolver types for the gateway and a typed client
 * for frontends. CI regenerates both and fails when the committed files differ.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  documents: 'client/operations/*.graphql',
  generates: {
    'src/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#GatewayContext',
        mappers: {
          Product: '../origin/types.ts#OriginProduct',
          Inventory: '../origin/types.ts#OriginInventory',
          User: '../origin/types.ts#OriginUser',
          Order: '../origin/types.ts#OriginOrder',
          OrderItem: '../origin/types.ts#OriginOrderItem',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { ID: 'string' },
      },
    },
    // Also writes persisted-documents.json: the trusted documents that PERSISTED_ONLY accepts.
    'client/generated/': {
      preset: 'client',
      presetConfig: { persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { enumsAsTypes: true, useTypeImports: true, strictScalars: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
