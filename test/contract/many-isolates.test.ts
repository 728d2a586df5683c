import { Agent, request } from 'node:http';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Answer } from '../support/answers.ts';
import { gatewayAt } from './gateway.ts';
import { MANY_ISOLATES, MANY_ISOLATES_MEMORY_TTL_MS, OBJECT_LATENCY_MS } from './setup.ts';

/**
 * The production build as several isolates sharing one set of Durable Objects,
 * each call to them OBJECT_LATENCY_MS away (`npm run serve -- --isolates 4
 * --object-latency-ms 50`): what one isolate cannot show.
 */
const { gatewayUrls, originUrl } = inject('manyIsolates');
const isolates = gatewayUrls.map((url) => gatewayAt(url, originUrl));
const first = isolates[0]!;

/** `count` requests spread round-robin over the isolates, all at once. */
function acrossIsolates(count: number, query: string): Promise<Answer[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => isolates[i % isolates.length]!.query(query)));
}

const cacheStatuses = (answers: Answer[]) => new Set(answers.map((answer) => answer.headers.get('x-cache')));

describe(`${MANY_ISOLATES} isolates, objects ${OBJECT_LATENCY_MS} ms away`, () => {
  beforeEach(() => first.reset());

  it('500 concurrent cold requests over every isolate: 1 origin call, 500 identical answers', async () => {
    await first.origin.fault({ mode: 'slow', latencyMs: 300 });
    const answers = await acrossIsolates(500, '{ product(id: "21") { id name } }');
    await first.origin.fault({ mode: 'none' });

    expect((await first.origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(answers[0]?.body).toEqual({ data: { product: { id: '21', name: expect.any(String) } } });
  });

  it('500 concurrent requests for an expired entry over every isolate: 1 refresh, every answer the stale copy at once', async () => {
    const query = '{ product(id: "22") { id inventory { available } } }';
    await acrossIsolates(isolates.length, query);
    // Inventory's maxAge is 5 s with 60 s of staleWhileRevalidate.
    await new Promise((done) => setTimeout(done, 5_200));
    await first.origin.resetCounters();
    await first.origin.fault({ mode: 'slow', latencyMs: 300 });
    const answers = await acrossIsolates(500, query);
    await first.origin.fault({ mode: 'none' });
    // The refresh goes on after the answers; its one call is what the origin sees once it lands.
    await expect.poll(async () => (await first.origin.stats()).total, { timeout: 5_000 }).toBe(1);

    expect(cacheStatuses(answers)).toEqual(new Set(['STALE']));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
  });

  it(`50 connections on one hot key for 10 s, memory TTL ${MANY_ISOLATES_MEMORY_TTL_MS} ms: at most one lookup per isolate per memory TTL, not one per request`, async () => {
    const query = '{ product(id: "23") { id name } }';
    await acrossIsolates(isolates.length, query);
    const before = await Promise.all(isolates.map((isolate) => isolate.stats()));
    const startedAt = Date.now();
    const served = await hammer(query, 50, 10_000);
    const after = await Promise.all(isolates.map((isolate) => isolate.stats()));
    const elapsedMs = Date.now() - startedAt;

    const lookups = after.map((stats, i) => stats.objectLookups - before[i]!.objectLookups);
    const answered = after.map((stats, i) => stats.HIT + stats.STALE - before[i]!.HIT - before[i]!.STALE);
    console.log(`[many isolates] 10 s on one key: ${served.ok} answers, per isolate ${answered.join(', ')} from cache and ${lookups.join(', ')} object lookups`);
    expect(served.failed).toBe(0);
    for (const [i, count] of lookups.entries()) {
      // The confirmation lapsed again and again, so lookups happened; a confirmation counts from when its lookup was sent, so one per memory TTL at most.
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(Math.ceil(elapsedMs / MANY_ISOLATES_MEMORY_TTL_MS) + 1);
      // Every other request was answered from memory rather than queued behind a lookup.
      expect(answered[i]!).toBeGreaterThan(count * 5);
    }
  }, 30_000);
});

/** `connections` keep-alive connections spread over the isolates, each sending `query` again as soon as it is answered, for `ms`. */
async function hammer(query: string, connections: number, ms: number): Promise<{ ok: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const body = JSON.stringify({ query });
  const until = Date.now() + ms;
  const counts = { ok: 0, failed: 0 };
  const post = (url: string) =>
    new Promise<boolean>((resolve) => {
      const sent = request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (answered) => {
        let text = '';
        answered.on('data', (chunk: Buffer) => (text += chunk.toString()));
        answered.on('end', () => resolve(answered.statusCode === 200 && !text.includes('"errors"')));
      });
      sent.on('error', () => resolve(false));
      sent.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const url = gatewayUrls[i % gatewayUrls.length]!;
      while (Date.now() < until) counts[(await post(url)) ? 'ok' : 'failed']++;
    }),
  );
  agent.destroy();
  return counts;
}
