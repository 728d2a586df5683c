import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stop } from '../../scripts/dev-processes.ts';
import { answer, codes, JSON_HEADERS, postJson, type Answer } from '../support/answers.ts';
import { serve, type Served } from './serve.ts';
import { DASHBOARD_COOKIE } from '../../src/http/dashboard-cookie.ts';
import { LARGE_RAW_SELECTED } from './hostile-origin/bodies.ts';
import { descendantNamed, megabytes, memoryOf, type ProcessMemory } from './hostile-origin/memory.ts';
import {
  LEAKY_MESSAGE,
  PLAIN_ERROR_MESSAGE,
  profileOf,
  startHostileOrigin,
  startInternalService,
  tenantOf,
  type HostileOrigin,
  type RecordingServer,
} from './hostile-origin/server.ts';

/**
 * The gateway's trust boundary, on what ships: `npm run serve -- --schema
 * test/contract/hostile-origin/schema` (the production bundle on workerd, production
 * settings) in front of an origin that does not play fair
 * (test/contract/hostile-origin/server.ts), with an internal service beside it that
 * must never be reached. Both directions are checked: no caller gets another
 * caller's answer, whatever the hints say; and nothing the origin sends
 * (redirects, bombs, endless or absurd bodies, 429s, error messages naming
 * its internals) gets past the gateway as anything but a coded GraphQL
 * error. Origin calls are read from the servers' own recordings.
 *
 * Every answer is also checked (softly, so that a test reports all it sees)
 * for a 5xx status, the address of any of the test's servers, and a stack.
 */

const PURGE_TOKEN = 'trust-boundary-purge';
/** Building the bundle (wrangler) and starting workerd; the bomb is built meanwhile. */
const STARTUP_MS = 240_000;
/** A request the gateway has not answered by then is a hang: the test fails on it, well within its own timeout. */
const CLIENT_TIMEOUT_MS = 20_000;

/** A stack frame, as Node or V8 prints one, in a JSON text or a header. */
const STACK = /(?:\\n|\n)\s*at \S|at Object\.<anonymous>|\/[\w./-]+\.(?:[cm]?js|ts):\d+:\d+/;

/**
 * `npm run serve` for the hostile schema; resolves with the gateway's base
 * URL once it prints `ready <url>/graphql`. "api" is the hostile origin
 * (`--origin-url`); "limits" and "limits-long" are two more instances of it,
 * one per 429 route, so that the shield's hold-off after one spoils nothing else.
 */
function serveHostile(originUrl: string, limitsUrl: string, limitsLongUrl: string): Promise<Served> {
  const args = ['--port', '0', '--env', 'production', '--schema', 'test/contract/hostile-origin/schema', '--origin-url', originUrl];
  for (const pair of [
    `PURGE_TOKEN:${PURGE_TOKEN}`,
    'CACHE_SCOPE_SECRET:trust-boundary-scope',
    'ORIGIN_BREAKER_FAILURES:1000000',
    // The source's key, which its header template reads as $config.apiKey.
    'CONFIG_apiKey:source-secret',
    `ORIGIN_URL_LIMITS:${limitsUrl}`,
    `ORIGIN_URL_LIMITS_LONG:${limitsLongUrl}`,
  ]) {
    args.push('--var', pair);
  }
  return serve(args);
}

