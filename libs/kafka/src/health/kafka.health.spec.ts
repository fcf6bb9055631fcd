import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaAdminService } from '../admin/kafka-admin.service';
import { KafkaConsumerFactory } from '../consumer/kafka-consumer.factory';
import { KafkaProducerService } from '../producer/kafka-producer.service';
import { KafkaHealthIndicator } from './kafka.health';

function indicator(state: { producer: boolean; consumer: boolean; brokerAnswers: boolean }) {
  const admin = { ping: jest.fn(async () => { if (!state.brokerAnswers) throw new Error('timed out after 2000 ms listing topics'); }) };
  const producer = { connected: state.producer };
  const consumers = { consumers: [{ groupId: 'test.eshop-connector', consuming: state.consumer }] };
  return new KafkaHealthIndicator(
    admin as unknown as KafkaAdminService,
    producer as unknown as KafkaProducerService,
    consumers as unknown as KafkaConsumerFactory,
    new HealthIndicatorService(),
  );
}

describe('KafkaHealthIndicator', () => {
  it('is down while a consumer has not joined, even though the broker answers', async () => {
    await expect(indicator({ producer: true, consumer: false, brokerAnswers: true }).isHealthy()).resolves.toEqual({
      kafka: { status: 'down', message: 'not connected yet: consumer of group test.eshop-connector' },
    });
  });

  it('is down while the producer has not connected', async () => {
    const result = await indicator({ producer: false, consumer: true, brokerAnswers: true }).isHealthy();
    expect(result.kafka).toMatchObject({ status: 'down', message: 'not connected yet: producer' });
  });

  it('is down when no broker answers now, although every client connected once', async () => {
    const result = await indicator({ producer: true, consumer: true, brokerAnswers: false }).isHealthy();
    expect(result.kafka).toMatchObject({ status: 'down', message: 'timed out after 2000 ms listing topics' });
  });

  it('is up when every client is connected and a broker answers', async () => {
    await expect(indicator({ producer: true, consumer: true, brokerAnswers: true }).isHealthy()).resolves.toEqual({ kafka: { status: 'up' } });
  });
});
