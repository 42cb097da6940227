// Where a webhook Service of a simulated cluster is really served: simulated pods run nothing, so a test or
// the demo says which local address stands behind `<name>.<namespace>.svc:<port>`.

/** A local address that answers for a Service port. */
export interface ServiceAddress {
  readonly host: string;
  readonly port: number;
}

/** A port of a Service in a cluster. */
export interface ServicePort {
  readonly namespace: string;
  readonly name: string;
  readonly port: number;
}

/** Service ports of one cluster routed to local addresses. */
export class ServiceRoutes {
  readonly #routes = new Map<string, ServiceAddress>();

  /** Routes `namespace/name:port` to `address`; returns a function that removes the route. */
  add(service: ServicePort, address: ServiceAddress) {
    const key = keyOf(service);
    this.#routes.set(key, address);
    return () => {
      if (this.#routes.get(key) === address) this.#routes.delete(key);
    };
  }

  /** The address behind the Service port, if one is routed. */
  resolve(service: ServicePort): ServiceAddress | undefined {
    return this.#routes.get(keyOf(service));
  }
}

function keyOf(service: ServicePort): string {
  return `${service.namespace}/${service.name}:${service.port}`;
}