describe('the trust boundary: the production build in front of a hostile origin', () => {
  let internal: RecordingServer | undefined;
  let origin: HostileOrigin | undefined;
  let limits: HostileOrigin | undefined;
  let limitsLong: HostileOrigin | undefined;
  let served: Served | undefined;

  beforeAll(async () => {
    internal = await startInternalService();
    [origin, limits, limitsLong] = await Promise.all([1, 2, 3].map(() => startHostileOrigin({ internalUrl: internal!.url })));
    served = await serveHostile(origin!.url, limits!.url, limitsLong!.url);
  }, STARTUP_MS);

  afterAll(async () => {
    await Promise.all([served && stop(served.child), origin?.close(), limits?.close(), limitsLong?.close(), internal?.close()]);
  });

  const gatewayUrl = (): string => served!.urls[0]!;
  const hostile = (): HostileOrigin => origin!;
  const inside = (): RecordingServer => internal!;
  const servers = (): RecordingServer[] => [origin!, limits!, limitsLong!, internal!];

  /** Every cache tier emptied, then every recording (and the origin's counters) at zero. */
  beforeEach(async () => {
    const purged = await fetch(`${gatewayUrl()}/admin/purge`, postJson({ all: true }, { authorization: `Bearer ${PURGE_TOKEN}` }));
    expect(purged.status, await purged.text()).toBe(200);
    for (const server of servers()) server.reset();
  });

  /**
   * What every answer of this suite must be, whatever it answers: no 5xx,
   * no address of the origin or the internal service, no stack, in the body
   * or in any header. Soft, so that the test's own assertions still run.
   */
  function checkNothingLeaks(answered: Answer): void {
    expect.soft(answered.status, answered.text).toBeLessThan(500);
    const seen = `${answered.text}\n${[...answered.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}`;
    for (const { port } of servers()) {
      expect.soft(seen, 'the answer names a server of the test').not.toContain(`127.0.0.1:${port}`);
      expect.soft(seen, 'the answer names a server of the test').not.toContain(`localhost:${port}`);
    }
    expect.soft(seen, 'the answer carries a stack').not.toMatch(STACK);
  }

  /** Sends `init` to /graphql, gives up after CLIENT_TIMEOUT_MS, and checks that nothing leaks. */
  async function send(init: RequestInit): Promise<Answer> {
    const answered = await answer(await fetch(`${gatewayUrl()}/graphql`, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) }));
    checkNothingLeaks(answered);
    return answered;
  }

  const query = (text: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<Answer> =>
    send(postJson({ query: text, variables }, headers));

  /** The answer's data, after checking that it has no errors. */
  function dataOf<T = Record<string, unknown>>(answered: Answer): T {
    expect(answered.body?.errors, answered.text).toBeUndefined();
    expect(answered.status).toBe(200);
    return answered.body?.data as T;
  }

  /** The first error with `code`, after checking that there is one. */
  function errorWith(answered: Answer, code: string) {
    expect(codes(answered.body), answered.text).toContain(code);
    return answered.body!.errors!.find((error) => error.extensions?.code === code)!;
  }

  /** `private, ...` or `no-store`: never an answer a shared cache may keep. */
  function expectCallersOwn(answered: Answer): void {
    const cacheControl = answered.headers.get('cache-control') ?? '';
    expect(cacheControl, 'cache-control').toMatch(/^(private|no-store)\b/);
    expect(cacheControl, 'cache-control').not.toMatch(/\bpublic\b/);
  }

  /** The header's comma-separated names, lower-cased. */
  const listOf = (header: string | null): string[] => (header ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);

  describe('1. an answer built from a forwarded identity header is its caller\'s alone (the hint says PUBLIC)', () => {
    it('me by bearer token: alice, bob and nobody each get their own answer, never a shared one', async () => {
      const ME = '{ me { id secret } }';
      const alice = await query(ME, { authorization: 'Bearer alice' });
      expect(dataOf(alice)).toEqual({ me: { id: 'alice', secret: profileOf('alice').secret } });
      expectCallersOwn(alice);

      const bob = await query(ME, { authorization: 'Bearer bob' });
      expect(dataOf(bob)).toEqual({ me: { id: 'bob', secret: 'bob-secret' } });
      expect(bob.headers.get('x-cache'), 'bob\'s first answer').not.toBe('HIT');
      expectCallersOwn(bob);

      const nobody = await query(ME);
      expect(nobody.text).not.toContain('alice');
      expect(nobody.body?.data?.me ?? null).toBeNull();
      expect(codes(nobody.body).filter((code) => code !== 'UNAUTHENTICATED'), nobody.text).toEqual([]);
      expect(nobody.headers.get('x-cache')).not.toBe('HIT');
      expectCallersOwn(nobody);

      // Alice again may be served from her own entry.
      const aliceAgain = await query(ME, { authorization: 'Bearer alice' });
      expect(dataOf(aliceAgain)).toEqual({ me: { id: 'alice', secret: 'alice-secret' } });
      expectCallersOwn(aliceAgain);

      // The origin saw each caller's own token, and the source's key on every call.
      const calls = hostile().requests().filter((request) => request.path === '/me');
      expect(calls.slice(0, 3).map((request) => request.headers.authorization)).toEqual(['Bearer alice', 'Bearer bob', undefined]);
      for (const call of calls) expect(call.headers['x-api-key']).toBe('source-secret');
    });

    it('meByCookie by session cookie: alice, bob and nobody each get their own answer', async () => {
      const ME = '{ meByCookie { id secret } }';
      const alice = await query(ME, { cookie: 'session=alice' });
      expect(dataOf(alice)).toEqual({ meByCookie: { id: 'alice', secret: 'alice-secret' } });
      expectCallersOwn(alice);

      const bob = await query(ME, { cookie: 'session=bob' });
      expect(dataOf(bob)).toEqual({ meByCookie: { id: 'bob', secret: 'bob-secret' } });
      expect(bob.headers.get('x-cache'), 'bob\'s first answer').not.toBe('HIT');
      expectCallersOwn(bob);

      const nobody = await query(ME);
      expect(nobody.text).not.toContain('alice');
      expect(nobody.body?.data?.meByCookie ?? null).toBeNull();
      expect(codes(nobody.body).filter((code) => code !== 'UNAUTHENTICATED'), nobody.text).toEqual([]);
      expect(nobody.headers.get('x-cache')).not.toBe('HIT');
      expectCallersOwn(nobody);

      const aliceAgain = await query(ME, { cookie: 'session=alice' });
      expect(dataOf(aliceAgain)).toEqual({ meByCookie: { id: 'alice', secret: 'alice-secret' } });
      expectCallersOwn(aliceAgain);
      expect(hostile().requests().slice(0, 3).map((request) => request.headers.cookie)).toEqual(['session=alice', 'session=bob', undefined]);
    });

    it("meByCookie never forwards the dashboard's session cookie: it is taken out before the cache keys on, or a connector copies, the cookies", async () => {
      const ME = '{ meByCookie { id secret } }';
      // A caller no other test uses, so that no cache answers for the origin.
      const carol = await query(ME, { cookie: `session=carol; ${DASHBOARD_COOKIE}=some-session; theme=dark` });
      expect(dataOf(carol)).toEqual({ meByCookie: { id: 'carol', secret: 'carol-secret' } });
      const carolWithout = await query(ME, { cookie: 'session=carol; theme=dark' });
      expect(carolWithout.headers.get('x-cache'), 'the same caller without the session cookie: the same key').toBe('HIT');
      const onlyDashboard = await query(ME, { cookie: `${DASHBOARD_COOKIE}=some-session` });
      expect(onlyDashboard.body?.data?.meByCookie ?? null).toBeNull();
      const cookies = hostile().requests().filter((request) => request.path === '/me-by-cookie').map((request) => request.headers.cookie);
      expect(cookies).toEqual(['session=carol; theme=dark', undefined]);
    });
  });

  describe('2. a forwarded header that is not an identity keys the answer', () => {
    it('privateTenant (scope PRIVATE), one bearer token, two tenants: each gets its own tenant\'s data', async () => {
      const TENANT = '{ privateTenant { tenant data } }';
      const a = await query(TENANT, { authorization: 'Bearer alice', 'x-tenant': 'tenant-a' });
      expect(dataOf(a)).toEqual({ privateTenant: tenantOf('tenant-a') });
      expectCallersOwn(a);
      const b = await query(TENANT, { authorization: 'Bearer alice', 'x-tenant': 'tenant-b' });
      expect(dataOf(b)).toEqual({ privateTenant: tenantOf('tenant-b') });
      expect(b.headers.get('x-cache')).not.toBe('HIT');
      expectCallersOwn(b);
    });

    it('tenant (PUBLIC): a then a is a HIT, b gets b\'s data; shared answers say public and Vary: x-tenant', async () => {
      const TENANT = '{ tenant { tenant data } }';
      const a = await query(TENANT, { 'x-tenant': 'tenant-a' });
      expect(dataOf(a)).toEqual({ tenant: tenantOf('tenant-a') });
      const aAgain = await query(TENANT, { 'x-tenant': 'tenant-a' });
      expect(dataOf(aAgain)).toEqual({ tenant: tenantOf('tenant-a') });
      expect(aAgain.headers.get('x-cache')).toBe('HIT');
      const b = await query(TENANT, { 'x-tenant': 'tenant-b' });
      expect(dataOf(b)).toEqual({ tenant: tenantOf('tenant-b') });
      expect(b.headers.get('x-cache')).not.toBe('HIT');
      for (const shared of [a, aAgain, b]) {
        expect(shared.headers.get('cache-control'), 'cache-control').toMatch(/^public\b/);
        expect(listOf(shared.headers.get('vary')), 'vary').toContain('x-tenant');
      }
      expect(hostile().count('/tenant')).toBe(2);
    });

    it('tenantByExpression: a client header read by an expression varies the key as a copied one does', async () => {
      const TENANT = '{ tenantByExpression { tenant data } }';
      const a = await query(TENANT, { 'x-tenant': 'tenant-a' });
      const aAgain = await query(TENANT, { 'x-tenant': 'tenant-a' });
      const b = await query(TENANT, { 'x-tenant': 'tenant-b' });
      expect([a, aAgain, b].map(dataOf)).toEqual([{ tenantByExpression: tenantOf('tenant-a') }, { tenantByExpression: tenantOf('tenant-a') }, { tenantByExpression: tenantOf('tenant-b') }]);
      expect([a, aAgain, b].map((answered) => answered.headers.get('x-cache'))).toEqual(['MISS', 'HIT', 'MISS']);
      for (const shared of [a, aAgain, b]) expect(listOf(shared.headers.get('vary')), 'vary').toContain('x-tenant');
      expect(hostile().requests().filter((request) => request.path === '/tenant').map((request) => request.headers['x-tenant'])).toEqual(['tenant-a', 'tenant-b']);
    });
  });

  describe('3. an origin answer marked private, no-store, with Set-Cookie (the hint says PUBLIC)', () => {
    it('privateAnswer: two callers in a row both reach the origin and get different counters; neither is a HIT', async () => {
      const first = await query('{ privateAnswer { counter } }');
      const second = await query('{ privateAnswer { counter } }');
      const counters = [first, second].map((answered) => dataOf<{ privateAnswer: { counter: number } }>(answered).privateAnswer.counter);
      expect(counters[0]).not.toBe(counters[1]);
      expect(hostile().count('/private-answer')).toBe(2);
      for (const answered of [first, second]) {
        expect(answered.headers.get('x-cache')).not.toBe('HIT');
        expect(answered.headers.get('cache-control') ?? '', 'cache-control').not.toMatch(/^public\b/);
      }
    });
  });

  describe('4. redirects: followed on the origin, refused off it', () => {
    it('302 to /plain on the same host is followed: data, and the origin saw 2 requests', async () => {
      expect(dataOf(await query('{ redirectSame { ok where internal } }'))).toEqual({ redirectSame: { ok: true, where: 'plain', internal: null } });
      expect(hostile().requests().map((request) => request.path)).toEqual(['/redirect/same', '/plain']);
      expect(inside().count()).toBe(0);
    });

    it('303 to /plain is followed: data, and the origin saw 2 requests', async () => {
      expect(dataOf(await query('{ redirect303 { ok where internal } }'))).toEqual({ redirect303: { ok: true, where: 'plain', internal: null } });
      expect(hostile().requests().map((request) => request.path)).toEqual(['/redirect/303', '/plain']);
      expect(inside().count()).toBe(0);
    });

    it('302 to another host: ORIGIN_REDIRECT_REFUSED, and the internal service receives nothing (no x-api-key)', async () => {
      const refused = await query('{ redirectOther { ok where internal } }');
      errorWith(refused, 'ORIGIN_REDIRECT_REFUSED');
      expect(refused.body?.data?.redirectOther ?? null).toBeNull();
      expect(refused.text).not.toContain('leaked');
      expect(inside().requests().filter((request) => request.headers['x-api-key'] !== undefined)).toEqual([]);
      expect(inside().count()).toBe(0);
    });

    it('a relation given as a whole URL is followed on the source’s origin, and refused off it: CONNECTOR_URL_REFUSED, the internal service receives nothing', async () => {
      const answered = await query('{ links { followSelf { ok where internal } followOther { ok where internal } } }');
      expect(answered.body?.data).toEqual({ links: { followSelf: { ok: true, where: 'plain', internal: null }, followOther: null } });
      errorWith(answered, 'CONNECTOR_URL_REFUSED');
      expect(answered.text).not.toContain(inside().url);
      expect(answered.text).not.toContain('leaked');
      expect(hostile().requests().map((request) => request.path)).toEqual(['/links', '/plain']);
      expect(inside().count()).toBe(0);
    });

    it('a mutation answered 307 to another host: the internal service receives nothing, the body does not follow', async () => {
      const answered = await query('mutation { redirectPost(value: "card=4111111111111111") { ok where internal } }');
      expect(answered.text).not.toContain('leaked');
      expect(inside().count()).toBe(0);
      expect(hostile().requests().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
        { method: 'POST', path: '/redirect/307-other', body: JSON.stringify({ value: 'card=4111111111111111' }) },
      ]);
    });

    it('302 to itself forever: at most 6 origin requests, and the coded error', async () => {
      const looped = await query('{ redirectLoop { ok } }');
      errorWith(looped, 'ORIGIN_REDIRECT_REFUSED');
      expect(looped.body?.data?.redirectLoop ?? null).toBeNull();
      expect(hostile().count('/redirect/loop')).toBeLessThanOrEqual(6);
      expect(inside().count()).toBe(0);
    });
  });

  describe('5. bodies too large to read', () => {
    it('a gzip bomb (1 MB → 1 GiB): ORIGIN_BODY_TOO_LARGE, one origin request, and the next query still works', async () => {
      const workerd = descendantNamed(served!.child.pid!, 'workerd');
      const before: ProcessMemory | undefined = workerd === undefined ? undefined : memoryOf(workerd);
      const started = performance.now();
      let bombed: Answer | undefined;
      try {
        bombed = await query('{ bomb { ok where } }');
      } finally {
        const ms = performance.now() - started;
        const after = workerd === undefined ? undefined : memoryOf(workerd);
        console.log(
          `[trust-boundary] gzip bomb: answered in ${ms.toFixed(0)} ms (status ${bombed?.status ?? 'none'}, codes ${JSON.stringify(codes(bombed?.body))}); ` +
            `workerd pid ${workerd ?? 'not found'}: VmRSS ${megabytes(before?.rss)} before, ${megabytes(after?.rss)} after; ` +
            `VmHWM (peak) ${megabytes(before?.peakRss)} before, ${megabytes(after?.peakRss)} after; origin saw ${hostile().count('/bomb')} request(s)`,
        );
      }
      errorWith(bombed, 'ORIGIN_BODY_TOO_LARGE');
      expect(bombed.body?.data?.bomb ?? null).toBeNull();
      expect(hostile().count('/bomb')).toBe(1);
      expect(hostile().count()).toBe(1);

      expect(dataOf(await query('{ plain { ok where } }'))).toEqual({ plain: { ok: true, where: 'plain' } });
    });

    it('20 MB of plain JSON: ORIGIN_BODY_TOO_LARGE, one origin request', async () => {
      const started = performance.now();
      const big = await query('{ big { ok } }');
      console.log(`[trust-boundary] /big: answered in ${(performance.now() - started).toFixed(0)} ms, codes ${JSON.stringify(codes(big.body))}`);
      errorWith(big, 'ORIGIN_BODY_TOO_LARGE');
      expect(big.body?.data?.big ?? null).toBeNull();
      expect(hostile().count('/big')).toBe(1);
    });

    it('a body that never ends: ORIGIN_BODY_TOO_LARGE, without a hang', async () => {
      const started = performance.now();
      const endless = await query('{ endless { ok } }');
      console.log(
        `[trust-boundary] /endless: answered in ${(performance.now() - started).toFixed(0)} ms, codes ${JSON.stringify(codes(endless.body))}; ` +
          `the origin wrote ${megabytes(hostile().endlessBytesSent())} in ${hostile().count('/endless')} request(s)`,
      );
      errorWith(endless, 'ORIGIN_BODY_TOO_LARGE');
      expect(endless.body?.data?.endless ?? null).toBeNull();
      expect(hostile().count('/endless')).toBe(1);
    });
  });

  describe('6. the field cache keeps the selection, not the body', () => {
    it('5 MB of which 2 fields are selected, asked by two documents (two response keys): one origin call', async () => {
      const first = await query('{ largeRaw { id name } }');
      expect(dataOf(first)).toEqual({ largeRaw: LARGE_RAW_SELECTED });
      const second = await query('query LargeAgain { largeRaw { name id } }');
      expect(dataOf(second)).toEqual({ largeRaw: LARGE_RAW_SELECTED });
      expect(second.headers.get('x-cache'), 'another document, another response key').not.toBe('HIT');
      expect(hostile().count('/large-raw')).toBe(1);
    });
  });

  describe('7. values the schema cannot hold: ORIGIN_INVALID_VALUE, never "Unexpected error."', () => {
    it('an array nested 100,000 deep', async () => {
      const deep = await query('{ deep { count } }');
      expect(deep.status).toBe(200);
      errorWith(deep, 'ORIGIN_INVALID_VALUE');
      expect(deep.body?.data?.deep ?? null).toBeNull();
      expect(deep.text).not.toContain('Unexpected error.');
    });

    it('{"count": 1e400} for an Int', async () => {
      const huge = await query('{ hugeInt { count } }');
      expect(huge.status).toBe(200);
      errorWith(huge, 'ORIGIN_INVALID_VALUE');
      const value = huge.body?.data?.hugeInt as { count: unknown } | null | undefined;
      expect(value?.count ?? null).toBeNull();
      expect(huge.text).not.toContain('Unexpected error.');
    });

    it('{"count": "unknown"} for an Int', async () => {
      const notInt = await query('{ notInt { count } }');
      expect(notInt.status).toBe(200);
      errorWith(notInt, 'ORIGIN_INVALID_VALUE');
      const value = notInt.body?.data?.notInt as { count: unknown } | null | undefined;
      expect(value?.count ?? null).toBeNull();
      expect(notInt.text).not.toContain('Unexpected error.');
    });
  });

  describe('8. the origin\'s error messages', () => {
    it('a message that names internals does not reach the client; the code stays BAD_USER_INPUT', async () => {
      const leaky = await query('{ leakyError { ok } }');
      const error = errorWith(leaky, 'BAD_USER_INPUT');
      expect(LEAKY_MESSAGE).toContain('10.1.2.3');
      for (const secret of ['10.1.2.3', 'http://', '/srv/app.js', 'at Object']) {
        expect(error.message, `the message shows "${secret}"`).not.toContain(secret);
        expect(leaky.text).not.toContain(secret);
      }
    });

    it('a plain message meant for the caller passes as it is', async () => {
      const plain = await query('{ plainError { ok } }');
      expect(errorWith(plain, 'BAD_USER_INPUT').message).toBe(PLAIN_ERROR_MESSAGE);
    });
  });

  describe('8b. an error the schema maps from the origin\'s body', () => {
    it('keeps its message and code, but an `http` the body names sets neither the status nor a header', async () => {
      const answered = await query('{ mappedError { ok } }');
      expect(answered.status).toBe(200);
      expect(answered.headers.get('set-cookie')).toBeNull();
      expect(answered.headers.get('x-from-origin')).toBeNull();
      expect(answered.body?.data).toEqual({ mappedError: null });
      expect(answered.body?.errors?.[0]?.message).toBe('short and stout');
      expect(answered.body?.errors?.[0]?.extensions).toEqual({ code: 'TEAPOT', message: 'short and stout', status: 400, connector: 'Query.mappedError' });
    });
  });

  describe('9. a 204 with a body anyway', () => {
    it('noContent is null, with no error', async () => {
      const answered = await query('{ noContent { ok where } }');
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual({ data: { noContent: null } });
    });
  });

  describe('10. 429 from the origin', () => {
    it('Retry-After: 30 reaches the client as ORIGIN_RATE_LIMITED; the next query does not reach the origin; 3600 is capped at 60', async () => {
      const first = await query('{ rateLimited { ok } }');
      errorWith(first, 'ORIGIN_RATE_LIMITED');
      expect(first.headers.get('retry-after')).toBe('30');
      expect(limits!.count('/rate-limited')).toBe(1);

      const again = await query('{ rateLimited { ok } }');
      expect(again.body?.data?.rateLimited ?? null).toBeNull();
      errorWith(again, 'ORIGIN_RATE_LIMITED');
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limits!.count('/rate-limited'), 'the hold-off keeps the origin out of reach').toBe(1);

      const long = await query('{ rateLimitedLong { ok } }');
      errorWith(long, 'ORIGIN_RATE_LIMITED');
      expect(long.headers.get('retry-after')).toBe('60');
      expect(limitsLong!.count('/rate-limited-long')).toBe(1);
      expect(hostile().count()).toBe(0);
    });
  });

  describe('11. hostile variables', () => {
    it('variables nested 10,000 deep on a cacheable query: 400 VARIABLES_TOO_DEEP as JSON, with CORS', async () => {
      const LEVELS = 10_000;
      const nested = `${'{"a":'.repeat(LEVELS)}"leaf"${'}'.repeat(LEVELS)}`;
      const body = `{"query":"query Deep($probe: String) { plain { ok } }","variables":{"probe":${nested}}}`;
      const refused = await send({ method: 'POST', headers: { ...JSON_HEADERS, origin: 'https://app.example' }, body });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.headers.get('content-type') ?? '').toMatch(/json/);
      expect(refused.body, refused.text).toBeDefined();
      expect(codes(refused.body)).toContain('VARIABLES_TOO_DEEP');
      expect(refused.headers.get('access-control-allow-origin')).not.toBeNull();
      expect(hostile().count()).toBe(0);
    });

    it('an argument that would climb the path (..) or add a header (a line break): BAD_USER_INPUT, and nothing is sent', async () => {
      const climbing = await query('{ lookup(id: "..", note: "hi") { ok } }');
      errorWith(climbing, 'BAD_USER_INPUT');
      const splitting = await query(`{ lookup(id: "1", note: ${JSON.stringify('hi\r\nx-admin: true')}) { ok } }`);
      errorWith(splitting, 'BAD_USER_INPUT');
      expect(hostile().count()).toBe(0);
    });
  });
});
