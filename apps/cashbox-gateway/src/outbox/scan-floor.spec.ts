import { ScanFloor } from './scan-floor';

const row = (partition: number, offset: string) => ({ id: offset, topic: 'prod.voucher', partition, offset });

describe('ScanFloor', () => {
  it('starts a topic at its end offsets and moves past each record landed, never back', () => {
    const floor = new ScanFloor();
    expect(floor.covers('prod.voucher')).toBe(false);
    floor.start('prod.voucher', new Map([[0, '5'], [1, '0']]));
    expect(floor.covers('prod.voucher')).toBe(true);
    floor.advance([row(0, '7'), row(0, '6'), row(1, '2')]);
    floor.advance([row(1, '1')]);
    expect(floor.snapshot()).toEqual(new Map([['prod.voucher', new Map([[0, '8'], [1, '3']])]]));
  });

  it('hands out snapshots that later advances leave alone', () => {
    const floor = new ScanFloor();
    floor.start('prod.voucher', new Map([[0, '5']]));
    const before = floor.snapshot();
    floor.advance([row(0, '9007199254740993')]);
    expect(before.get('prod.voucher')!.get(0)).toBe('5');
    expect(floor.snapshot().get('prod.voucher')!.get(0)).toBe('9007199254740994');
  });

  it('merges two floors to the lower offset per partition', () => {
    const older = new Map([['prod.voucher', new Map([[0, '5'], [1, '30']])]]);
    const newer = new Map([['prod.voucher', new Map([[0, '9'], [1, '4'], [2, '7']])], ['prod.other', new Map([[0, '1']])]]);
    expect(ScanFloor.lowest(older, newer)).toEqual(new Map([
      ['prod.voucher', new Map([[0, '5'], [1, '4'], [2, '7']])],
      ['prod.other', new Map([[0, '1']])],
    ]));
  });

  it('forgets everything when cleared (a recreated topic restarts its offsets)', () => {
    const floor = new ScanFloor();
    floor.start('prod.voucher', new Map([[0, '5']]));
    floor.clear();
    expect(floor.covers('prod.voucher')).toBe(false);
    expect(floor.snapshot()).toEqual(new Map());
  });
});
