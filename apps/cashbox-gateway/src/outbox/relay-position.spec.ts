import { decodeRelayPosition, encodeRelayPosition } from './relay-position';

describe('relay position', () => {
  it('round-trips the named rows and where to look for them, topics written once', () => {
    const rows = [
      { id: '7', topic: 'prod.voucher' },
      { id: '9', topic: 'prod.voucher' },
      { id: '12', topic: 'prod.other' },
    ];
    const scanFrom = new Map([
      ['prod.voucher', new Map([[0, '4'], [2, '10']])],
      ['prod.other', new Map([[1, '9007199254740993']])],
    ]);
    const encoded = encodeRelayPosition(rows, scanFrom, [['prod.voucher', 3], ['prod.idle', 6]]);
    expect(encoded.match(/prod\.voucher/g)).toHaveLength(1);
    const decoded = decodeRelayPosition(Buffer.from(encoded));
    expect(decoded.rows).toEqual(rows);
    expect(decoded.scanFrom).toEqual(scanFrom);
    expect(decoded.located).toBeUndefined();
    expect(decoded.partitions).toEqual(new Map([['prod.voucher', 3], ['prod.idle', 6]]));
  });

  it('reads the partition counts of version 2 positions written before they were kept as none', () => {
    const earlier = JSON.stringify({ v: 2, topics: ['prod.voucher'], rows: [['7', 0]], scanFrom: [[0, 1, '5']] });
    const decoded = decodeRelayPosition(earlier);
    expect(decoded.rows).toEqual([{ id: '7', topic: 'prod.voucher' }]);
    expect(decoded.partitions).toEqual(new Map());
  });

  it('still reads the version 1 positions of earlier relays, with each row located', () => {
    const v1 = JSON.stringify({ v: 1, topics: ['prod.voucher'], rows: [['7', 0, 2, '10'], ['9', 0, 0, '4']] });
    const decoded = decodeRelayPosition(v1);
    expect(decoded.located).toEqual([
      { id: '7', topic: 'prod.voucher', partition: 2, offset: '10' },
      { id: '9', topic: 'prod.voucher', partition: 0, offset: '4' },
    ]);
    expect(decoded.rows).toEqual([{ id: '7', topic: 'prod.voucher' }, { id: '9', topic: 'prod.voucher' }]);
  });

  it('refuses a record that is not a position', () => {
    expect(() => decodeRelayPosition('{"v":3}')).toThrow('not a relay position');
    expect(() => decodeRelayPosition('{"v":2,"rows":[]}')).toThrow('not a relay position');
  });
});
