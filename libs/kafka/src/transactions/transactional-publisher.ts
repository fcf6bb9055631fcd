import type { DeliveryReport, LibrdKafkaError, MessageHeader, Metadata, Producer } from '@confluentinc/kafka-javascript';
import { setTimeout as delay } from 'node:timers/promises';
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

export interface CommitOptions {
  /**
   * Messages sent last and committed with the others (a position record naming them): one
   * acknowledgement to wait for, not two. Left out of what `commit` returns.
   */
  with?: TopicMessages;
  /** Awaited after every message was acknowledged and before the commit; a rejection aborts. */
  beforeCommit?: () => Promise<unknown>;
  /**
   * Gives up waiting for the acknowledgements when it aborts (a shutdown that cannot wait for a
   * broker that is away): the transaction is aborted, as after a timeout.
   */
  signal?: AbortSignal;
}

/** A Kafka transaction being filled: `send` as often as needed, then `commit` or `abort` once. */
export interface OpenTransaction {
  /**
   * Queues one message (its acknowledgement arrives while more are sent). Throws when librdkafka
   * refuses it (its queue is full, the producer has failed): the caller must then `abort`.
   */
  send(topic: string, message: OutgoingMessage): void;
  /**
   * Resolves, once the transaction committed, with where each message sent landed, in the order
   * sent. Rejects when it did not commit or may not have; its messages are then invisible to
   * read_committed consumers, or settled by the next publisher's initTransactions.
   */
  commit(options?: CommitOptions): Promise<PublishedRecord[]>;
  abort(): Promise<void>;
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
 * A transaction is filled message by message: a caller reading its messages in batches sends each
 * batch while the broker acknowledges the ones before, and pays a transaction's fixed costs (begin,
 * the wait for the last acknowledgements, the commit) once for all of them.
 *
 * After any failure or abort the publisher is spent (`usable` false) and must be replaced by a new
 * one: a commit that failed or timed out may still have committed, and only a new
 * initTransactions settles that (it completes or aborts what this id left open). A fenced
 * publisher (another holder of the id took over) can never publish again.
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

  /** Begins a Kafka transaction. Rejects (and the publisher is spent) when the broker refuses. */
  async begin(): Promise<OpenTransaction> {
    if (this.spent) throw new Error(`transactional publisher ${this.transactionalId} is spent: open a new one`);
    if (this.busy) throw new Error('one transaction at a time');
    this.busy = true;
    try {
      await viaCallback((done) => this.producer.beginTransaction(done));
    } catch (error) {
      await this.fail();
      throw error;
    }
    const round = new DeliveryRound(this.sequence);
    this.round = round;
    return {
      send: (topic, message) => this.produce(round, topic, message),
      commit: (options) => this.commit(round, options),
      // After its commit (or a failed one) there is nothing left to abort.
      abort: () => (this.round === round ? this.fail() : Promise.resolve()),
    };
  }

  private produce(round: DeliveryRound, topic: string, message: OutgoingMessage): void {
    if (this.round !== round) throw new Error('the transaction is over');
    this.producer.produce(topic, message.partition ?? null, toBuffer(message.value), message.key, null, round.next, headersOf(message));
    round.add();
    this.sequence = round.next;
  }

  private async commit(round: DeliveryRound, options: CommitOptions = {}): Promise<PublishedRecord[]> {
    if (this.round !== round) throw new Error('the transaction is over');
    try {
      for (const message of options.with?.messages ?? []) this.produce(round, options.with!.topic, message);
      round.seal();
      // Every acknowledgement is awaited here, before the commit, so that the commit's own flush
      // finds nothing left and returns at once. Left to it, the flush polls the queue that the
      // background poll thread serves (the binding forwards it there) and sleeps up to 10 ms
      // after the last acknowledgement: back-to-back transactions of 10 messages on the bench
      // machine took 17-19 ms each with that flush and 6-11 ms with this wait.
      await withTimeout(round.delivered, this.commitTimeoutMs, 'waiting for the delivery reports', options.signal);
      await options.beforeCommit?.();
      await viaCallback((done) => this.producer.commitTransaction(this.commitTimeoutMs, done));
      const records = round.records();
      return records.slice(0, records.length - (options.with?.messages.length ?? 0));
    } catch (error) {
      await this.fail();
      throw error;
    } finally {
      this.round = undefined;
      this.busy = false;
    }
  }

  /**
   * Waits until this producer's metadata has `partitionCount` partitions for `topic` (asking the
   * cluster): librdkafka refuses a message for a partition it has not heard of ("Unknown
   * partition"), and its own refresh comes only every few minutes.
   */
  async awaitPartitions(topic: string, partitionCount: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const metadata = await new Promise<Metadata>((resolve, reject) => this.producer.getMetadata(
        { topic, timeout: Math.max(1, deadline - Date.now()) }, (error, data) => (error ? reject(error) : resolve(data))));
      const known = metadata.topics.find((entry) => entry.name === topic)?.partitions.length ?? 0;
      if (known >= partitionCount) return;
      if (Date.now() >= deadline) throw new Error(`the producer knows ${known} of ${topic}'s ${partitionCount} partitions`);
      await delay(100);
    }
  }

  /** Aborts the open transaction, if any; the publisher is spent. */
  private async fail(): Promise<void> {
    this.spent = true;
    this.round = undefined;
    await viaCallback((done) => this.producer.abortTransaction(10_000, done)).catch(() => undefined);
    this.busy = false;
  }

  async close(): Promise<void> {
    this.spent = true;
    await viaCallback((done) => this.producer.disconnect(10_000, done)).catch(() => undefined);
  }
}

function toBuffer(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

/** librdkafka's binding takes headers as a list of one-entry objects. */
function headersOf(message: OutgoingMessage): MessageHeader[] | undefined {
  if (!message.headers) return undefined;
  return Object.entries(message.headers).map(([name, value]) => ({ [name]: value }));
}
