import { parseArgs } from 'node:util';
import { print } from '../output/print';
import { UsageError } from '../usage.error';
import { ConnectorApiClient, connectorUrl } from '../connector-api/connector-api.client';

export const DEAD_LETTERS_USAGE = `dead-letters list [--kind record|delivery] [--reason <r>] [--status parked|replayed|discarded] [--limit <n>] [--after <cursor>] [--json]
  dead-letters show <id> [--json]
  dead-letters replay (<id>… | --all | --kind <k> [--with-reason <r>] [--parked-before <time>]) [--dry-run] [--json]
  dead-letters discard (<id>… | --all | --kind <k> [--with-reason <r>] [--parked-before <time>]) --reason "<why>" [--json]
  dead-letters audit [--limit <n>] [--json]
      call the connector's operator API: --url (default http://127.0.0.1:$CONNECTOR_HTTP_PORT, 3001),
      the operator key from BRIDGE_OPERATOR_KEY or --key (make one: keys create operator)`;

interface DeadLetter {
  id: string; kind: string; status: string; reasonClass: string; reason: string; attempts: number; parkedAt: string;
  voucherCode: string | null; eventType: string | null;
}

interface ActionResult {
  dryRun: boolean;
  summary: Record<string, number>;
  items: ({ id: string; outcome: string } & Record<string, unknown>)[];
  more: boolean;
}

/** `admin dead-letters …`: list, show, replay and discard dead letters through the connector. */
export class DeadLettersCommand {
  async run(args: string[]): Promise<void> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        url: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean', default: false },
        kind: { type: 'string' }, reason: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' },
        after: { type: 'string' }, all: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
        'with-reason': { type: 'string' }, 'parked-before': { type: 'string' },
      },
    });
    const [action, ...ids] = positionals;
    const json = values.json ?? false;
    const key = values.key ?? process.env.BRIDGE_OPERATOR_KEY;
    if (!key) throw new UsageError('an operator key is needed: set BRIDGE_OPERATOR_KEY or pass --key');
    const api = new ConnectorApiClient(connectorUrl(values.url), key);
    switch (action) {
      case 'list': {
        const page = await api.get<{ items: DeadLetter[]; nextCursor: string | null }>('/v1/dead-letters', {
          kind: values.kind, reason: values.reason, status: values.status, limit: values.limit, after: values.after,
        });
        print(json ? page.items as unknown as Record<string, unknown>[] : page.items.map(row), json);
        if (!json && page.nextCursor) process.stderr.write(`more: --after ${page.nextCursor}\n`);
        return;
      }
      case 'show': {
        if (ids.length !== 1) throw new UsageError('name one dead-letter id to show');
        const letter = await api.get<Record<string, unknown>>(`/v1/dead-letters/${encodeURIComponent(ids[0])}`);
        process.stdout.write(`${JSON.stringify(letter, null, 2)}\n`);
        return;
      }
      case 'replay':
        report(await api.post<ActionResult>('/v1/dead-letters/replays', { ...selection(ids, values), dryRun: values['dry-run'] }), json);
        return;
      case 'discard':
        if (!values.reason) throw new UsageError('discard needs --reason "<why>"');
        report(await api.post<ActionResult>('/v1/dead-letters/discards', { ...selection(ids, values), reason: values.reason }), json);
        return;
      case 'audit': {
        const page = await api.get<{ items: Record<string, unknown>[] }>('/v1/operator-audit', { limit: values.limit });
        print(json ? page.items : page.items.map((entry) => ({
          id: entry.id, at: entry.at, key: (entry.apiKey as { label: string | null; id: string }).label ?? (entry.apiKey as { id: string }).id,
          action: entry.action, dryRun: entry.dryRun, outcome: JSON.stringify((entry.outcome as { summary: unknown }).summary),
        })), json);
        return;
      }
      default:
        throw new UsageError(`unknown dead-letters action: ${action ?? '(none)'}`);
    }
  }
}

function selection(ids: string[], values: { all?: boolean; kind?: string; 'with-reason'?: string; 'parked-before'?: string }): object {
  const filtered = values.kind !== undefined || values['with-reason'] !== undefined || values['parked-before'] !== undefined;
  const given = [ids.length > 0, values.all === true, filtered].filter(Boolean).length;
  if (given !== 1) throw new UsageError('select with exactly one of: ids, --all, or a filter (--kind / --with-reason / --parked-before)');
  if (ids.length > 0) return { ids };
  if (values.all) return { all: true };
  return { filter: { kind: values.kind, reason: values['with-reason'], parkedBefore: values['parked-before'] } };
}

function row(letter: DeadLetter): Record<string, unknown> {
  return {
    id: letter.id, kind: letter.kind, status: letter.status, class: letter.reasonClass, reason: letter.reason,
    attempts: letter.attempts, parked: letter.parkedAt, voucher: letter.voucherCode, event: letter.eventType,
  };
}

function report(result: ActionResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  print(result.items.map(({ id, outcome, ...rest }) => ({ id, outcome, details: Object.keys(rest).length > 0 ? JSON.stringify(rest) : '' })), false);
  const summary = Object.entries(result.summary).map(([outcome, count]) => `${count} ${outcome}`).join(', ');
  process.stderr.write(`${result.dryRun ? 'dry run, nothing changed: ' : ''}${summary || 'nothing selected'}${result.more ? ' (more left: run it again)' : ''}\n`);
}
