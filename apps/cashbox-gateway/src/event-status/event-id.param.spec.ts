import { ProblemException } from '@voucher-bridge/http';
import { eventIdOf } from './event-id.param';

describe('eventIdOf', () => {
  it('accepts a UUID in either case, lower-cased', () => {
    expect(eventIdOf('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it.each(['42', 'not-a-uuid', '0f8fad5b-d9cb-469f-a165-70867728950e0', "'; DROP TABLE x; --"])('refuses %p with a 400 naming eventId', (value) => {
    try {
      eventIdOf(value);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({ status: 400, errors: [{ field: 'eventId' }] });
    }
  });
});
