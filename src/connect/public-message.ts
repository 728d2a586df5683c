/** Longer messages are not business-rule sentences but dumps: refused whatever they say. */
const MAX_LENGTH = 200;

/**
 * What names the origin's insides: an address to reach it by, a file on it,
 * or a frame of its stack. Each errs on the side of refusing.
 */
const INTERNALS: readonly RegExp[] = [
  // A URL, of any scheme.
  /[a-z][a-z\d+.-]*:\/\//i,
  // An IPv4 address.
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/,
  // An IPv6 address: compressed (`::1`, `fe80::1`), or all eight groups.
  /(?<![\w:])(?:[\da-f]{1,4}(?::[\da-f]{1,4})*)?::(?:[\da-f]{1,4}(?::[\da-f]{1,4})*)?(?![\w:])/i,
  /\b[\da-f]{1,4}(?::[\da-f]{1,4}){7}\b/i,
  // host:port, the host with a letter in it, so that a time such as 10:30 passes.
  /\b(?=[\w.-]*[a-z])[\w-]+(?:\.[\w-]+)*:\d{2,5}\b/i,
  // A file path: /x/y, C:\x, \\server\share.
  /(?:^|[\s"'`(=,:;[])\/[\w.@~-]+\/[\w.@~-]/,
  /\b[a-z]:\\[\w.]/i,
  /\\\\[\w.-]+\\/,
  // A stack frame: `at f (`, an indented `at `, or `file.js:1:1` / `Bar.java:42)`.
  /\bat [^\s()]+ \(/,
  /(?:^|\n)\s+at /,
  /\.[a-z]{1,5}:\d+(?::\d+|\))/i,
];

/**
 * Whether the origin's own error message may reach the client: at most 200
 * characters, naming no URL, IP address, host:port, file path or stack frame.
 * An origin's 400 or 409 message is often the business rule the client needs
 * ("not enough stock"); a debug message tells an attacker where to aim.
 */
export function isPublicOriginMessage(message: string): boolean {
  return message.length <= MAX_LENGTH && !INTERNALS.some((pattern) => pattern.test(message));
}
