// Admission of one cluster: mutating webhooks in order, then validating webhooks together, as kube-apiserver runs them.
import { Agent } from 'node:https';
import type { Logger } from 'pino';
import type { KubeObject } from '../api/types.ts';
import { KubeError } from '../api/status.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { callFailed, deniedBy, mayCallOnDryRun, noDryRun } from './admission-errors.ts';
import type { AdmissionAttributes } from './attributes.ts';
import { webhookApplies } from './matching.ts';
import { patchedObject, readAnswer, reviewRequest } from './review.ts';
import type { ReviewAnswer } from './review.ts';
import { ServiceRoutes } from './service-routes.ts';
import { callWebhook, WebhookCallError } from './webhook-call.ts';
import { registeredWebhooks } from './webhooks.ts';
import type { Webhook } from './webhooks.ts';

/** What admission leaves for the response and the audit log: warnings and audit annotations. */
export interface AdmissionOutcome {
  readonly warnings: string[];
  readonly annotations: Record<string, string>;
}

/** A fresh, empty outcome. */
export function emptyOutcome(): AdmissionOutcome {
  return { warnings: [], annotations: {} };
}

/** One admitted request's audit annotations, as the cluster's audit log would keep them. */
export interface AdmissionRecord {
  readonly user: string;
  readonly operation: string;
  readonly resource: string;
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
}

/** How many admission records a cluster keeps. */
const recordLimit = 1000;

/** What admission needs from its cluster. */
export interface AdmissionDeps {
  readonly store: ObjectStore;
  readonly logger?: Logger;
}

/** Calls a cluster's admission webhooks for its writes. */
export class Admission {
  /** Service ports routed to local addresses, for webhooks registered by Service. */
  readonly services = new ServiceRoutes();
  readonly #deps: AdmissionDeps;
  readonly #records: AdmissionRecord[] = [];
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  /** Closes the connections kept open to webhooks. */
  close(): void {
    this.#agent.destroy();
  }

  /** Keeps (and logs) the audit annotations of an admitted write, if it has any; the oldest go first. */
  remember(attributes: AdmissionAttributes, outcome: AdmissionOutcome): void {
    if (Object.keys(outcome.annotations).length === 0) return;
    const record: AdmissionRecord = {
      user: attributes.user.username,
      operation: attributes.operation,
      resource: attributes.type.plural,
      namespace: attributes.namespace,
      name: attributes.name,
      annotations: outcome.annotations,
    };
    this.#records.push(record);
    if (this.#records.length > recordLimit) this.#records.shift();
    this.#deps.logger?.info(record, 'admission annotations');
  }

  /** The kept admission records, oldest first. */
  records(): readonly AdmissionRecord[] {
    return [...this.#records];
  }

  /** True when some webhook wants this write, so it must wait for admission. */
  isWanted(attributes: AdmissionAttributes): boolean {
    const { store } = this.#deps;
    return [
      ...registeredWebhooks(store, 'mutating'),
      ...registeredWebhooks(store, 'validating'),
    ].some((webhook) => webhookApplies(webhook, attributes, store));
  }

  /**
   * Runs the mutating webhooks one after another, each seeing the previous one's result; then,
   * once, those with `reinvocationPolicy: IfNeeded` whose output a later webhook changed.
   */
  async mutate(attributes: AdmissionAttributes, outcome: AdmissionOutcome): Promise<KubeObject> {
    const webhooks = registeredWebhooks(this.#deps.store, 'mutating');
    const first = await this.#mutationRound(webhooks, attributes, outcome, { round: 0 });
    if (first.again.size === 0) return first.object;
    const again = { round: 1, only: first.again };
    const next = { ...attributes, object: first.object };
    return (await this.#mutationRound(webhooks, next, outcome, again)).object;
  }

  /** One round; `again` lists the IfNeeded webhooks whose changes a later one overwrote. */
  async #mutationRound(
    webhooks: readonly Webhook[],
    attributes: AdmissionAttributes,
    outcome: AdmissionOutcome,
    pass: { round: number; only?: ReadonlySet<number> },
  ): Promise<{ object: KubeObject; again: Set<number> }> {
    let object = attributes.object;
    let changes = 0;
    const changesAfter = new Map<number, number>();
    for (const [index, webhook] of webhooks.entries()) {
      const current = { ...attributes, object };
      if (pass.only && !pass.only.has(index)) continue;
      if (!webhookApplies(webhook, current, this.#deps.store)) continue;
      const answer = await this.#ask(webhook, current, outcome);
      const mutated = answer?.patch !== undefined;
      if (answer?.patch !== undefined) object = withPatch(object, answer.patch);
      if (mutated) changes += 1;
      if (webhook.isReinvokedIfNeeded) changesAfter.set(index, changes);
      const detail = { configuration: webhook.configuration, webhook: webhook.name, mutated };
      const key = `mutation.webhook.admission.k8s.io/round_${pass.round}_index_${index}`;
      outcome.annotations[key] = JSON.stringify(detail);
    }
    const again = [...changesAfter].filter(([, seen]) => seen < changes).map(([index]) => index);
    return { object, again: new Set(pass.round === 0 ? again : []) };
  }

  /** Runs the validating webhooks together; any denial fails the write. */
  async validate(attributes: AdmissionAttributes, outcome: AdmissionOutcome): Promise<void> {
    const { store } = this.#deps;
    const wanted = registeredWebhooks(store, 'validating').filter((webhook) =>
      webhookApplies(webhook, attributes, store),
    );
    await Promise.all(wanted.map((webhook) => this.#ask(webhook, attributes, outcome)));
  }

  /** One webhook's answer; undefined when it failed and its policy says to ignore that. */
  async #ask(
    webhook: Webhook,
    attributes: AdmissionAttributes,
    outcome: AdmissionOutcome,
  ): Promise<ReviewAnswer | undefined> {
    if (attributes.isDryRun && !mayCallOnDryRun(webhook)) throw noDryRun(webhook);
    const { uid, review } = reviewRequest(attributes);
    let answer: ReviewAnswer;
    try {
      const route = { services: this.services, agent: this.#agent };
      answer = readAnswer(await callWebhook(webhook, review, route), uid);
    } catch (error) {
      if (!(error instanceof WebhookCallError)) throw error;
      this.#deps.logger?.warn({ webhook: webhook.name, err: error.message }, 'webhook call failed');
      if (webhook.failurePolicy === 'Ignore') return undefined;
      throw callFailed(webhook, error.message);
    }
    outcome.warnings.push(...answer.warnings);
    for (const [key, value] of Object.entries(answer.auditAnnotations)) {
      outcome.annotations[`${webhook.name}/${key}`] = value;
    }
    if (!answer.isAllowed) throw deniedBy(webhook, answer.status);
    return answer;
  }
}

/** A webhook's patch that cannot be applied is the server's failure, whatever the policy. */
function withPatch(object: KubeObject, patch: unknown): KubeObject {
  try {
    return patchedObject(object, patch);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new KubeError(500, 'InternalError', `Internal error occurred: ${why}`, {
      causes: [{ message: why }],
    });
  }
}
