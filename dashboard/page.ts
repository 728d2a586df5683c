/**
 * The dashboard page's script: reads the chosen range's analytics from
 * /admin/dashboard/data every 10 s and shows them, figures in the elements
 * named by data-testid, charts drawn by uPlot (a global: its own script,
 * served beside this one).
 */
import type { Range, WindowRead } from '../src/analytics/analytics.ts';
import { REQUEST_STATES } from '../src/analytics/snapshot.ts';
import { figuresOf, type Figures, type Series } from './figures.ts';

const REFRESH_MS = 10_000;
const RANGES: Range[] = ['15m', '1h', '1d'];
const STATE_COLORS = { HIT: '#2e9d5b', STALE: '#d99a1e', MISS: '#3b73c4', BYPASS: '#8a93a6', REFUSED: '#c8443a' } as const;

const count = (n: number) => n.toLocaleString('en-US');
const rate = (n: number) => n.toLocaleString('en-US', { maximumSignificantDigits: 3 });
const percent = (ratio: number | null) => (ratio === null ? '–' : `${(ratio * 100).toFixed(1)}%`);
const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

function show(testid: string, text: string): void {
  const element = document.querySelector(`[data-testid="${testid}"]`);
  if (element) element.textContent = text;
}

/** Replaces a table's body (or a list) with one row per entry, each cell text. */
function fill(testid: string, rows: string[][]): void {
  const container = document.querySelector(`[data-testid="${testid}"]`);
  const body = container?.querySelector('tbody') ?? container;
  if (!body) return;
  body.replaceChildren(
    ...rows.map((cells) => {
      if (body.tagName === 'UL') return Object.assign(document.createElement('li'), { textContent: cells[0] ?? '' });
      const row = document.createElement('tr');
      row.append(...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
      return row;
    }),
  );
}

function showFigures(figures: Figures): void {
  show('requests', count(figures.total));
  show('requests-per-second', rate(figures.requestsPerSecond));
  for (const state of REQUEST_STATES) show(`requests-${state}`, count(figures.requests[state]));
  show('hit-ratio', percent(figures.hitRatio));
  show('origin-calls', count(figures.originCalls));
  show('origin-calls-per-second', rate(figures.originCallsPerSecond));
  show('offload', percent(figures.offload));
  show('latency-p50', ms(figures.latency.p50));
  show('latency-p95', ms(figures.latency.p95));
  show('latency-p99', ms(figures.latency.p99));
  show('stale-on-failure', count(figures.staleOnFailure));
  show('dropped', count(figures.dropped));
  const operationRow = (row: Figures['operationsByCount'][number]) => [row.name, count(row.count), count(row.errors), ms(row.p50), ms(row.p95)];
  fill('operations-by-count', figures.operationsByCount.map(operationRow));
  fill('operations-by-latency', figures.operationsByLatency.map(operationRow));
  fill(
    'connectors',
    figures.connectors.map((row) => [row.coordinate, count(row.calls), count(row.errors), ms(row.p50), ms(row.p95), row.cached ? percent(row.fieldHitRatio) : 'not cached']),
  );
  fill('errors', figures.errors.map(([code, n]) => [code, count(n)]));
  fill('never-hit', figures.neverHit.length ? figures.neverHit.map((coordinate) => [coordinate]) : [['none']]);
}

/** One chart: made on the first data, given new data after. */
interface Chart {
  testid: string;
  options(width: number): uPlot.Options;
  data(series: Series): uPlot.AlignedData;
  plot?: uPlot;
}

const line = (label: string, stroke: string, extra: Partial<uPlot.Series> = {}): uPlot.Series => ({ label, stroke, width: 1.5, spanGaps: false, ...extra });

function chartOptions(width: number, series: uPlot.Series[]): uPlot.Options {
  return { width, height: 220, series: [{}, ...series], scales: { x: { time: true } }, axes: [{}, { size: 56 }] };
}

/**
 * Stacked by cumulating the states in order and drawing the largest sum
 * first, each filled, so that every state shows as its own band; the legend
 * shows each state's own rate.
 */
let stackedFrom: Series | undefined;
const stackOrder = [...REQUEST_STATES].reverse();
function stacked(series: Series): uPlot.AlignedData {
  stackedFrom = series;
  return [
    series.at,
    ...stackOrder.map((_, i) => series.at.map((__, at) => REQUEST_STATES.slice(0, REQUEST_STATES.length - i).reduce((sum, state) => sum + series.perSecond[state][at]!, 0))),
  ];
}

const charts: Chart[] = [
  {
    testid: 'chart-requests',
    options: (width) =>
      chartOptions(
        width,
        stackOrder.map((state) =>
          line(state, STATE_COLORS[state], { fill: `${STATE_COLORS[state]}cc`, value: (_plot, _value, _series, at) => (stackedFrom && at !== null ? rate(stackedFrom.perSecond[state][at] ?? 0) : '–') }),
        ),
      ),
    data: stacked,
  },
  {
    testid: 'chart-origin',
    options: (width) => chartOptions(width, [line('requests/s', '#3b73c4'), line('origin calls/s', '#c8443a')]),
    data: (series) => [series.at, series.requestsPerSecond, series.originPerSecond],
  },
  {
    testid: 'chart-latency',
    // Points as well: a slot with traffic between empty ones has no line to draw.
    options: (width) => chartOptions(width, (['p50', 'p95', 'p99'] as const).map((label, i) => line(label, ['#2e9d5b', '#d99a1e', '#c8443a'][i]!, { points: { show: true, size: 4 } }))),
    data: (series) => [series.at, series.p50, series.p95, series.p99],
  },
  {
    testid: 'chart-trouble',
    options: (width) => chartOptions(width, [line('stale on failure/s', '#d99a1e'), line('errors/s', '#c8443a')]),
    data: (series) => [series.at, series.staleOnFailurePerSecond, series.errorsPerSecond],
  },
];

function draw(series: Series): void {
  for (const chart of charts) {
    const target = document.querySelector<HTMLElement>(`[data-testid="${chart.testid}"]`);
    if (!target) continue;
    if (chart.plot) chart.plot.setData(chart.data(series));
    else chart.plot = new uPlot(chart.options(target.clientWidth || 480), chart.data(series), target);
  }
}

function widthsChanged(): void {
  for (const chart of charts) {
    const target = document.querySelector<HTMLElement>(`[data-testid="${chart.testid}"]`);
    if (chart.plot && target) chart.plot.setSize({ width: target.clientWidth, height: 220 });
  }
}

let range: Range = RANGES.find((each) => each === new URLSearchParams(location.search).get('range')) ?? '15m';

async function refresh(): Promise<void> {
  const asked = range;
  try {
    const response = await fetch(`/admin/dashboard/data?range=${asked}`, { credentials: 'same-origin', cache: 'no-store' });
    // The session ended (the token changed): the page itself shows the login form.
    if (response.status === 401) return location.assign('/admin/dashboard');
    if (!response.ok) throw new Error(`${response.status} ${((await response.json()) as { error?: string }).error ?? ''}`);
    const read = (await response.json()) as WindowRead;
    if (asked !== range) return;
    const figures = figuresOf(read);
    showFigures(figures);
    draw(figures.series);
    show('status', `Updated ${new Date().toLocaleTimeString('en-GB')} · ${read.resolutionMs / 1000} s resolution`);
  } catch (error) {
    show('status', `Could not read the analytics (${error instanceof Error ? error.message : String(error)}); trying again in ${REFRESH_MS / 1000} s.`);
  }
}

function choose(next: Range): void {
  range = next;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-range]')) button.setAttribute('aria-pressed', String(button.dataset.range === range));
  history.replaceState(null, '', `?range=${range}`);
  void refresh();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-range]')) button.addEventListener('click', () => choose(button.dataset.range as Range));
addEventListener('resize', widthsChanged);
choose(range);
setInterval(() => void refresh(), REFRESH_MS);
