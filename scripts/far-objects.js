/**
 * The entry of an edge isolate under `npm run serve -- --object-latency-ms`:
 * the gateway's own Worker, with every call to a Durable Object delayed, so
 * that the far object of production can be felt on one machine. Plain
 * JavaScript, embedded by scripts/workerd-server.ts beside the bundle; never
 * deployed.
 */
import worker from './index.js';

const farEnvs = new WeakMap();

/** The env the gateway sees: the same bindings, each namespace's stubs delayed; one per env, as the gateway builds its isolate once per env. */
function farEnv(env) {
  let far = farEnvs.get(env);
  if (!far) {
    const { FAR_OBJECTS, ...bindings } = env;
    const { latencyMs, jitterMs, namespaces } = FAR_OBJECTS;
    const delay = () => new Promise((done) => setTimeout(done, Math.max(0, latencyMs + (Math.random() * 2 - 1) * jitterMs)));
    const farStub = (stub) =>
      new Proxy({}, { get: (_, method) => (method === 'then' ? undefined : async (...args) => (await delay(), stub[method](...args))) });
    const farNamespace = (namespace) =>
      new Proxy(namespace, {
        get(target, property) {
          if (property === 'get' || property === 'getByName') return (...args) => farStub(target[property](...args));
          const value = target[property];
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    far = { ...bindings };
    for (const name of namespaces) far[name] = farNamespace(env[name]);
    farEnvs.set(env, far);
  }
  return far;
}

export default {
  fetch: (request, env, ctx) => worker.fetch(request, farEnv(env), ctx),
};
