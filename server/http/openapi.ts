// GET /api/openapi.json, made from the route table (shared/routes.ts): paths, access,
// parameters and bodies from the same zod schemas that validate them, replies as the
// table describes them.
import { z } from 'zod';
import { paths, type RouteName } from '../../shared/paths.ts';
import { routes, type RouteDef } from '../../shared/routes.ts';
import { socketAuth, watchedTicketId } from '../../shared/schemas.ts';

type JsonSchema = { properties?: Record<string, object>; required?: string[] };
/** JSON Schema 2020-12, which OpenAPI 3.1 uses as is; the dialect is the document's. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest as JsonSchema;
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema);
  return Object.entries(properties).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.includes(name), schema: s }));
}

/** A body with nothing in it (a window's next, recall, …) goes undocumented; none at all is fine then. */
function requestBody(schema: z.ZodObject) {
  const js = jsonSchema(schema);
  if (Object.keys(js.properties ?? {}).length === 0) return null;
  return { requestBody: { required: (js.required ?? []).length > 0, content: { 'application/json': { schema: js } } } };
}

/** The refusals a route can give: from its access and schemas, then its own. */
function refusals(def: RouteDef): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const add = (status: number, code: string) => out.set(status, [...(out.get(status) ?? []), code]);
  if (def.access !== 'public') {
    add(401, 'unauthorized');
    add(403, 'forbidden');
  }
  if (def.access === 'ownCounter') add(404, 'unknown_counter');
  if (def.params || def.query || def.body) add(400, 'invalid_request');
  if (def.body) {
    add(400, 'invalid_json');
    add(413, 'payload_too_large');
    add(415, 'unsupported_media_type');
  }
  for (const [status, codes] of Object.entries(def.errors ?? {})) for (const code of codes.split(' / ')) add(Number(status), code);
  return out;
}

function operation(name: RouteName) {
  const def: RouteDef = routes[name];
  const status = def.status ?? 200;
  const success =
    status === 204 ? { description: def.reply.doc } : { description: def.reply.doc, content: { [def.reply.content ?? 'application/json']: {} } };
  const errors = Object.fromEntries(
    [...refusals(def)].map(([s, codes]) => [s, { description: [...new Set(codes)].join(' / '), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );
  return {
    operationId: name,
    summary: def.summary,
    tags: [def.tag],
    ...(def.access !== 'public' && { security: [{ bearer: [] }], 'x-access': def.access }),
    parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
    ...(def.body && requestBody(def.body)),
    responses: { [status]: success, ...errors },
  };
}

function build() {
  const out: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const name of Object.keys(paths) as RouteName[]) {
    const { method, path } = paths[name];
    const key = path.replace(/:([A-Za-z]+)/g, '{$1}');
    (out[key] ??= {})[method.toLowerCase()] = operation(name);
  }
  return out;
}

export const openApi = {
  openapi: '3.1.0',
  info: {
    title: '为民服务中心排队叫号系统 API',
    version: '1.0.0',
    description: 'JSON over HTTP plus Socket.IO on the same port. Errors: {"error":{"code","message"}}. Times are ISO 8601 with the hall\'s UTC offset. Reply types are those of shared/types.ts.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
  paths: build(),
  'x-socket-io': {
    auth: jsonSchema(socketAuth),
    serverToClient: {
      'hall:state': 'full public state, on connect and after every change',
      'ticket:called': '{"number","counterId","counterName","calledAt","callCount","text","spoken","repeat"}',
      'ticket:status': 'TicketView of a watched ticket, after every change',
      'counter:state': "a staff console's window queue",
      'session:ended': 'the staff session was signed out',
      'printer:status': 'the ticket printer health (displays and staff)',
      'ticket:printed': '{"ticketId","ok","message","reprint"} to the ticket room',
      'pad:state': "the window pad's state: who serves, the visit to rate",
      'ratings:changed': 'staff: open and overdue follow-ups',
      'comments:changed': 'staff: unanswered comments',
      'commitments:changed': 'staff: open and overdue committed cases',
    },
    clientToServer: { 'ticket:watch': { description: '(ticketId, ack?) follow one ticket', ticketId: jsonSchema(watchedTicketId) } },
  },
};
