/** The benchmark's outputs: the JSON, the Markdown tables and the SVG chart. */
import { atRate, OFFERED_RATES, type Measure, type ScenarioResult } from './scenarios.ts';
import { GRAPHQL_SYSTEMS, type SystemName } from './systems.ts';

export interface Results {
  machine: Record<string, string | number>;
  /** What saturated `hot` and `hot-get`: `wrk 4.1.0`, or `autocannon 9.0.0` without wrk on PATH. */
  generator: string;
  quick: boolean;
  scenarios: Record<string, ScenarioResult>;
  ratios: Record<string, number | null>;
}

const SYSTEMS: SystemName[] = [...GRAPHQL_SYSTEMS, 'origin', 'ceiling'];

type Columns = [key: string, title: string][];

const SATURATION: Columns = [['rps', 'served/s'], ['p50Ms', 'p50 ms'], ['p99Ms', 'p99 ms'], ['p999Ms', 'p99.9 ms'], ['errors', 'errors'], ['cpuMsPerRequest', 'CPU ms/request']];

/** Each scenario's table, in order; `rate` has a row per system and offered rate. */
const COLUMNS: Record<string, Columns> = {
  hot: SATURATION,
  'hot-get': SATURATION,
  rate: [...SATURATION, ['sendLagP99Ms', 'send lag p99 ms']],
  stampede: [['originCalls', 'origin calls (cold)'], ['p99Ms', 'p99 ms (cold)'], ['expiredOriginCalls', 'origin calls (expired)'], ['expiredP99Ms', 'p99 ms (expired)'], ['errors', 'errors']],
  spike: [
    ['rps', 'served/s at 5,000 offered'],
    ['peakP99Ms', 'p99 ms at 5,000'],
    ['errorRate', 'error rate'],
    ['p99Ms', 'worst step p99 ms'],
    ['originMaxInFlight', 'origin maxInFlight'],
    ['originRejected', 'origin rejected'],
    ['offload', 'origin offload'],
    ['requests', 'requests answered'],
    ['sent', 'requests sent'],
    ['dashboardRequests', 'dashboard requests'],
    ['originCalls', 'origin calls'],
    ['dashboardOriginCalls', 'dashboard origin calls'],
  ],
  outage: [['successRate', 'success rate'], ['stale', 'stale answers'], ['requests', 'requests'], ['p99Ms', 'p99 ms']],
  nplus1: [['originCalls', 'origin calls']],
  mapping: [['items', 'items'], ['outputFields', 'output fields'], ['methodCallsPerItem', 'method calls/item'], ['mappingUsPerItem', 'mapping µs/item'], ['closuresUsPerItem', 'closures alone µs/item'], ['handWrittenUsPerItem', 'hand-written µs/item'], ['ratio', 'ratio (target ≤ 2)']],
  soak: [
    ['requests', 'requests'],
    ['errors', 'errors'],
    ['heapFirstMiB', 'retained heap MiB at 10 s'],
    ['heapLastMiB', 'at end'],
    ['flat', 'flat (end ≤ 10 s + 10%)'],
    ['heapLastByIsolate', 'at end, by isolate'],
    ['rssFirstMiB', 'RSS MiB at start'],
    ['rssAt10sMiB', 'at 10 s'],
    ['rssLastMiB', 'at end'],
  ],
  'analytics-cpu': [['cpuMsPerRequestOn', 'CPU ms/request, analytics on'], ['cpuMsPerRequestOff', 'off'], ['onVsOff', 'on/off, median of rounds (target ≤ 1.05)'], ['roundRatios', 'each round'], ['recordUsPerHit', 'µs to record a hit'], ['recordShareOfHit', 'its share of a hit, off'], ['rpsOn', 'served/s on'], ['rpsOff', 'served/s off']],
  consistency: [['isolates', 'isolates'], ['durationS', 'seconds'], ['reads', 'reads'], ['privateReads', 'private reads'], ['writes', 'writes'], ['purges', 'purges'], ['failed', 'failed'], ['boundMs', 'bound ms'], ['violations', 'violations']],
};

const numberAt = (measure: Measure | undefined, key: string) => (typeof measure?.[key] === 'number' ? measure[key] : undefined);

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Number((a / b).toPrecision(3)) : null);

