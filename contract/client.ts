import type { OpInput, OpName, OpOutput } from './ops';

/** Sends one operation and resolves with its output or rejects with a HubError. */
export type Transport = <K extends OpName>(name: K, input: OpInput<K>) => Promise<OpOutput<K>>;

/** The typed client every screen and test uses; a transport decides HTTP or IPC. */
export type HubClient = { readonly [K in OpName]: (input: OpInput<K>) => Promise<OpOutput<K>> };

/**
 * One method per operation, made on demand: the client needs the operation names only as types,
 * so the browser bundle does not carry the schemas (the hub validates every input anyway).
 */
export function createHubClient(transport: Transport): HubClient {
  return new Proxy({} as HubClient, {
    // Not a thenable: `await` on the client itself must not call the hub.
    get: (_target, name) => (typeof name === 'string' && name !== 'then' ? (input: never) => transport(name as OpName, input) : undefined),
  });
}
