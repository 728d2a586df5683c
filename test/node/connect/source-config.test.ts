import { describe, expect, it } from 'vitest';
import { resolveSourceConfig } from '../../../src/connect/source-config.ts';

const sources = [
  { name: 'stripe', baseURL: 'https://api.stripe.com', headers: [] },
  { name: 'legacy-billing', baseURL: 'https://billing.example.com', headers: [] },
];

describe('$config per source, from CONFIG_ vars and secrets', () => {
  it('gives every source the unclaimed values, and each its own over them, never another source’s', () => {
    const config = resolveSourceConfig(sources, {
      connectorConfig: { region: 'eu', apiKey: 'shared-key', STRIPE_apiKey: 'sk_test', LEGACY_BILLING_apiKey: 'bill-key', LEGACY_BILLING_tenant: 'acme' },
    });
    expect(config.get('stripe')).toEqual({ region: 'eu', apiKey: 'sk_test' });
    expect(config.get('legacy-billing')).toEqual({ region: 'eu', apiKey: 'bill-key', tenant: 'acme' });
  });

  it('is empty without CONFIG_ vars', () => {
    expect(resolveSourceConfig(sources, { connectorConfig: {} }).get('stripe')).toEqual({});
  });
});
