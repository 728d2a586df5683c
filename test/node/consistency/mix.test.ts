import { describe, expect, it } from 'vitest';
import { createMix, type Step } from '../../../bench/consistency/mix.ts';

const steps = (n: number): Step[] => {
  const next = createMix({ isolates: 4, products: 20, users: 5 });
  return Array.from({ length: n }, next);
};

describe('the consistency mix', () => {
  it('is the same on every run', () => {
    expect(steps(200)).toEqual(steps(200));
  });

  it('writes values that only grow, above every seeded stock', () => {
    const values = steps(2000).flatMap((step) => (step.kind === 'write' ? [step.available] : []));
    expect(values.length).toBeGreaterThan(100);
    expect(values[0]).toBeGreaterThan(500);
    values.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(values[i]!));
  });

  it('sends every kind of request through every isolate, and purges in every form, hard and soft', () => {
    const all = steps(5000);
    const kinds = new Set(all.map((step) => `${step.kind} ${step.isolate}`));
    for (const kind of ['read', 'private', 'write', 'purge']) for (const isolate of [0, 1, 2, 3]) expect(kinds).toContain(`${kind} ${isolate}`);
    const purges = new Set(all.flatMap((step) => (step.kind === 'purge' ? [`${Object.keys(step.body).find((key) => key !== 'soft')} ${step.body.soft}`] : [])));
    expect([...purges].sort()).toEqual(['all false', 'all true', 'entities false', 'entities true', 'types false', 'types true']);
    const fields = new Set(all.flatMap((step) => (step.kind === 'private' ? [`${step.field} ${step.isolate} ${step.user}`] : [])));
    for (const field of ['viewer', 'me']) for (const isolate of [0, 1, 2, 3]) for (const user of ['u1', 'u2', 'u3', 'u4', 'u5']) expect(fields).toContain(`${field} ${isolate} ${user}`);
  });

  it('sends its kinds in the documented proportions', () => {
    const all = steps(20_000);
    const share = (match: (step: Step) => boolean) => all.filter(match).length / all.length;
    const expected: [string, (step: Step) => boolean, number][] = [
      ['public reads', (step) => step.kind === 'read', 0.65],
      ['viewer reads', (step) => step.kind === 'private' && step.field === 'viewer', 0.1],
      ['me reads', (step) => step.kind === 'private' && step.field === 'me', 0.05],
      ['writes', (step) => step.kind === 'write', 0.13],
      ['purges', (step) => step.kind === 'purge', 0.07],
    ];
    for (const [what, match, proportion] of expected) expect(Math.abs(share(match) - proportion), what).toBeLessThan(0.01);
  });
});
