import type { OpInput, OpName, OpOutput } from './ops';
import { opNames } from './ops';

/** Sends one operation and resolves with its output or rejects with a HubError. */
export type Transport = <K extends OpName>(name: K, input: OpInput<K>) => Promise<OpOutput<K>>;

/** The typed client every screen and test uses; a transport decides HTTP or IPC. */
export type HubClient = { readonly [K in OpName]: (input: OpInput<K>) => Promise<OpOutput<K>> };

export function createHubClient(transport: Transport): HubClient {
  const client: Partial<Record<OpName, (input: never) => Promise<unknown>>> = {};
  for (const name of opNames) client[name] = (input: never) => transport(name, input);
  return client as HubClient;
}
