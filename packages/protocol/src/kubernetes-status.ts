// Kubernetes `Status` bodies: the error shape kubectl understands, used by the hub's Kubernetes
// proxy and the agent alike.

const reasons: Record<number, string> = {
  400: 'BadRequest',
  429: 'TooManyRequests',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  502: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** A failed `Status` with the reason the API server uses for `code`. */
export function kubernetesStatus(code: number, message: string, details?: Record<string, unknown>) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: reasons[code] ?? 'InternalError',
    ...(details === undefined ? {} : { details }),
    code,
  };
}
