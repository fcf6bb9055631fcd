import { keyPartition } from '@voucher-bridge/kafka';
import { PartitionPins } from './partition-pins';

describe('PartitionPins', () => {
  it('pins a topic to the partitions it has when first written to, and keeps a seeded count when partitions were added', () => {
    const pins = new PartitionPins();
    pins.seed(new Map([['prod.voucher', 3]]));
    expect(pins.cover('prod.voucher', 6)).toBe('kept');
    expect(pins.cover('prod.other', 4)).toBe('pinned');
    expect(pins.entries()).toEqual([['prod.voucher', 3], ['prod.other', 4]]);
    expect(pins.partitionFor('prod.voucher', 'GIFT-1')).toBe(keyPartition('GIFT-1', 3));
  });

  it('sends every key where librdkafka would with the pinned count, and moves keys only once a new count is pinned', () => {
    const pins = new PartitionPins();
    pins.cover('prod.voucher', 3);
    const keys = Array.from({ length: 200 }, (_, i) => `GIFT-${i}`);
    expect(keys.every((key) => pins.partitionFor('prod.voucher', key) < 3)).toBe(true);
    pins.pin('prod.voucher', 6);
    const moved = keys.filter((key) => pins.partitionFor('prod.voucher', key) >= 3);
    expect(moved.length).toBeGreaterThan(50);
  });

  it('comes down to the partitions a topic has when it has fewer than pinned (created again)', () => {
    const pins = new PartitionPins();
    pins.seed(new Map([['prod.voucher', 6]]));
    expect(pins.cover('prod.voucher', 2)).toBe('shrunk');
    expect(pins.entries()).toEqual([['prod.voucher', 2]]);
  });

  it('refuses a topic it has no count for', () => {
    expect(() => new PartitionPins().partitionFor('prod.voucher', 'GIFT-1')).toThrow('no partition count pinned');
  });
});
