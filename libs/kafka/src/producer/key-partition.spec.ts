import { keyPartition } from './key-partition';

describe('keyPartition', () => {
  it("is the key's CRC-32 (as librdkafka's rd_crc32 computes it) modulo the partition count", () => {
    // CRC-32's check value: crc32("123456789") = 0xCBF43926 = 3421780262.
    expect(keyPartition('123456789', 6)).toBe(3421780262 % 6);
    expect(keyPartition(Buffer.from('123456789'), 1000)).toBe(262);
  });

  it('gives a key the same partition whatever form the key comes in, and one within the count', () => {
    for (const key of ['GIFT-AAAA-BBBB-CCCC', 'é', '']) {
      expect(keyPartition(key, 7)).toBe(keyPartition(Buffer.from(key, 'utf8'), 7));
      expect(keyPartition(key, 7)).toBeGreaterThanOrEqual(0);
      expect(keyPartition(key, 7)).toBeLessThan(7);
    }
  });

  it('refuses a count that is no partition count', () => {
    expect(() => keyPartition('k', 0)).toThrow(RangeError);
    expect(() => keyPartition('k', 2.5)).toThrow(RangeError);
  });
});
