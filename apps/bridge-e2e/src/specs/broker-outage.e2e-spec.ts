import { Pool } from 'pg';
import { Bridge, startBridge } from '../support/bridge';
import { testDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { kafkaBroker } from '../support/kafka-broker';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';

describe('accepting does not depend on Kafka', () => {
  let bridge: Bridge;
  let db: Pool;

  beforeAll(async () => {
    bridge = await startBridge();
    db = testDatabase();
  });

  afterAll(async () => {
    await kafkaBroker('start');
    await bridge?.stop();
    await db?.end();
  });

  it('accepts purchases while the broker is down and delivers them once it is back', async () => {
    await kafkaBroker('stop');

    const bodies = [purchaseBody(), purchaseBody(), purchaseBody()];
    for (const body of bodies) {
      const answer = await postPurchase(bridge, body);
      expect(answer.status).toBe(202);
    }
    const eventIds = [];
    for (const body of bodies) {
      const { rows } = await db.query(
        `SELECT o.sent_at FROM gateway_outbox o JOIN gateway_purchase p USING (event_id)
         WHERE p.voucher_code_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [body.voucherCode],
      );
      expect(rows).toEqual([{ sent_at: null }]);
      eventIds.push(rows[0]);
    }
    const ready = await fetch(`${bridge.gateway.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', error: { kafka: { status: 'down' } } });

    await kafkaBroker('start');

    for (const body of bodies) {
      expect(await eventuallyRegistered(bridge, body.voucherCode, 480)).toMatchObject({ status: 'active' });
    }
    await eventually('gateway to be ready again', async () => {
      expect((await fetch(`${bridge.gateway.baseUrl}/health/ready`)).status).toBe(200);
    });
  });
});
