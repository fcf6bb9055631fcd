import type { DeliveryReport, LibrdKafkaError, MessageHeader, Producer } from '@confluentinc/kafka-javascript';
import { withTimeout } from '../retry/with-timeout';
import type { OutgoingMessage } from '../producer/kafka-producer.service';
import { DeliveryRound, PublishedRecord } from './delivery-round';
import { viaCallback } from '../via-callback';

export type { PublishedRecord } from './delivery-round';

/** Messages for one topic, in the order they must land. */
export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

export interface TransactionOptions {
  /**
   * Messages sent in the same round as the others and committed with them (a position record
   * naming them): one acknowledgement to wait for, not two.
   */
  with?: TopicMessages;
  /** Awaited after every message was acknowledged and before the commit; a rejection aborts. */
  beforeCommit?: () => Promise<unknown>;
}

/**
 * One transactional producer (a fixed `transactional.id`, connected and past initTransactions,
 * which fenced every earlier producer of that id). One transaction at a time: that is all a
 * librdkafka producer allows.
 *
 * It drives librdkafka's own producer API rather than the KafkaJS-compatible layer: that layer
 * wraps every message in a promise and a `send()` of its own (a caller needs each message's own
 * offset, which `send()` reports only per partition) and costs the relay about 1.6 times the CPU
 * per message (50,000 messages with six headers: 33–47 against 21–25 µs each, on the bench machine).
 *
 * After any failure the publisher is spent (`usable` false) and must be replaced by a new one:
 * a commit that failed or timed out may still have committed, and only a new initTransactions
 * settles that (it completes or aborts what this id left open). A fenced publisher (another
 * holder of the id took over) can never publish again.
 */
export class TransactionalPublisher {
  private spent = false;
  private busy = false;
  /** Opaque value of the next message produced: a delivery report names its round by it. */
  private sequence = 0;
  private round?: DeliveryRound;

  constructor(
    private readonly producer: Producer,
    readonly transactionalId: string,
    /** At least the producer's delivery timeout: a message that cannot be delivered fails first. */
    private readonly commitTimeoutMs = 60_000,
  ) {
    producer.on('delivery-report', (error: LibrdKafkaError, report: DeliveryReport) => {
      this.round?.report(report.opaque as number, error, report.topic, report.partition, report.offset);
    });
  }

  get usable(): boolean {
    return !this.spent;
  }

  /**
   * Publishes every message in one Kafka transaction and resolves, once it committed, with where
   * each message landed (per group, in the order given). Rejects when the transaction did not
   * commit or may not have; its messages are then invisible to read_committed consumers, or
   * settled by the next publisher's initTransactions.
   */
  async publish(groups: TopicMessages[], options: TransactionOptions = {}): Promise<PublishedRecord[][]> {
    if (this.spent) throw new Error(`transactional publisher ${this.transactionalId} is spent: open a new one`);
    if (this.busy) throw new Error('one transaction at a time');
    this.busy = true;
    try {
      await viaCallback((done) => this.producer.beginTransaction(done));
      const all = options.with ? [...groups, options.with] : groups;
      const round = this.produce(all);
      // Every acknowledgement is awaited here, before the commit, so that the commit's own flush
      // finds nothing left and returns at once. Left to it, the flush polls the queue that the
      // background poll thread serves (the binding forwards it there) and sleeps up to 10 ms
      // after the last acknowledgement: back-to-back transactions of 10 messages on the bench
      // machine took 17-19 ms each with that flush and 6-11 ms with this wait.
      await withTimeout(round.delivered, this.commitTimeoutMs, 'waiting for the delivery reports');
      await options.beforeCommit?.();
      await viaCallback((done) => this.producer.commitTransaction(this.commitTimeoutMs, done));
      return landedPerGroup(groups, round.records());
    } catch (error) {
      this.spent = true;
      await viaCallback((done) => this.producer.abortTransaction(10_000, done)).catch(() => undefined);
      throw error;
    } finally {
      this.round = undefined;
      this.busy = false;
    }
  }

  /** Queues every message in order; each one's delivery report goes to the round returned. */
  private produce(groups: TopicMessages[]): DeliveryRound {
    const count = groups.reduce((n, group) => n + group.messages.length, 0);
    const round = new DeliveryRound(this.sequence, count);
    this.round = round;
    // Throws when librdkafka refuses a message (its queue is full, the producer has failed): the
    // transaction is then aborted.
    for (const group of groups) {
      for (const message of group.messages) {
        this.producer.produce(group.topic, null, toBuffer(message.value), message.key, null, this.sequence++, headersOf(message));
      }
    }
    return round;
  }

  async close(): Promise<void> {
    this.spent = true;
    await viaCallback((done) => this.producer.disconnect(10_000, done)).catch(() => undefined);
  }
}

/** The round's records split back into the caller's groups (the `with` messages are left out). */
function landedPerGroup(groups: TopicMessages[], records: PublishedRecord[]): PublishedRecord[][] {
  let next = 0;
  return groups.map((group) => records.slice(next, (next += group.messages.length)));
}

function toBuffer(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

/** librdkafka's binding takes headers as a list of one-entry objects. */
function headersOf(message: OutgoingMessage): MessageHeader[] | undefined {
  if (!message.headers) return undefined;
  return Object.entries(message.headers).map(([name, value]) => ({ [name]: value }));
}
