// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas that validate
// requests (so the document cannot drift from what the hub accepts).
import { z } from 'zod';
import { agentInfo, errorCodes } from '@flotilla/protocol';
import type { ApiRoute } from './api-route.ts';

type JsonSchema = Record<string, unknown>;

const inputSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
const outputSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });

const errorBody: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { enum: Object.keys(errorCodes) },
        message: { type: 'string' },
        details: {},
      },
    },
  },
};

/** Parameters of one location (`path` or `query`) from a strict object schema. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const json = inputSchema(schema) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function success(route: ApiRoute): JsonSchema {
  if (route.status === 204) return { description: 'Done' };
  if (route.produces !== undefined)
    return { description: 'OK', content: { [route.produces]: { schema: { type: 'string' } } } };
  const schema = route.response === undefined ? {} : outputSchema(route.response);
  return { description: 'OK', content: { 'application/json': { schema } } };
}

function operation(route: ApiRoute): JsonSchema {
  const error = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: route.summary,
    tags: [route.tag],
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(route.body) } },
          },
        }),
    responses: {
      [String(route.status ?? 200)]: success(route),
      '400': { description: 'Invalid request', ...error },
      '401': { description: 'Not authenticated', ...error },
      '403': { description: 'Missing permission (named in details.permission)', ...error },
      '404': { description: 'Not found', ...error },
    },
  };
}

const errorResponse = (description: string): JsonSchema => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The agent API (agent-api-route.ts): not a validated route, so described here by hand. */
function agentInfoOperation(): JsonSchema {
  return {
    summary: "The cluster's agent reports its version and the cluster's facts, read afresh",
    tags: ['agent'],
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: outputSchema(agentInfo) } },
      },
      '401': errorResponse('Not authenticated'),
      '403': errorResponse('Missing permission (clusters:read on this cluster)'),
      '404': errorResponse('No such cluster, or no such agent endpoint'),
      '503': errorResponse('The cluster is not connected (details.lastSeenAt)'),
    },
  };
}

/** `/clusters/:name` → `/clusters/{name}`. */
const openApiPath = (prefix: string, path: string) => prefix + path.replace(/:(\w+)/g, '{$1}');

/** The whole document for `routes` mounted under `prefix`. */
export function openApiDocument(prefix: string, routes: readonly ApiRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(prefix, route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  paths[`${prefix}/clusters/{name}/agent/v1/info`] = { get: agentInfoOperation() };
  return {
    openapi: '3.1.0',
    info: { title: 'Flotilla hub API', version: '1' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token (flt_u_…) or OIDC ID token',
        },
      },
      schemas: { Error: errorBody },
    },
    paths,
  };
}