export function ratiosOf(scenarios: Record<string, ScenarioResult>): Record<string, number | null> {
  const { hot = {}, 'hot-get': hotGet = {}, rate = {}, spike = {}, stampede = {}, outage = {}, mapping = {}, 'analytics-cpu': analyticsCpu = {} } = scenarios;
  const p99At5000 = (system: SystemName) => numberAt(rate[system], atRate('p99Ms', 5000));
  return {
    hotGatewayVsCeiling: ratio(hot.gateway?.rps, hot.ceiling?.rps),
    hotGatewayVsApollo: ratio(hot.gateway?.rps, hot['apollo-node']?.rps),
    hotGatewayVsYogaWorkers: ratio(hot.gateway?.rps, hot['yoga-workers']?.rps),
    hotGatewayVsYogaNode: ratio(hot.gateway?.rps, hot['yoga-node']?.rps),
    hotGatewayVsOrigin: ratio(hot.gateway?.rps, hot.origin?.rps),
    rateP99At5000GatewayVsApollo: ratio(p99At5000('gateway'), p99At5000('apollo-node')),
    cpuPerHitGatewayVsCeiling: ratio(hot.gateway?.cpuMsPerRequest, hot.ceiling?.cpuMsPerRequest),
    hotGetVsHotGateway: ratio(hotGet.gateway?.rps, hot.gateway?.rps),
    spikeGatewayRps: spike.gateway?.rps ?? null,
    spikeGatewayVsCeiling: ratio(spike.gateway?.rps, hot.ceiling?.rps),
    spikeGatewayOffload: numberAt(spike.gateway, 'offload') ?? null,
    stampedeGatewayColdOriginCalls: stampede.gateway?.originCalls ?? null,
    stampedeGatewayExpiredOriginCalls: numberAt(stampede.gateway, 'expiredOriginCalls') ?? null,
    outageGatewaySuccessRate: numberAt(outage.gateway, 'successRate') ?? null,
    mappingVsHandWritten: numberAt(mapping.gateway, 'ratio') ?? null,
    analyticsCpuOnVsOff: numberAt(analyticsCpu.gateway, 'onVsOff') ?? null,
  };
}

function format(value: number | string | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return Number.isInteger(value) || Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(value);
}

/** A scenario's rows: the label cells, then one cell per column; a system that could not take part says why. */
function rowsOf(scenario: string, result: ScenarioResult, columns: Columns): string[][] {
  const rows: string[][] = [];
  for (const system of SYSTEMS) {
    const measure = result[system];
    if (!measure) continue;
    const offered = scenario === 'rate' ? OFFERED_RATES : [undefined];
    for (const rate of offered) {
      const labels = rate === undefined ? [system] : [system, format(rate)];
      const cells = measure.failure
        ? [`could not run: ${format(measure.failure)}`, ...columns.slice(1).map(() => '—')]
        : columns.map(([key]) => format(measure[rate === undefined ? key : atRate(key, rate)]));
      rows.push([...labels, ...cells]);
    }
  }
  return rows;
}

export function markdown(results: Results): string {
  const machine = Object.entries(results.machine).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [`Machine: ${machine}; saturation load: ${results.generator}${results.quick ? ' (quick run)' : ''}`, ''];
  for (const [scenario, columns] of Object.entries(COLUMNS)) {
    const result = results.scenarios[scenario];
    if (!result) continue;
    const titles = [...(scenario === 'rate' ? ['system', 'offered/s'] : ['system']), ...columns.map(([, title]) => title)];
    lines.push(`### ${scenario}`, '', `| ${titles.join(' | ')} |`, `| --- |${' ---: |'.repeat(titles.length - 1)}`);
    for (const row of rowsOf(scenario, result, columns)) lines.push(`| ${row.join(' | ')} |`);
    const violations = result.gateway?.firstViolations;
    if (scenario === 'consistency' && typeof violations === 'string') lines.push('', `First violations: ${violations}`);
    lines.push('');
  }
  lines.push('### ratios', '', '| ratio | value |', '| --- | ---: |');
  for (const [name, value] of Object.entries(results.ratios)) lines.push(`| ${name} | ${format(value ?? undefined)} |`);
  return `${lines.join('\n')}\n`;
}

type Bar = [label: string, value: number, note: string];

function panel(title: string, x0: number, items: Bar[]): string {
  const max = Math.max(Number.MIN_VALUE, ...items.map(([, value]) => value));
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
}

/** The systems with a number at `key`, as bars. */
function bars(result: ScenarioResult | undefined, systems: SystemName[], key: string, note: (value: number, measure: Measure) => string): Bar[] {
  return systems.flatMap((system) => {
    const measure = result?.[system];
    const value = numberAt(measure, key);
    return measure && value !== undefined ? [[system, value, note(value, measure)]] : [];
  });
}

/** Three panels: served/s in `hot`, p99 at 5,000/s offered in `rate`, and CPU ms per request in `hot`. */
export function chart(results: Results): string {
  const { hot, rate } = results.scenarios;
  const served = bars(hot, SYSTEMS, 'rps', (rps, m) => `${format(rps)}/s, p99 ${format(m.p99Ms)} ms`);
  const p99At5000 = bars(rate, SYSTEMS, atRate('p99Ms', 5000), (p99, m) => `${format(p99)} ms (${format(m[atRate('rps', 5000)])}/s)`);
  // The origin's answers in `hot` are nearly all refusals: its CPU per answer is no peer's.
  const cpu = bars(hot, SYSTEMS.filter((s) => s !== 'origin'), 'cpuMsPerRequest', (ms) => `${format(ms)} ms`);
  const height = 60 + 34 * Math.max(served.length, p99At5000.length, cpu.length);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="1380" height="${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    panel('hot: served requests/s (p99)', 10, served),
    panel('rate: p99 ms at 5,000/s offered (lower is better)', 470, p99At5000),
    panel('hot: CPU ms per request (lower is better)', 930, cpu),
    '</svg>',
    '',
  ].join('\n');
}
