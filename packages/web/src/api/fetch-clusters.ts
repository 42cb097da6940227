// Reads the fleet from the hub: `GET /api/v1/clusters`, parsed at the edge with the shared schema.
import { apiPrefix, clusterList, type ClusterSummary } from '@flotilla/protocol';
import { ApiError, errorFromResponse } from './api-error.ts';

/** Every cluster the token may see; throws ApiError on a network, HTTP or shape failure. */
export async function fetchClusters(
  token: string,
  signal?: AbortSignal,
): Promise<ClusterSummary[]> {
  const response = await fetch(`${apiPrefix}/clusters`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
  }).catch((cause: unknown) => {
    if (signal?.aborted === true) throw cause;
    throw new ApiError(0, 'unreachable', 'The hub could not be reached.');
  });
  if (!response.ok) throw await errorFromResponse(response);
  const parsed = clusterList.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'invalid_response',
      'The hub sent a cluster list we could not read.',
    );
  }
  return parsed.data.items;
}
