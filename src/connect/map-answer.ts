/**
 * An origin's answer made into a connector's value: its `isSuccess` and
 * `errors` judged first (a failure is a GraphQL error), then its selection
 * applied. The field calls and the entity loads map through here, and
 * `npm run connector` shows the same steps.
 */
import { GraphQLError } from 'graphql';
import type { OriginAnswer } from '../upstream/client.ts';
import type { ConnectorPlan } from './connector-plan.ts';
import { evaluate, type Variables } from './selection.ts';

/** A connector's selection applied to data, as a request's connectors apply it. */
export type MapValue = (connector: ConnectorPlan, data: unknown, variables: Variables) => unknown;

/**
 * The selection applied to the origin's answer. An answer of nothing (a 204,
 * an empty body, `null`) is null, not an object of nulls, unless the
 * selection reads variables too: a DELETE that answers 204 with
 * `selection: "id: $args.id"` still answers its id.
 */
export function mapAnswer(connector: ConnectorPlan, answer: OriginAnswer<unknown>, variables: Variables, readsVariables: boolean, mapValue: MapValue): unknown {
  const mapped: Variables = { ...variables, status: answer.status, response: { headers: answer.headers } };
  const failure = answerFailure(connector, answer, mapped);
  if (failure) throw failure;
  if (answer.body == null && !readsVariables) return null;
  return mapValue(connector, answer.body, mapped);
}

/**
 * Apollo's `isSuccess` (unset: a 2xx status) and `errors`, for a connector
 * that has them: an answer that is no success is a GraphQL error whose
 * message and extensions the schema maps from it (`Request failed` and
 * `CONNECTOR_FETCH` when it does not say), with the origin's status as
 * `extensions.status`. Apollo puts it at `extensions.http.status`; here
 * Yoga reads an error's `extensions.http` as the HTTP response's own status
 * and headers, so that key is never set, and one the mapping makes (from the
 * origin's body, say) is dropped: an origin cannot set the gateway's status
 * or headers. `variables` hold `$status` and `$response`.
 */
export function answerFailure(connector: ConnectorPlan, answer: OriginAnswer<unknown>, variables: Variables): GraphQLError | undefined {
  const { errors } = connector;
  if (!errors) return undefined;
  const success = errors.isSuccess ? evaluate(errors.isSuccess, answer.body, variables) === true : answer.status >= 200 && answer.status < 300;
  if (success) return undefined;
  const message = errors.message && evaluate(errors.message, answer.body, variables);
  const extensions: Record<string, unknown> = { status: answer.status };
  for (const selection of errors.extensions) {
    const mapped = evaluate(selection, answer.body, variables);
    if (mapped && typeof mapped === 'object' && !Array.isArray(mapped)) Object.assign(extensions, mapped);
  }
  delete extensions.http;
  const code = typeof extensions.code === 'string' ? extensions.code : 'CONNECTOR_FETCH';
  return new GraphQLError(typeof message === 'string' && message ? message : 'Request failed', { extensions: { ...extensions, code, connector: connector.name } });
}
