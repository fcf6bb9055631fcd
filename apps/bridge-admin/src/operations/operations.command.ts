import { parseArgs } from 'node:util';
import { ConnectorApiClient, connectorUrl } from '../connector-api/connector-api.client';
import { print } from '../output/print';
import { UsageError } from '../usage.error';
import { readVoucherCode } from './voucher-code.input';

export const OPERATIONS_USAGE = `overview [--json]            what the console's first screen shows: apps, lag, outbox, events per minute, parked, failing subscriptions, last errors
  trace [--json]               one voucher end to end; the code is read from stdin (prompted), never an argument
      both call the connector like dead-letters (--url, BRIDGE_OPERATOR_KEY or --key)`;

interface Overview {
  at: string;
  apps: { name: string; status: string; message: string | null }[];
  consumer: { groupId: string; topic: string; connected: boolean; totalLag: number | null; lagError: string | null;
    partitions: { partition: number; committed: string | null; end: string | null; lag: number | null }[] };
  outbox: { backlog: number; oldestSeconds: number | null } | null;
  perMinute: { accepted: number; registered: number; refused: number; parked: number } | null;
  parked: { records: number; deliveries: number; oldestSeconds: number | null } | null;
  failingSubscriptions: { id: string; url: string; retrying: number; parked: number; lastStatus: number | null; lastError: string | null }[];
  lastErrors: { at: string; id: string; reason: string; detail: string }[];
  errors: string[];
}

interface Trace {
  voucherCode: string;
  voucher: { status: string; balance: number; currency: string } | null;
  events: {
    eventId: string; type: string; inOutbox: boolean;
    accepted: { store: string; cashbox: string; receiptNumber: string; at: string } | null;
    published: { topic: string; partition: number; offset: string } | null;
    registered: { outcome: string; sequence: number | null; balanceAfter: number | null; rule: string | null } | null;
    deadLetter: { id: string; reason: string; status: string } | null;
    deliveries: { url: string; status: string; attempts: number; lastStatus: number | null }[];
  }[];
}

/** `admin overview` and `admin trace`: the console's overview and trace, as tables or `--json`. */
export class OperationsCommand {
  async run(command: 'overview' | 'trace', args: string[]): Promise<void> {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { url: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length > 0) {
      throw new UsageError(command === 'trace' ? 'trace reads the voucher code from stdin, not from the command line' : `${command} takes no arguments`);
    }
    const key = values.key ?? process.env.BRIDGE_OPERATOR_KEY;
    if (!key) throw new UsageError('an operator key is needed: set BRIDGE_OPERATOR_KEY or pass --key');
    const api = new ConnectorApiClient(connectorUrl(values.url), key);
    if (command === 'overview') {
      const overview = await api.get<Overview>('/v1/operations/overview');
      if (values.json) process.stdout.write(`${JSON.stringify(overview, null, 2)}\n`);
      else printOverview(overview);
      return;
    }
    const voucherCode = await readVoucherCode();
    if (!voucherCode) throw new UsageError('no voucher code on stdin');
    const trace = await api.post<Trace>('/v1/operations/voucher-traces', { voucherCode });
    if (values.json) process.stdout.write(`${JSON.stringify(trace, null, 2)}\n`);
    else printTrace(trace);
  }
}

function section(title: string): void {
  process.stdout.write(`\n${title}\n`);
}

function printOverview(overview: Overview): void {
  section('apps');
  print(overview.apps.map(({ name, status, message }) => ({ app: name, status, message })), false);
  section(`events, last minute`);
  print(overview.perMinute ? [overview.perMinute] : [], false);
  section('outbox and parked');
  print([{
    'outbox backlog': overview.outbox?.backlog, 'oldest unsent (s)': overview.outbox?.oldestSeconds,
    'parked records': overview.parked?.records, 'parked pushes': overview.parked?.deliveries, 'oldest parked (s)': overview.parked?.oldestSeconds,
  }], false);
  const consumer = overview.consumer;
  section(`consumer ${consumer.groupId} on ${consumer.topic}: ${consumer.connected ? 'connected' : 'NOT connected'}, lag ${consumer.totalLag ?? consumer.lagError}`);
  print(consumer.partitions, false);
  section('failing subscriptions');
  print(overview.failingSubscriptions.map(({ id, url, retrying, parked, lastStatus, lastError }) => ({ id, url, retrying, parked, lastStatus, lastError })), false);
  section('last errors');
  print(overview.lastErrors, false);
  for (const error of overview.errors) process.stderr.write(`could not read ${error}\n`);
}

function printTrace(trace: Trace): void {
  const voucher = trace.voucher;
  process.stdout.write(`voucher ${trace.voucherCode}: ${voucher ? `${voucher.status}, balance ${voucher.balance} ${voucher.currency} (minor units)` : 'not registered (yet)'}\n\n`);
  print(trace.events.map((event) => ({
    event: event.type,
    accepted: event.accepted ? `${event.accepted.store}/${event.accepted.cashbox} ${event.accepted.receiptNumber} ${event.accepted.at}` : null,
    kafka: event.published ? `${event.published.topic}[${event.published.partition}]@${event.published.offset}` : event.inOutbox ? 'in outbox' : null,
    registered: event.registered
      ? (event.registered.outcome === 'applied' ? `#${event.registered.sequence} balance ${event.registered.balanceAfter}` : `refused ${event.registered.rule}`)
      : null,
    parked: event.deadLetter ? `${event.deadLetter.id} ${event.deadLetter.reason} (${event.deadLetter.status})` : null,
    delivered: event.deliveries.map((d) => `${d.url} ${d.status} x${d.attempts}${d.lastStatus ? ` HTTP ${d.lastStatus}` : ''}`).join('; ') || null,
  })), false);
}
