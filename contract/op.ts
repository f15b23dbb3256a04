import type { z } from 'zod';
import type { Access } from './access';

/** One operation of the hub: declared once, bound by every transport (HTTP, WebSocket, IPC). */
export interface OpDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** One line for the OpenAPI document and the admin's API page. */
  readonly summary: string;
  /** Larger request bodies than the default 1 MB (uploads of scans and catalogues). */
  readonly maxBodyBytes?: number;
}

export function op<I extends z.ZodType, O extends z.ZodType>(def: OpDef<I, O>): OpDef<I, O> {
  return def;
}
