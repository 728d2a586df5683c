import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/config.ts';

/** OTLP_ENDPOINT, OTLP_HEADERS and OTLP_SERVICE_NAME as readConfig reads them: off unless the endpoint is set. */
describe('the OTLP vars', () => {
  it('leave the exporter off when OTLP_ENDPOINT is unset or empty, whatever else is set', () => {
    expect(readConfig({}).otlp).toBeUndefined();
    expect(readConfig({ OTLP_ENDPOINT: '', OTLP_HEADERS: 'a=b', OTLP_SERVICE_NAME: 'x' }).otlp).toBeUndefined();
  });

  it('give the endpoint without a trailing slash, the service name its default, no headers', () => {
    expect(readConfig({ OTLP_ENDPOINT: 'https://collector.example.com:4318/' }).otlp).toEqual({
      endpoint: 'https://collector.example.com:4318',
      headers: {},
      serviceName: 'graphql-edge-gateway',
    });
  });

  it('read OTLP_HEADERS as name=value pairs, names lower-cased, values percent-decoded', () => {
    const { otlp } = readConfig({ OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTLP_HEADERS: 'Authorization=Basic%20dXNlcjpwYXNz , x-team = edge=1', OTLP_SERVICE_NAME: 'shop' });
    expect(otlp).toEqual({ endpoint: 'http://127.0.0.1:4318', headers: { authorization: 'Basic dXNlcjpwYXNz', 'x-team': 'edge=1' }, serviceName: 'shop' });
  });

  it.each([
    ['OTLP_HEADERS', 'authorization'],
    ['OTLP_HEADERS', 'bad name=1'],
    ['OTLP_HEADERS', 'x-key=%E0%A4%A'],
    ['OTLP_ENDPOINT', 'collector:4318'],
  ])('refuse %s=%s, naming the var', (name, value) => {
    expect(() => readConfig({ OTLP_ENDPOINT: 'http://127.0.0.1:4318', [name]: value })).toThrow(`[config] ${name} must be`);
  });
});
