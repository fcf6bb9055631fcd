import { GroupCommitBatcher } from '@voucher-bridge/database';
import { hashVoucherCode, maskVoucherCode, newEventId, voucherEventRecord, voucherPurchased } from '@voucher-bridge/voucher-contract';
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The bench's floor: what the outbox alone allows. A bare HTTP handler (no framework, no auth, no
 * rate limit, no request log) that turns each purchase into the same `voucher.purchased` record the
 * gateway stores and writes it, a purchase row and the Idempotency-Key's claim into the gateway's
 * tables in one statement, many requests per transaction with the gateway's group-commit settings,
 * answering 202 after COMMIT. No relay runs.
 * Between the peer (no database) and the gateway, it splits the gap into what durability costs and
 * what the rest of the gateway costs, measured in the same run.
 * Env: FLOOR_PORT, DATABASE_URL, FLOOR_TOPIC.
 */
const INSERT = {
  name: 'floor-insert-purchases-with-outbox',
  text: `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::text[])
  AS t(event_id, voucher_code_hash, voucher_code_masked, amount_minor, currency, store_id, cashbox_id,
    receipt_number, purchased_at, message_key, payload, headers, idempotency_key, request_hash)
), keyed AS (
  INSERT INTO gateway_idempotency_key (api_key_id, idempotency_key, request_hash, event_id)
  SELECT $15::uuid, idempotency_key, request_hash, event_id FROM input
  ON CONFLICT DO NOTHING
  RETURNING event_id
), purchases AS (
  INSERT INTO gateway_purchase (event_id, voucher_code_hash, voucher_code_masked, amount_minor,
    currency, store_id, cashbox_id, receipt_number, purchased_at)
  SELECT event_id, voucher_code_hash, voucher_code_masked, amount_minor, currency, store_id,
    cashbox_id, receipt_number, purchased_at FROM input WHERE event_id IN (SELECT event_id FROM keyed)
  ON CONFLICT (voucher_code_hash) DO NOTHING
  RETURNING event_id
)
INSERT INTO gateway_outbox (event_id, topic, message_key, payload, headers)
SELECT input.event_id, $16::text, input.message_key, input.payload, input.headers
FROM input JOIN purchases USING (event_id)`,
};

interface Purchase {
  idempotencyKey: string;
  body: string;
  voucherCode: string;
  amount: { value: number; currency: string };
  storeId: string;
  cashboxId: string;
  receiptNumber: string;
  purchasedAt: string;
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  const topic = String(process.env.FLOOR_TOPIC);
  // Every request under one key: the load sends a new Idempotency-Key with each.
  const floorKeyId = randomUUID();
  const batcher = new GroupCommitBatcher<Purchase, void>(async (purchases) => {
    const ids = purchases.map(() => newEventId());
    const events = purchases.map((p, i) => voucherEventRecord(voucherPurchased({
      eventId: ids[i], occurredAt: new Date().toISOString(), voucherCode: p.voucherCode, storeId: p.storeId,
      cashboxId: p.cashboxId, payload: { amount: p.amount, receiptNumber: p.receiptNumber, purchasedAt: p.purchasedAt },
    })));
    const column = <T>(pick: (p: Purchase, i: number) => T) => purchases.map(pick);
    await pool.query({
      ...INSERT, values: [
        ids,
        column((p) => hashVoucherCode(p.voucherCode)), column((p) => maskVoucherCode(p.voucherCode)),
        column((p) => p.amount.value), column((p) => p.amount.currency), column((p) => p.storeId),
        column((p) => p.cashboxId), column((p) => p.receiptNumber), column((p) => p.purchasedAt),
        column((_, i) => events[i].key), column((_, i) => events[i].value), column((_, i) => JSON.stringify(events[i].headers)),
        column((p) => p.idempotencyKey), column((p) => createHash('sha256').update(p.body).digest('base64url')),
        floorKeyId, topic,
      ],
    });
    return purchases.map(() => undefined);
  }, { maxBatchSize: 100, maxWaitMs: 2, maxConcurrentFlushes: 4 });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let purchase: Purchase;
      try {
        const body = Buffer.concat(chunks).toString('utf8');
        purchase = { ...JSON.parse(body) as Purchase, body, idempotencyKey: String(request.headers['idempotency-key']) };
      } catch {
        response.writeHead(400).end();
        return;
      }
      batcher.write(purchase).then(
        () => response.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"accepted"}'),
        () => response.writeHead(503).end(),
      );
    });
  });
  server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1', () => process.send?.('ready'));
  process.on('SIGTERM', () => server.close(() => void batcher.drain().then(() => pool.end()).then(() => process.exit(0))));
}

void main();
