/**
 * OpenAI's models endpoints (https://platform.openai.com/docs/api-reference/models),
 * under `/openai/v1/models[/:id]`: `{ object: "list", data }` and one model
 * object; a bearer key is required, and errors are `{ error: { message,
 * type, param, code } }`.
 */
import { API_KEY, bearer, json, matchPath, type Api } from '../simulator.ts';

const MODELS = [
  { id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' },
  { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
  { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system' },
  { id: 'ft:gpt-4o-mini:acme::9xYz', object: 'model', created: 1730000000, owned_by: 'user-acme' },
];

function error(status: number, message: string, type: string, param: string | null, code: string | null) {
  return json({ error: { message, type, param, code } }, status);
}

export const openai: Api = {
  prefix: 'openai',
  create() {
    return (request) => {
      const key = bearer(request.headers);
      if (key === undefined) return error(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error', null, null);
      if (key !== API_KEY) return error(401, `Incorrect API key provided: ${key.slice(0, 3)}***${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', null, 'invalid_api_key');
      if (request.method !== 'GET') return error(405, `Invalid method for URL (${request.method} ${request.path})`, 'invalid_request_error', null, null);
      if (request.path === '/v1/models') return json({ object: 'list', data: MODELS });
      const one = matchPath('/v1/models/:id', request.path);
      if (!one) return error(404, `Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null, null);
      const model = MODELS.find((each) => each.id === one.id);
      return model ? json(model) : error(404, `The model '${one.id}' does not exist`, 'invalid_request_error', 'model', 'model_not_found');
    };
  },
};
