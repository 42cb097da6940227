// A process-wide generation number of everything authentication depends on (credentials, users,
// role bindings): bumping it makes every cached authentication stale at once.
let generation = 0;

/** The current generation; a cached authentication is valid only under the one it was read in. */
export function accessGeneration(): number {
  return generation;
}

/**
 * Call after a change to credentials, users or role bindings commits (and, to be safe, inside its
 * transaction too): the next request in this process authenticates against the store again.
 */
export function accessChanged(): void {
  generation++;
}
