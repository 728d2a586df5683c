import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ConnectorPlan } from '../../../src/connect/connector-plan.ts';
import { mapAnswer, type MapValue } from '../../../src/connect/map-answer.ts';
import { applySelection, parseSelection } from '../../../src/connect/selection.ts';
import type { OriginAnswer } from '../../../src/upstream/client.ts';

/** A DELETE-like connector with no origin behind it: only its selection and its `errors` matter here. */
function connector(selection: string, errors?: ConnectorPlan['errors']): ConnectorPlan {
  return { name: 'Mutation.removeItem', source: undefined, http: undefined, selection: parseSelection(selection), requestHeaders: [], responseHeaders: [], errors, maxBatchSize: undefined, where: 'test.graphql:1' };
}

const answer = (status: number, body: unknown): OriginAnswer<unknown> => ({ status, body, sharing: 'shared', headers: { etag: ['"1"'] } });
const mapValue: MapValue = (plan, data, variables) => applySelection(plan.selection, data, variables);

describe('mapAnswer: an origin answer made into a connector value', () => {
  it('an answer of nothing is null when the selection reads only the answer', () => {
    expect(mapAnswer(connector('id'), answer(204, null), { args: { id: '7' } }, false, mapValue)).toBeNull();
  });

  it('an answer of nothing still maps a selection that reads variables', () => {
    expect(mapAnswer(connector('id: $args.id'), answer(204, null), { args: { id: '7' } }, true, mapValue)).toEqual({ id: '7' });
  });

  it('the selection reads the status and the answer headers beside the body', () => {
    const read = connector('id status: $status etag: $response.headers.etag->first');
    expect(mapAnswer(read, answer(200, { id: '7' }), {}, true, mapValue)).toEqual({ id: '7', status: 200, etag: '"1"' });
  });

  it('a failed answer is thrown as its GraphQL error before anything is mapped', () => {
    const failing = connector('id', { message: parseSelection('$.reason'), extensions: [], isSuccess: undefined });
    let mapped = false;
    const thrown = (() => {
      try {
        return mapAnswer(failing, answer(409, { reason: 'taken' }), {}, false, () => (mapped = true));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect(thrown).toMatchObject({ message: 'taken', extensions: { status: 409, code: 'CONNECTOR_FETCH', connector: 'Mutation.removeItem' } });
    expect(mapped).toBe(false);
  });
});
