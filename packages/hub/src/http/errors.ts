// Maps every failure to the JSON error shape; clients never see a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { FlotillaError, statusOf, toErrorBody } from '@flotilla/protocol';
import { isDashboardRoute } from './dashboard.ts';

/** Fastify's own client errors (bad JSON, body too large, …) translated into our codes. */
function fromFastify(error: FastifyError): FlotillaError | undefined {
  if (error.validation !== undefined) {
    return new FlotillaError('invalid_request', error.message, { details: error.validation });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new FlotillaError('payload_too_large', 'request body exceeds the size limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new FlotillaError('unsupported_media_type', error.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new FlotillaError('invalid_request', error.message);
    default:
      return error.statusCode === 400
        ? new FlotillaError('invalid_request', 'malformed request body')
        : undefined;
  }
}

/** Installs the error and not-found handlers; with `hasDashboard`, page routes get index.html. */
export function installErrorHandlers(app: FastifyInstance, hasDashboard: boolean): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = error instanceof FlotillaError ? error : (fromFastify(error) ?? error);
    if (!(mapped instanceof FlotillaError)) request.log.error({ err: error }, 'unhandled error');
    void reply.status(statusOf(mapped)).send(toErrorBody(mapped));
  });
  app.setNotFoundHandler((request, reply) => {
    if (hasDashboard && isDashboardRoute(request.method, request.url)) {
      void reply.sendFile('index.html');
      return;
    }
    const error = new FlotillaError(
      'not_found',
      `no route for ${request.method} ${request.url.split('?')[0]}`,
    );
    void reply.status(404).send(toErrorBody(error));
  });
}
