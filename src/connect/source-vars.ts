/** The vars that name one source's settings: `legacy-shop` is `ORIGIN_URL_LEGACY_SHOP` and `CONFIG_LEGACY_SHOP_<key>`. */

/** A source name as a var's suffix: upper-cased, every other character `_`. */
export function sourceVarSuffix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** The var that sets a source's base URL. */
export function baseUrlVar(name: string): string {
  return `ORIGIN_URL_${sourceVarSuffix(name)}`;
}
