/**
 * JSON text as Apollo's engine writes it (Rust's serde_json), which differs
 * from `JSON.stringify` for some numbers: for `->jsonStringify`, templates,
 * and the messages that quote a value. Its reading is json-parse.ts.
 */
/**
 * A number as serde_json writes it. Whole numbers within i64/u64 are taken as
 * the integers serde_json holds them as (JavaScript cannot tell `1.0` from
 * `1`) and written whole; other numbers are floats, written in the shortest
 * form that reads back the same, laid out the way Rust's `ryu` does:
 * `0.0025`, `1e-6`, `1.5e300`, `-0.0`.
 */
export function jsonNumberText(n: number): string {
  if (Object.is(n, -0)) return '-0.0';
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return String(n);
  // toExponential() without digits gives the shortest digits that round-trip, as ryu does.
  const scientific = n.toExponential();
  const e = scientific.indexOf('e');
  const sign = n < 0 ? '-' : '';
  const digits = scientific.slice(0, e).replace('-', '').replace('.', '');
  // Where the decimal point falls among the digits (ryu's `kk`).
  const point = Number(scientific.slice(e + 1)) + 1;
  if (point > 0 && point <= 16) {
    // Whole numbers left here are beyond ±2^63, where the point falls past 16: digits follow it.
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  if (point > -5 && point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  const head = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${head}e${point - 1}`;
}

/** A JSON value as serde_json's compact text: no spaces, keys in their order. */
export function jsonText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return jsonNumberText(value);
  // JSON.stringify escapes strings exactly as serde_json does.
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>).map(
    ([key, member]) => `${JSON.stringify(key)}:${jsonText(member)}`,
  );
  return `{${members.join(',')}}`;
}
