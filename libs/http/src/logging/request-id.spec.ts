import { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id';

function idFor(header?: string | string[]): string {
  return requestIdOf({ headers: header === undefined ? {} : { 'x-request-id': header } } as unknown as IncomingMessage);
}

describe('requestIdOf', () => {
  it('keeps a well-formed incoming id', () => {
    expect(idFor('0b6c1f1e-2d7a-4c1e-9a51-3f1c2b7d9e10')).toBe('0b6c1f1e-2d7a-4c1e-9a51-3f1c2b7d9e10');
    expect(idFor('01JD3Z8W6Q.till-7:42')).toBe('01JD3Z8W6Q.till-7:42');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['with spaces or quotes', 'abc "def"'],
    ['with a line break', 'abc\ninjected'],
    ['repeated', ['a', 'b']],
  ])('generates a UUID when the incoming id is %s', (_, header) => {
    expect(idFor(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
