import { once } from 'node:events';
import { createGzip } from 'node:zlib';

/**
 * The hostile origin's large bodies, built once per process and shared by
 * every instance: building the bomb costs about 2 s of CPU.
 */

/** What the bomb expands to: 1 GiB of zeros. */
export const BOMB_EXPANDED_BYTES = 1024 * 1024 * 1024;
/** /big's plain JSON body, about 20 MB. */
export const BIG_BYTES = 20 * 1024 * 1024;
/** /large-raw's JSON body, about 5 MB, of which the schema selects `id` and `name`. */
export const LARGE_RAW_BYTES = 5 * 1024 * 1024;
/** How deep /deep's array is nested. */
export const DEEP_LEVELS = 100_000;

/** The identity of /large-raw, as the schema selects it. */
export const LARGE_RAW_SELECTED = { id: 'large-1', name: 'Large but mostly ignored' };

/**
 * A gzip stream (level 9) of BOMB_EXPANDED_BYTES zeros, about 1 MB. The
 * zeros are one 1 MiB buffer written over and over, with backpressure, so
 * the 1 GiB never exists in memory: only the compressed bytes are kept.
 */
async function gzipOfZeros(expandedBytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const compressed: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
  const ended = once(gzip, 'end');
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < expandedBytes; written += zeros.length) {
    if (!gzip.write(zeros)) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return Buffer.concat(compressed);
}

/** `{"ok":true,"where":<where>,"pad":"xxxx..."}` of about `bytes` bytes. */
function paddedJson(where: string, bytes: number): Buffer {
  const head = `{"ok":true,"where":${JSON.stringify(where)},"pad":"`;
  return Buffer.from(`${head}${'x'.repeat(Math.max(0, bytes - head.length - 2))}"}`);
}

/** A JSON object of about `bytes` bytes: the two selected fields, then many records nobody asked for. */
function largeRawJson(bytes: number): Buffer {
  const record = (i: number) => JSON.stringify({ index: i, label: `unselected record ${i}`, filler: 'f'.repeat(64) });
  const each = record(0).length + 1;
  const records = Array.from({ length: Math.ceil(bytes / each) }, (_, i) => record(i));
  return Buffer.from(`{"id":${JSON.stringify(LARGE_RAW_SELECTED.id)},"name":${JSON.stringify(LARGE_RAW_SELECTED.name)},"records":[${records.join(',')}]}`);
}

export interface HostileBodies {
  /** Gzip bytes, sent with `Content-Encoding: gzip`. */
  bomb: Buffer;
  big: Buffer;
  largeRaw: Buffer;
  /** `[[[...]]]`, DEEP_LEVELS deep. */
  deep: Buffer;
}

let built: Promise<HostileBodies> | undefined;

/** The bodies, built on first use. */
export function hostileBodies(): Promise<HostileBodies> {
  return (built ??= gzipOfZeros(BOMB_EXPANDED_BYTES).then((bomb) => ({
    bomb,
    big: paddedJson('big', BIG_BYTES),
    largeRaw: largeRawJson(LARGE_RAW_BYTES),
    deep: Buffer.from(`${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)}`),
  })));
}
