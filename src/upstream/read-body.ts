import { UpstreamError, type UpstreamCall } from './upstream-error.ts';

/**
 * An origin answer's body as text, refused past `maxBytes`: at once when its
 * Content-Length says so, else as the bytes arrive. workerd's fetch has
 * already undone the Content-Encoding, so these are the decompressed bytes:
 * a small gzip that expands to gigabytes stops at the limit instead of
 * filling the isolate (128 MB), which `response.text()` would not.
 */
export async function readBody(call: UpstreamCall, response: Response, maxBytes: number): Promise<string> {
  // Absent, it reads as 0.
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new UpstreamError('too-large', call, `Content-Length ${declared} is over ${maxBytes} bytes`, { status: response.status });
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  // Not fatal: a stray invalid byte becomes U+FFFD, as `text()` would make it, and JSON.parse decides.
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      // The rest is never downloaded, nor decompressed; a failing cancel must not hide why.
      await reader.cancel().catch(() => {});
      throw new UpstreamError('too-large', call, `body over ${maxBytes} bytes, decompressed`, { status: response.status });
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
