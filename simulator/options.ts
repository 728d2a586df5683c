/** Options of `startOrigin`; the CLI maps its flags onto the same names. */
export interface OriginOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  products?: number;
  latencyMs?: number;
  /** Each `/api` delay is latencyMs plus a uniform random offset in [-jitterMs, +jitterMs]. */
  jitterMs?: number;
  /** 0 means unlimited. */
  maxConcurrency?: number;
  /** 0 means a refusal for capacity does not crash the origin. May be fractional. */
  crashSeconds?: number;
}

export type OriginConfig = Required<OriginOptions>;

export type NumericOption = Exclude<keyof OriginOptions, 'host'>;

export const DEFAULT_CONFIG: OriginConfig = {
  port: 0,
  host: '127.0.0.1',
  products: 1000,
  latencyMs: 300,
  jitterMs: 0,
  maxConcurrency: 0,
  crashSeconds: 0,
};

const LIMITS: Record<NumericOption, { min: number; max: number; integer: boolean }> = {
  port: { min: 0, max: 65_535, integer: true },
  products: { min: 1, max: 100_000, integer: true },
  latencyMs: { min: 0, max: 600_000, integer: true },
  jitterMs: { min: 0, max: 600_000, integer: true },
  maxConcurrency: { min: 0, max: 1_000_000, integer: true },
  crashSeconds: { min: 0, max: 3_600, integer: false },
};

/** Returns the value if it is allowed for the option, else throws a RangeError naming `label`. */
export function checkOption(name: NumericOption, value: number, label: string = name): number {
  const { min, max, integer } = LIMITS[name];
  if ((integer ? Number.isInteger(value) : Number.isFinite(value)) && value >= min && value <= max) return value;
  throw new RangeError(`${label} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
}

export function resolveOptions(options: OriginOptions): OriginConfig {
  const config = { ...DEFAULT_CONFIG };
  for (const name of Object.keys(LIMITS) as NumericOption[]) {
    const value = options[name];
    if (value !== undefined) config[name] = checkOption(name, value);
  }
  if (options.host !== undefined) {
    if (options.host === '') throw new RangeError('host must not be empty');
    config.host = options.host;
  }
  return config;
}
