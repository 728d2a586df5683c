import { describe, expect, it } from 'vitest';
import { resolveBaseUrls } from '../../../src/connect/base-urls.ts';
import { readConfig } from '../../../src/config.ts';

const one = [{ name: 'shop', baseURL: 'http://127.0.0.1:4010', headers: [] }];
const two = [...one, { name: 'legacy-billing', baseURL: 'https://billing.example.com', headers: [] }];
const urls = (sources: typeof one, vars: Record<string, string>) => Object.fromEntries(resolveBaseUrls(sources, readConfig(vars)));

describe('base URLs from ORIGIN_URL and ORIGIN_URL_<SOURCE>', () => {
  it('takes the @source baseURL when nothing overrides it', () => {
    expect(urls(one, {})).toEqual({ shop: 'http://127.0.0.1:4010' });
  });

  it('ORIGIN_URL overrides the only source', () => {
    expect(urls(one, { ORIGIN_URL: 'https://shop.example.com/' })).toEqual({ shop: 'https://shop.example.com' });
  });

  it('ORIGIN_URL_<SOURCE> names one of several; ORIGIN_URL may fill the one left', () => {
    expect(urls(two, { ORIGIN_URL_LEGACY_BILLING: 'http://10.0.0.2:81' })).toEqual({ shop: 'http://127.0.0.1:4010', 'legacy-billing': 'http://10.0.0.2:81' });
    expect(urls(two, { ORIGIN_URL_LEGACY_BILLING: 'http://10.0.0.2:81', ORIGIN_URL: 'http://10.0.0.1' })).toEqual({ shop: 'http://10.0.0.1', 'legacy-billing': 'http://10.0.0.2:81' });
  });

  it('refuses to start on an ambiguous ORIGIN_URL, a var naming no source, or a URL that is not http(s)', () => {
    expect(() => urls(two, { ORIGIN_URL: 'http://10.0.0.1' })).toThrow('[config] ORIGIN_URL is set but the schema has 2 sources without their own var: set ORIGIN_URL_SHOP, ORIGIN_URL_LEGACY_BILLING instead');
    expect(() => urls(one, { ORIGIN_URL_BLOG: 'http://10.0.0.1' })).toThrow('[config] ORIGIN_URL_BLOG names no @source (sources: shop)');
    expect(() => urls(one, { ORIGIN_URL: 'ftp://x' })).toThrow('[config] ORIGIN_URL must be an http(s) URL, got "ftp://x"');
  });
});
