/**
 * Anthropic's Messages API (https://docs.anthropic.com/en/api/messages), under
 * `/anthropic/v1/...`: `POST /messages` and `POST /messages/count_tokens`
 * with JSON bodies checked the way the API checks them (a wrong type, an
 * unknown field or a `null` where an object belongs is a 400
 * `invalid_request_error`), `GET /models`. The "model" is deterministic:
 * it answers `Echo: ` and the last user message, and a token is a word.
 * Requires `x-api-key` and `anthropic-version`.
 */
import { API_KEY, json, type Api, type Reply } from '../simulator.ts';

const MODELS = [
  { type: 'model', id: 'claude-3-7-sonnet-20250219', display_name: 'Claude Sonnet 3.7', created_at: '2025-02-24T00:00:00Z' },
  { type: 'model', id: 'claude-3-5-haiku-20241022', display_name: 'Claude Haiku 3.5', created_at: '2024-10-22T00:00:00Z' },
];

function error(status: number, type: string, message: string): Reply {
  return json({ type: 'error', error: { type, message } }, status);
}

type Message = { role: 'user' | 'assistant'; content: string };

const tokens = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The request's problem, in the API's words, or its messages. */
function readBody(text: string, counting: boolean): string | { model: string; messages: Message[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'There was an issue with your request body: it is not valid JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body: Input should be a valid dictionary';
  const fields = body as Record<string, unknown>;
  const allowed = counting ? ['model', 'messages', 'system', 'tools', 'tool_choice', 'thinking'] : ['model', 'max_tokens', 'messages', 'metadata', 'stop_sequences', 'system', 'temperature', 'thinking', 'tool_choice', 'tools', 'top_k', 'top_p', 'stream'];
  const extra = Object.keys(fields).find((name) => !allowed.includes(name));
  if (extra) return `${extra}: Extra inputs are not permitted`;
  if (typeof fields.model !== 'string') return 'model: Field required';
  if (!counting && !Number.isInteger(fields.max_tokens)) return 'max_tokens: Field required';
  for (const name of ['metadata', 'thinking', 'tool_choice']) {
    if (name in fields && (fields[name] === null || typeof fields[name] !== 'object')) return `${name}: Input should be a valid dictionary`;
  }
  if (!Array.isArray(fields.messages) || fields.messages.length === 0) return 'messages: at least one message is required';
  for (const [index, message] of fields.messages.entries()) {
    const { role, content } = (message ?? {}) as Record<string, unknown>;
    if (role !== 'user' && role !== 'assistant') return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    if (typeof content !== 'string') return `messages.${index}.content: Input should be a valid string`;
  }
  return { model: fields.model, messages: fields.messages as Message[] };
}

export const anthropic: Api = {
  prefix: 'anthropic',
  create() {
    let made = 0;
    return (request) => {
      if (request.headers['x-api-key'] !== API_KEY) return error(401, 'authentication_error', 'invalid x-api-key');
      if (!request.headers['anthropic-version']) return error(400, 'invalid_request_error', 'anthropic-version: header is required');
      const { method, path } = request;
      if (method === 'GET' && path === '/v1/models') return json({ data: MODELS, has_more: false, first_id: MODELS[0]!.id, last_id: MODELS.at(-1)!.id });
      if (method !== 'POST' || (path !== '/v1/messages' && path !== '/v1/messages/count_tokens')) return error(404, 'not_found_error', 'Not Found');
      const counting = path.endsWith('/count_tokens');
      const body = readBody(request.body, counting);
      if (typeof body === 'string') return error(400, 'invalid_request_error', body);
      if (!MODELS.some((model) => model.id === body.model)) return error(404, 'not_found_error', `model: ${body.model}`);
      const input = body.messages.reduce((sum, message) => sum + tokens(message.content), 0);
      if (counting) return json({ input_tokens: input });
      const reply = `Echo: ${body.messages.filter((message) => message.role === 'user').at(-1)?.content ?? ''}`;
      return json({
        id: `msg_01Sim${String(++made).padStart(6, '0')}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text: reply }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: tokens(reply) },
      });
    };
  },
};
