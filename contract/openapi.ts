import { z } from 'zod';
import { ErrorEnvelope, errorCatalog } from './errors';
import { ServerMessage, eventsPath } from './events';
import { ops, opNames } from './ops';

/** The OpenAPI 3.1 document of the LAN API, built from the one contract (served at /api/openapi.json). */
export function buildOpenApi(version: string): Record<string, unknown> {
  const schema = (t: z.ZodType, io: 'input' | 'output') => {
    const { $schema: _drop, ...rest } = z.toJSONSchema(t, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  const paths: Record<string, unknown> = {};
  for (const name of opNames) {
    const def = ops[name];
    const access = 'public' in def.access
      ? 'public'
      : [def.access.staff ? `staff ≥ ${def.access.staff}` : null, def.access.devices ? `devices: ${def.access.devices.join(', ')}` : null]
          .filter(Boolean)
          .join('; ');
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: def.summary,
        description: `Who may call: ${access}.`,
        security: 'public' in def.access ? [] : [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: schema(def.input, 'input') } } },
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: schema(def.output, 'output') } } },
          default: { description: 'Error envelope', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một Cửa — site hub LAN API',
      version,
      description:
        'Every operation is POST /api/<name> with a JSON body. Staff send `Authorization: Bearer <session token>` ' +
        '(from auth.login); paired devices send their device token. Errors are one envelope with a stable code ' +
        `and a Vietnamese message. Calls are streamed over a WebSocket at ${eventsPath}?after=<last call id>&token=<token>: ` +
        'the server first replays every call after that id, then sends new ones as they happen.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: schema(ErrorEnvelope, 'output'),
        ErrorCode: { type: 'string', enum: Object.keys(errorCatalog) },
        EventMessage: schema(ServerMessage, 'output'),
      },
    },
  };
}
