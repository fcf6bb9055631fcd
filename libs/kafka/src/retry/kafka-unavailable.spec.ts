import { KafkaJS } from '@confluentinc/kafka-javascript';
import { isKafkaUnavailable } from './kafka-unavailable';

describe('isKafkaUnavailable', () => {
  it('recognises errors of the Kafka client and of a producer not connected yet', () => {
    expect(isKafkaUnavailable(new KafkaJS.KafkaJSError('Local: Message timed out'))).toBe(true);
    expect(isKafkaUnavailable(new Error('Kafka producer is not connected yet'))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isKafkaUnavailable(new TypeError("Cannot read properties of undefined (reading 'value')"))).toBe(false);
    expect(isKafkaUnavailable('a string')).toBe(false);
  });
});
