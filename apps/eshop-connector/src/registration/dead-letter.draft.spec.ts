import { keyFingerprint, storableText } from './dead-letter.draft';

describe('dead-letter text PostgreSQL can store', () => {
  it('replaces NUL, which a parse error quotes from garbage bytes, and keeps everything else', () => {
    expect(storableText('Unexpected token \u0000, "\u0000\u0000not json" is not valid JSON'))
      .toBe('Unexpected token \uFFFD, "\uFFFD\uFFFDnot json" is not valid JSON');
    expect(storableText('payload.amount.value must be positive')).toBe('payload.amount.value must be positive');
  });

  it('masks a key ending in NUL bytes without them', () => {
    expect(keyFingerprint('GIFT-12\u0000\u0000').masked).toBe('****12\uFFFD\uFFFD');
  });
});
