import { KafkaJS } from '@confluentinc/kafka-javascript';
import { setTimeout as delay } from 'node:timers/promises';
import { KafkaProducerService } from './kafka-producer.service';

/** A producer of the KafkaJS-style client whose sends answer as told. */
class FakeProducer {
  connected = false;
  disconnected = false;
  constructor(private readonly answer: () => Promise<KafkaJS.RecordMetadata[]>) {}
  async connect() { this.connected = true; }
  async disconnect() { this.disconnected = true; }
  send() { return this.answer(); }
}

function timedOut(code: number): Error {
  return Object.assign(new Error('Local: Message timed out'), { code });
}

async function connectedService(answers: (() => Promise<KafkaJS.RecordMetadata[]>)[]) {
  const created: FakeProducer[] = [];
  const kafka = { producer: () => created[created.push(new FakeProducer(answers[created.length] ?? answers.at(-1)!)) - 1] };
  const service = new KafkaProducerService(kafka as never, { brokers: ['b:9092'], clientId: 'test' });
  service.onModuleInit();
  while (!service.connected) await delay(1);
  return { service, created };
}

const message = { key: 'GIFT-1', value: '{}' };

describe('KafkaProducerService', () => {
  it('replaces a producer whose delivery timed out with a new one (new broker connections)', async () => {
    const { service, created } = await connectedService([
      () => Promise.reject(timedOut(KafkaJS.ErrorCodes.ERR__MSG_TIMED_OUT)),
      async () => [{ topicName: 't', partition: 0, errorCode: 0, offset: '7' }],
    ]);
    await expect(service.publish('t', [message])).rejects.toThrow('Message timed out');
    expect(created[0].disconnected).toBe(true);
    // Until the new producer has connected, publishing rejects at once (callers retry).
    while (!service.connected) await delay(1);
    expect(created).toHaveLength(2);
    await expect(service.publish('t', [message])).resolves.toEqual([expect.objectContaining({ offset: '7' })]);
  });

  it('keeps its producer when a send fails for another reason', async () => {
    const { service, created } = await connectedService([() => Promise.reject(Object.assign(new Error('Broker: Message size too large'), { code: 10 }))]);
    await expect(service.publish('t', [message])).rejects.toThrow('too large');
    expect(service.connected).toBe(true);
    expect(created).toHaveLength(1);
    expect(created[0].disconnected).toBe(false);
  });
});
