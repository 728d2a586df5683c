/** Documents the import tests read, our own writing of well-known shapes (the Swagger Petstore's, a GitHub-like API's). */

const pet = {
  type: 'object',
  required: ['name', 'photoUrls'],
  description: 'A pet for sale.',
  properties: {
    id: { type: 'integer', format: 'int64', readOnly: true },
    name: { type: 'string' },
    category: { $ref: '#/components/schemas/Category' },
    photoUrls: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: ['available', 'pending', 'sold'] },
    owner_id: { type: 'string' },
    details: { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind' } },
    extra: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    nickname: { type: 'string', nullable: true },
  },
};

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });

/** The Petstore in OpenAPI 3.0, with the shapes each rule looks for. */
export const PETSTORE_3 = {
  openapi: '3.0.3',
  info: { title: 'Swagger Petstore', version: '1.0.0' },
  servers: [{ url: 'https://petstore.example.com/v3' }],
  paths: {
    '/pet': {
      get: {
        tags: ['pet'],
        operationId: 'listPets',
        parameters: [
          { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } }, explode: false },
          { name: 'page', in: 'query', schema: { type: 'integer' } },
          { name: 'per_page', in: 'query', schema: { type: 'integer', default: 20 } },
        ],
        responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } } } },
      },
      post: { tags: ['pet'], operationId: 'addPet', requestBody: { required: true, ...json('#/components/schemas/Pet') }, responses: { '200': { description: 'ok', ...json('#/components/schemas/Pet') } }, security: [{ petstore_auth: ['write:pets'] }] },
    },
    '/pet/{petId}': {
      get: {
        tags: ['pet'],
        operationId: 'getPetById',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer', format: 'int64' } }],
        responses: { '200': { description: 'ok', ...json('#/components/schemas/Pet') } },
        security: [{ api_key: [] }],
      },
      put: {
        tags: ['pet'],
        operationId: 'updatePet',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer', format: 'int64' } }],
        requestBody: { required: true, ...json('#/components/schemas/Pet') },
        responses: { '200': { description: 'ok', ...json('#/components/schemas/Pet') } },
      },
      delete: { tags: ['pet'], operationId: 'deletePet', parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'deleted' } } },
    },
    '/pet/{petId}/uploadImage': {
      post: {
        tags: ['pet'],
        operationId: 'uploadFile',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
        responses: { '200': { description: 'ok', ...json('#/components/schemas/ApiResponse') } },
      },
    },
    '/store/order/{orderId}': {
      get: { tags: ['store'], operationId: 'getOrderById', parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'ok', ...json('#/components/schemas/Order') } } },
    },
    '/store/inventory': {
      get: { operationId: 'getInventory', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'integer' } } } } } } },
    },
  },
  components: {
    securitySchemes: {
      petstore_auth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://petstore.example.com/oauth', scopes: { 'write:pets': 'modify' } } } },
      api_key: { type: 'apiKey', name: 'api_key', in: 'header' },
    },
    schemas: {
      Pet: pet,
      Category: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
      Dog: { type: 'object', properties: { kind: { type: 'string', enum: ['dog'] }, barks: { type: 'boolean' } } },
      Cat: { type: 'object', properties: { kind: { type: 'string', enum: ['cat'] }, lives: { type: 'integer' } } },
      Order: {
        type: 'object',
        properties: { id: { type: 'integer' }, petId: { type: 'integer' }, status: { type: 'string', enum: ['placed', 'in-transit', 'delivered'] }, complete: { type: 'boolean' } },
      },
      ApiResponse: { type: 'object', properties: { code: { type: 'integer' }, message: { type: 'string' } } },
    },
  },
};

/** The Petstore in Swagger 2.0: host, basePath, definitions, body parameters. */
export const PETSTORE_2 = {
  swagger: '2.0',
  info: { title: 'Swagger Petstore', version: '1.0.0' },
  host: 'petstore.example.com',
  basePath: '/v2',
  schemes: ['https'],
  paths: {
    '/pet': {
      post: {
        tags: ['pet'],
        operationId: 'addPet',
        consumes: ['application/json'],
        produces: ['application/json'],
        parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/Pet' } }],
        responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } } },
      },
    },
    '/pet/findByStatus': {
      get: {
        tags: ['pet'],
        operationId: 'findPetsByStatus',
        produces: ['application/json'],
        parameters: [{ name: 'status', in: 'query', required: true, type: 'array', items: { type: 'string', enum: ['available', 'pending', 'sold'] }, collectionFormat: 'multi' }],
        responses: { '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } },
      },
    },
    '/pet/{petId}': {
      get: {
        tags: ['pet'],
        operationId: 'getPetById',
        produces: ['application/json'],
        parameters: [{ name: 'petId', in: 'path', required: true, type: 'integer', format: 'int64' }],
        responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } } },
      },
    },
  },
  definitions: {
    Pet: {
      type: 'object',
      required: ['name'],
      properties: { id: { type: 'integer', format: 'int64' }, name: { type: 'string' }, status: { type: 'string', enum: ['available', 'pending', 'sold'] }, category: { $ref: '#/definitions/Category' } },
    },
    Category: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
  },
};

/** A GitHub-shaped API in two files: a composite key from `/repos/{owner}/{repo}`, a list below it, a write to it. */
export const REPOS_ROOT = {
  openapi: '3.1.0',
  info: { title: 'Repos', version: '1' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/repos/{owner}/{repo}': {
      parameters: [
        { name: 'owner', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
      ],
      get: { tags: ['repos'], operationId: 'repos/get', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'schemas.yaml#/Repository' } } } } } },
      patch: {
        tags: ['repos'],
        operationId: 'repos/update',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { description: { type: 'string' } } } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'schemas.yaml#/Repository' } } } } },
      },
    },
    '/repos/{owner}/{repo}/issues': {
      parameters: [
        { name: 'owner', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
      ],
      get: {
        tags: ['issues'],
        operationId: 'issues/list-for-repo',
        parameters: [
          { name: 'per_page', in: 'query', schema: { type: 'integer', default: 30 } },
          { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
        ],
        responses: { '200': { description: 'ok', headers: { Link: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'array', items: { $ref: 'schemas.yaml#/Issue' } } } } } },
      },
    },
  },
};

export const REPOS_SCHEMAS = `# schemas the root document refers to across files
User:
  type: object
  required: [login]
  properties:
    login: { type: string }
    id: { type: integer, format: int64 }
Repository:
  type: object
  required: [name, owner]
  properties:
    id: { type: integer, format: int64 }
    name: { type: string }
    full_name: { type: string }
    owner: { $ref: '#/User' }
    forks: { type: integer }
Issue:
  type: object
  properties:
    number: { type: integer }
    title: { type: string }
    user: { anyOf: [{ $ref: '#/User' }, { type: 'null' }] }
`;
