import { request as httpRequest } from 'node:http';
import { inject } from 'vitest';
import type { CacheStats } from '../../src/shared/cache-stats.ts';
import { answer, postJson, type Answer } from '../support/answers.ts';
import { originAdmin } from '../support/simulator-admin.ts';
import { CONTRACT_PURGE_TOKEN, type Settings } from './setup.ts';

/** One server of the production build, as a client and an operator reach it: over HTTP. */
export function gateway(settings: Settings) {
  const { gatewayUrl, originUrl } = inject('contract')[settings];
  return gatewayAt(gatewayUrl, originUrl);
}

/** The gateway at `gatewayUrl` (one isolate of a server), over the origin simulator at `originUrl`. */
export function gatewayAt(gatewayUrl: string, originUrl: string) {
  const origin = originAdmin(originUrl);
  const send = async (path: string, init: RequestInit = {}): Promise<Answer> => answer(await sendAsTold(`${gatewayUrl}${path}`, init));
  return {
    url: gatewayUrl,
    origin,
    send,
    query: (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
      send('/graphql', postJson({ query, variables }, headers)),
    /** Every cache tier emptied and the origin reseeded, through the admin API as an operator would. */
    async reset(): Promise<void> {
      const purged = await send('/admin/purge', postJson({ all: true }, { authorization: `Bearer ${CONTRACT_PURGE_TOKEN}` }));
      if (purged.status !== 200) throw new Error(`[contract] purge: ${purged.status} ${purged.text}`);
      await origin.reset();
    },
    /** This isolate's counters (`/admin/stats`). */
    async stats(): Promise<CacheStats> {
      const answered = await send('/admin/stats', { headers: { authorization: `Bearer ${CONTRACT_PURGE_TOKEN}` } });
      if (answered.status !== 200) throw new Error(`[contract] stats: ${answered.status} ${answered.text}`);
      return JSON.parse(answered.text) as CacheStats;
    },
  };
}

export type Gateway = ReturnType<typeof gateway>;

/** Bodies this large wait for `100 Continue`, as curl's do, so that a refusal before the body is read is seen, not a reset. */
const LARGE_BODY = 64 * 1024;

/**
 * One request as the client tells it, over node:http: fetch refuses to send a
 * Content-Length that does not match the body, and a fetch still writing a
 * large body when the server refuses it sees EPIPE instead of the answer.
 */
async function sendAsTold(url: string, init: RequestInit): Promise<Response> {
  const request = new Request(url, init);
  const body = Buffer.from(await request.arrayBuffer());
  const headers = { ...Object.fromEntries(request.headers), ...Object.fromEntries(new Headers(init.headers)) };
  if (body.length > LARGE_BODY) headers.expect = '100-continue';
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: request.method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const answered = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') answered.set(name, value);
        const status = incoming.statusCode ?? 0;
        resolve(new Response(status === 204 || status === 304 || request.method === 'HEAD' ? null : Buffer.concat(chunks), { status, headers: answered }));
        outgoing.destroy();
      });
    });
    outgoing.on('error', reject);
    if (headers.expect) outgoing.on('continue', () => outgoing.end(body));
    else outgoing.end(body);
  });
}
