import { AsyncLocalStorage } from 'node:async_hooks';

/** What a feature may add to its request's log lines; never the plain voucher code. */
export interface RequestLogFields {
  eventId?: string;
  voucherCodeMasked?: string;
  [field: string]: string | number | boolean | undefined;
}

/** The request a log line belongs to: its id and what the handler added so far. */
export interface RequestContext {
  readonly reqId: string;
  fields?: RequestLogFields;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `next` (and everything it starts) as part of the request `context`. One small object per
 * request: no logger is built for it. Log lines pick the context up when they are written
 * (`requestLogBindings`, pino's mixin), which at the default level is rarely.
 */
export function runInRequestContext(context: RequestContext, next: () => void): void {
  storage.run(context, next);
}

/** Adds fields to the current request's later log lines; outside a request it does nothing. */
export function annotateRequest(fields: RequestLogFields): void {
  const context = storage.getStore();
  if (context !== undefined) context.fields = context.fields === undefined ? fields : { ...context.fields, ...fields };
}

/** The fields every log line written during a request carries: its id first, then the handler's. */
export function requestLogBindings(context: RequestContext | undefined = storage.getStore()): Record<string, unknown> {
  if (context === undefined) return {};
  return context.fields === undefined ? { reqId: context.reqId } : { reqId: context.reqId, ...context.fields };
}
