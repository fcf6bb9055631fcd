import { decodeCursor, encodeCursor } from './dead-letter-cursor';

describe('dead-letter list cursors', () => {
  it('round-trips the last item', () => {
    const cursor = { parkedAt: new Date('2026-11-25T13:00:00.123Z'), id: 'rec_7' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses what it did not make', () => {
    for (const text of ['', 'abc', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x","rec_1"]').toString('base64url')]) {
      expect(decodeCursor(text)).toBeUndefined();
    }
  });
});
