import { DeliveryRound } from './delivery-round';

/** A round of `count` messages from sequence number `first`, sealed. */
function roundOf(first: number, count: number): DeliveryRound {
  const round = new DeliveryRound(first);
  for (let i = 0; i < count; i++) round.add();
  round.seal();
  return round;
}

describe('DeliveryRound', () => {
  it('resolves once every message of its range was reported, with each one where it landed', async () => {
    const round = roundOf(10, 3);
    expect(round.report(12, null, 'prod.voucher', 1, 7)).toBe(true);
    expect(round.report(10, null, 'prod.voucher', 0, 40)).toBe(true);
    let delivered = false;
    void round.delivered.then(() => (delivered = true));
    await Promise.resolve();
    expect(delivered).toBe(false);
    expect(round.report(11, undefined, 'prod.voucher.relay-position', 0, 3)).toBe(true);
    await round.delivered;
    expect(round.records()).toEqual([
      { topic: 'prod.voucher', partition: 0, offset: '40' },
      { topic: 'prod.voucher.relay-position', partition: 0, offset: '3' },
      { topic: 'prod.voucher', partition: 1, offset: '7' },
    ]);
  });

  it('is not delivered before it is sealed, though every message added so far was reported', async () => {
    const round = new DeliveryRound(0);
    round.add();
    expect(round.next).toBe(1);
    expect(round.report(0, null, 't', 0, 1)).toBe(true);
    let delivered = false;
    void round.delivered.then(() => (delivered = true));
    round.add(); // sent while the first was being acknowledged
    await Promise.resolve();
    expect(delivered).toBe(false);
    round.seal();
    expect(() => round.add()).toThrow(/sealed/);
    expect(round.report(1, null, 't', 0, 2)).toBe(true);
    await round.delivered;
    expect(round.records().map((record) => record.offset)).toEqual(['1', '2']);
  });

  it('ignores reports of other rounds and repeated reports', async () => {
    const round = roundOf(5, 1);
    expect(round.report(4, null, 't', 0, 1)).toBe(false);
    expect(round.report(6, new Error('late failure of the next round'), 't', 0, 1)).toBe(false);
    expect(round.report(5, null, 't', 0, 2)).toBe(true);
    expect(round.report(5, new Error('again'), 't', 0, 3)).toBe(false);
    await expect(round.delivered).resolves.toBeUndefined();
    expect(round.records()).toEqual([{ topic: 't', partition: 0, offset: '2' }]);
  });

  it('rejects at the first failed delivery', async () => {
    const round = roundOf(0, 2);
    round.report(0, null, 't', 0, 1);
    round.report(1, new Error('Broker: Producer fenced'), 't', 0, 0);
    await expect(round.delivered).rejects.toThrow('Producer fenced');
  });

  it('is delivered once sealed when it has no messages', async () => {
    await expect(roundOf(3, 0).delivered).resolves.toBeUndefined();
  });
});
