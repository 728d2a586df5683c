import schemaFolder from 'gateway:schema';
import { expect, it } from 'vitest';
import { createGatewaySchema } from '../../../src/connect/gateway-schema.ts';

/**
 * The schema module the build writes holds each connector's selection as
 * JavaScript (src/connect/mapping/emit.ts), and the connectors run that code
 * in workerd, which compiles none at run time; every other test of this pool
 * then maps origin answers through it.
 */
const { plan } = createGatewaySchema(schemaFolder);
const connectors = [...plan.fields.values(), ...plan.entities.values()];

it('holds every connector selection of the folder, and nothing else', () => {
  const texts = new Set(connectors.map((connector) => connector.selection.source));
  expect(Object.keys(schemaFolder.selections ?? {}).sort()).toEqual([...texts].sort());
});

it('is what each connector applies, in place of the closures compiled at start', () => {
  for (const { selection } of connectors) {
    // The function a connector applies is one the written code declared and returned.
    expect(String(schemaFolder.selections?.[selection.source])).toContain(String(selection.evaluate));
  }
});
