// Where a webhook Service of a simulated cluster is really served: simulated pods run nothing, so a test or
// the demo says which local address stands behind `<name>.<namespace>.svc:<port>`.

/** A local address that answers for a Service port. */
export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
}

/** Service ports of one cluster routed to local addresses. */
export class ServiceRoutes {
  readonly #routes = new Map<string, ServiceAddress>();

  /** Routes `namespace/name:port` to `address`; returns a function that removes the route. */
  add(service: { namespace: string; name: string; port: number }, address: ServiceAddress) {
    const key = keyOf(service);
    this.#routes.set(key, address);
    return () => {
      if (this.#routes.get(key) === address) this.#routes.delete(key);
    };
  }

  /** The address behind the Service port, if one is routed. */
  resolve(service: { namespace: string; name: string; port: number }): ServiceAddress | undefined {
    return this.#routes.get(keyOf(service));
  }
}

function keyOf(service: { namespace: string; name: string; port: number }): string {
  return `${service.namespace}/${service.name}:${service.port}`;
}
