import { describe, expect, it } from 'vitest';
import { Permits } from '../../../src/single-flight/permits.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('Permits', () => {
  it('has room for up to max unexpired permits; an expired one takes no room', () => {
    const permits = new Permits();
    const now = Date.now();
    permits.grant(now, 1000, {});
    expect(permits.hasRoom(now, 2)).toBe(true);
    permits.grant(now, 5000, {});
    expect(permits.hasRoom(now, 2)).toBe(false);
    expect(permits.hasRoom(now + 1000, 2)).toBe(true);
    // Counted out, yet still held until reaped: its holder may still release it.
    expect(permits.size).toBe(2);
  });

  it('reap drops and answers the expired permits only, with what their owner kept', () => {
    const permits = new Permits<{ probe: boolean }>();
    const now = Date.now();
    const expired = permits.grant(now - 2000, 1000, { probe: true });
    const live = permits.grant(now, 1000, { probe: false });
    expect(permits.reap(now)).toEqual([expired]);
    expect(expired.probe).toBe(true);
    expect([...permits]).toEqual([live]);
  });

  it('release answers the permit once; restore holds a kept one again', () => {
    const permits = new Permits();
    const permit = permits.grant(Date.now(), 1000, {});
    expect(permits.has(permit.id)).toBe(true);
    expect(permits.release(permit.id)).toEqual(permit);
    expect(permits.release(permit.id)).toBeUndefined();
    expect(permits.has(permit.id)).toBe(false);

    permits.restore(permit);
    expect(permits.has(permit.id)).toBe(true);
    permits.clear();
    expect(permits.size).toBe(0);
  });

  it('watchExpiry runs once, when the first permit expires; a second watch while one is set is ignored', async () => {
    const permits = new Permits();
    const start = Date.now();
    permits.grant(start, 200, {});
    permits.grant(start, 60, {});
    const runs: number[] = [];
    permits.watchExpiry(() => runs.push(Date.now() - start));
    permits.watchExpiry(() => runs.push(-1));
    await sleep(20);
    expect(runs).toEqual([]);
    await sleep(100);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeGreaterThanOrEqual(60);
    await sleep(150);
    expect(runs).toHaveLength(1);
  });

  it('watches nothing while no permit is held, and unwatch cancels a watch', async () => {
    const permits = new Permits();
    let runs = 0;
    permits.watchExpiry(() => runs++);
    permits.grant(Date.now(), 30, {});
    permits.watchExpiry(() => runs++);
    permits.unwatch();
    await sleep(60);
    expect(runs).toBe(0);
  });
});
