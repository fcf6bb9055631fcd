import { isIP } from 'node:net';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { VoucherTopics, isProductionEnvironment } from '@voucher-bridge/config';
import { Agent, request } from 'undici';
import { WebhookDeliveryEnvironment } from '../../config/webhook-delivery.environment';
import { parseRetryAfter } from '../retry/retry-after';
import { AddressPolicy } from './address-policy';
import { DeliveryResult, classifyAnswer } from './delivery-result';
import { AddressRefusedError, guardedLookup } from './guarded-lookup';

/**
 * POSTs signed bodies to shop endpoints over one keep-alive agent (connections reused per
 * origin), with connect and response timeouts and the address policy applied at connect time.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly policy: AddressPolicy;
  private readonly agent: Agent;
  private readonly totalTimeoutMs: number;

  constructor(env: WebhookDeliveryEnvironment, topics: VoucherTopics) {
    this.policy = new AddressPolicy(isProductionEnvironment(topics.environment));
    this.totalTimeoutMs = env.WEBHOOK_CONNECT_TIMEOUT_MS + env.WEBHOOK_RESPONSE_TIMEOUT_MS;
    this.agent = new Agent({
      connections: env.WEBHOOK_CONNECTIONS_PER_ORIGIN,
      keepAliveTimeout: 30_000,
      headersTimeout: env.WEBHOOK_RESPONSE_TIMEOUT_MS,
      bodyTimeout: env.WEBHOOK_RESPONSE_TIMEOUT_MS,
      connect: { timeout: env.WEBHOOK_CONNECT_TIMEOUT_MS, lookup: guardedLookup(this.policy) },
    });
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<DeliveryResult> {
    const refused = this.refusal(url);
    if (refused) return { kind: 'park', status: null, error: refused, reason: 'address-refused' };
    try {
      // The overall bound also covers a shop trickling its answer byte by byte.
      const answer = await request(url, { method: 'POST', headers, body, dispatcher: this.agent, signal: AbortSignal.timeout(this.totalTimeoutMs) });
      await answer.body.dump();
      return classifyAnswer(answer.statusCode, parseRetryAfter(answer.headers['retry-after'], new Date()));
    } catch (error) {
      const cause = refusedCause(error);
      if (cause) return { kind: 'park', status: null, error: cause.message, reason: 'address-refused' };
      return { kind: 'retry', status: null, error: describe(error), reason: 'no-response' };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

  /** Literal IP hosts never reach the lookup, so they are checked here. */
  private refusal(url: string): string | undefined {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return 'subscription URL is not a valid URL';
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') return `scheme ${target.protocol} refused`;
    const host = target.hostname.replace(/^\[|\]$/g, '');
    return isIP(host) ? this.policy.refusal(host) : undefined;
  }
}

function refusedCause(error: unknown): AddressRefusedError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof AddressRefusedError) return current;
  }
  return undefined;
}

/** The error's code and message: names the failure, carries nothing of the body. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${code ? `${code}: ` : ''}${error.message}${cause}`.slice(0, 500);
}
