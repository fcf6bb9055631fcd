import { formatDeadLetterId, parseDeadLetterId } from './dead-letter-id';

describe('dead-letter ids', () => {
  it('names records and deliveries and reads them back', () => {
    const delivery = 'dlv_0b6f7a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b_9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
    expect(parseDeadLetterId('rec_42')).toEqual({ kind: 'record', id: '42' });
    expect(parseDeadLetterId(delivery)).toEqual({
      kind: 'delivery', subscriptionId: '0b6f7a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b', eventId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    });
    expect(formatDeadLetterId(parseDeadLetterId(delivery)!)).toBe(delivery);
  });

  it('refuses anything else', () => {
    for (const text of ['rec_0', 'rec_x', '42', 'rec_1 ', 'dlv_abc_def', 'rec_99999999999999999999']) {
      expect(parseDeadLetterId(text)).toBeUndefined();
    }
  });
});
