import { decodeRelayPosition, encodeRelayPosition } from './relay-position';

describe('relay position', () => {
  it('round-trips the published rows, topics written once', () => {
    const rows = [
      { id: '7', topic: 'prod.voucher', partition: 2, offset: '10' },
      { id: '9', topic: 'prod.voucher', partition: 0, offset: '4' },
      { id: '12', topic: 'prod.other', partition: 1, offset: '9007199254740993' },
    ];
    const encoded = encodeRelayPosition(rows);
    expect(encoded.match(/prod\.voucher/g)).toHaveLength(1);
    expect(decodeRelayPosition(Buffer.from(encoded))).toEqual(rows);
  });

  it('refuses a record that is not a position', () => {
    expect(() => decodeRelayPosition('{"v":2}')).toThrow('not a relay position');
  });
});
