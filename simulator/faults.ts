import type { OriginFault, OriginFaultMode } from './types.ts';
import { OriginError } from './errors.ts';
import { isRecord, parseJson } from './http.ts';
import { isIntegerAtLeast } from './params.ts';

export const NO_FAULT: OriginFault = { mode: 'none' };

const MODES: readonly OriginFaultMode[] = ['none', 'down', 'error', 'hang', 'slow', 'malformed', 'reset'];

function isMode(value: unknown): value is OriginFaultMode {
  return MODES.some((mode) => mode === value);
}

/** Parses the body of `POST /__origin/faults`; `latencyMs` is required for `slow` and ignored otherwise. */
export function parseFault(body: string): OriginFault {
  const input = parseJson(body);
  if (!isRecord(input) || !isMode(input.mode)) {
    throw new OriginError('BAD_REQUEST', `body must be { "mode": ${MODES.map((mode) => `"${mode}"`).join(' | ')} }`);
  }
  if (input.mode !== 'slow') return { mode: input.mode };
  if (!isIntegerAtLeast(input.latencyMs, 0)) {
    throw new OriginError('BAD_REQUEST', 'mode "slow" needs latencyMs, an integer >= 0');
  }
  return { mode: 'slow', latencyMs: input.latencyMs };
}

/** Half of a JSON object's text is never valid JSON: its closing brace is gone. */
export function truncateJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
