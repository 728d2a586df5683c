/** The benchmark's outputs: the JSON, the Markdown tables and the SVG chart. */
import type { ScenarioResult } from './scenarios.ts';
import type { SystemName } from './systems.ts';

export interface Results {
  machine: Record<string, string | number>;
  quick: boolean;
  scenarios: Record<string, ScenarioResult>;
  ratios: Record<string, number | null>;
}

const SYSTEMS: SystemName[] = ['gateway', 'yoga-node', 'apollo-node', 'origin', 'ceiling'];

const COLUMNS: Record<string, [string, string][]> = {
  hot: [['rps', 'served/s'], ['p50Ms', 'p50 ms'], ['p99Ms', 'p99 ms'], ['errors', 'errors']],
  stampede: [['originCalls', 'origin calls (cold)'], ['p99Ms', 'p99 ms (cold)'], ['expiredOriginCalls', 'origin calls (expired)'], ['expiredP99Ms', 'p99 ms (expired)'], ['errors', 'errors']],
  spike: [['rps', 'served/s at 5,000 offered'], ['peakP99Ms', 'p99 ms at 5,000'], ['errorRate', 'error rate'], ['p99Ms', 'worst step p99 ms'], ['originMaxInFlight', 'origin maxInFlight'], ['originRejected', 'origin rejected'], ['offload', 'origin offload']],
  outage: [['successRate', 'success rate'], ['stale', 'stale answers'], ['requests', 'requests'], ['p99Ms', 'p99 ms']],
  nplus1: [['originCalls', 'origin calls']],
};

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Number((a / b).toFixed(2)) : null);

export function ratiosOf(scenarios: Record<string, ScenarioResult>): Record<string, number | null> {
  const { hot = {}, spike = {}, stampede = {}, outage = {} } = scenarios;
  return {
    hotGatewayVsYoga: ratio(hot.gateway?.rps, hot['yoga-node']?.rps),
    hotGatewayVsApollo: ratio(hot.gateway?.rps, hot['apollo-node']?.rps),
    hotGatewayVsCeiling: ratio(hot.gateway?.rps, hot.ceiling?.rps),
    hotGatewayVsOrigin: ratio(hot.gateway?.rps, hot.origin?.rps),
    spikeGatewayRps: spike.gateway?.rps ?? null,
    spikeGatewayVsCeiling: ratio(spike.gateway?.rps, hot.ceiling?.rps),
    spikeGatewayOffload: spike.gateway?.offload ?? null,
    stampedeGatewayColdOriginCalls: stampede.gateway?.originCalls ?? null,
    stampedeGatewayExpiredOriginCalls: stampede.gateway?.expiredOriginCalls ?? null,
    outageGatewaySuccessRate: outage.gateway?.successRate ?? null,
  };
}

export function markdown(results: Results): string {
  const lines = [`Machine: ${Object.entries(results.machine).map(([k, v]) => `${k} ${v}`).join(', ')}${results.quick ? ' (quick run)' : ''}`, ''];
  for (const [scenario, columns] of Object.entries(COLUMNS)) {
    const rows = results.scenarios[scenario];
    if (!rows) continue;
    lines.push(`### ${scenario}`, '', `| system | ${columns.map(([, title]) => title).join(' | ')} |`, `| --- |${' ---: |'.repeat(columns.length)}`);
    for (const system of SYSTEMS) {
      const row = rows[system];
      if (row) lines.push(`| ${system} | ${columns.map(([key]) => format(row[key])).join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('### ratios', '', '| ratio | value |', '| --- | ---: |');
  for (const [name, value] of Object.entries(results.ratios)) lines.push(`| ${name} | ${format(value ?? undefined)} |`);
  return `${lines.join('\n')}\n`;
}

function format(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/** Two panels: hot requests/s with p99 per system, and origin calls per system in the stampede. */
export function chart(results: Results): string {
  const hot = results.scenarios.hot ?? {};
  const stampede = results.scenarios.stampede ?? {};
  const width = 920;
  const bars = (title: string, x0: number, items: [string, number, string][]) => {
    const max = Math.max(1, ...items.map(([, value]) => value));
    const out = [`<text x="${x0}" y="24" font-size="15" font-weight="bold">${title}</text>`];
    items.forEach(([label, value, note], i) => {
      const y = 44 + i * 34;
      const length = Math.max(2, (value / max) * 170);
      out.push(
        `<text x="${x0}" y="${y + 16}" font-size="12">${label}</text>`,
        `<rect x="${x0 + 90}" y="${y}" width="${length.toFixed(1)}" height="22" fill="${label === 'gateway' ? '#f6821f' : '#8a94a6'}"/>`,
        `<text x="${(x0 + 96 + length).toFixed(1)}" y="${y + 16}" font-size="12">${note}</text>`,
      );
    });
    return out.join('\n');
  };
  const hotItems = SYSTEMS.filter((s) => hot[s]?.rps !== undefined).map(
    (s): [string, number, string] => [s, hot[s]?.rps ?? 0, `${format(hot[s]?.rps)}/s, p99 ${format(hot[s]?.p99Ms)} ms`],
  );
  const stampedeItems = SYSTEMS.filter((s) => stampede[s]).map((s): [string, number, string] => {
    const cold = stampede[s]?.originCalls ?? 0;
    const expired = stampede[s]?.expiredOriginCalls ?? 0;
    return [s, cold + expired, `${format(cold)} cold + ${format(expired)} expired`];
  });
  const height = 60 + 34 * Math.max(hotItems.length, stampedeItems.length);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    bars('hot: requests/s (p99)', 10, hotItems),
    bars('stampede: origin calls for 500 requests', 470, stampedeItems),
    '</svg>',
    '',
  ].join('\n');
}
