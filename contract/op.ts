import type { z } from 'zod';
import type { Access } from './access';
import { rejectBadText } from './safe-text';
import type { Upload } from './uploads';

/** One operation of the hub: declared once, bound by every transport (HTTP, WebSocket, IPC). */
export interface OpDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** One line for the OpenAPI document and the admin's API page. */
  readonly summary: string;
  /** An operation that carries a file (base64 in `dataBase64`): its size limit, in the officer's words. */
  readonly upload?: Upload;
}

/** Every input also refuses control characters and broken surrogates in any string (contract/safe-text.ts). */
export function op<I extends z.ZodType, O extends z.ZodType>(def: OpDef<I, O>): OpDef<I, O> {
  return { ...def, input: def.input.superRefine(rejectBadText) };
}
