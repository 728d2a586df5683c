import { request as httpRequest } from 'node:http';
import { inject } from 'vitest';
import { answer, postJson, type Answer } from '../answers.ts';
import { originAdmin } from '../origin-admin.ts';
import { CONTRACT_PURGE_TOKEN, type Settings } from './setup.ts';

/** One server of the production build, as a client and an operator reach it: over HTTP. */
export function gateway(settings: Settings) {
  const { gatewayUrl, originUrl } = inject('contract')[settings];
  const origin = originAdmin(originUrl);
  const send = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const url = `${gatewayUrl}${path}`;
    return answer(new Headers(init.headers).has('content-length') ? await sendAsTold(url, init) : await fetch(url, init));
  };
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
  };
}

export type Gateway = ReturnType<typeof gateway>;

/** fetch refuses to send a Content-Length that does not match the body; node:http sends what it is told, as an attacker's client would. */
async function sendAsTold(url: string, init: RequestInit): Promise<Response> {
  const body = Buffer.from(await new Request(url, init).arrayBuffer());
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: init.method, headers: Object.fromEntries(new Headers(init.headers)) }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode, headers }));
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
