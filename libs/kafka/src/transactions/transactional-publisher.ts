import { KafkaJS } from '@confluentinc/kafka-javascript';
import type { OutgoingMessage } from '../producer/kafka-producer.service';

/** Messages for one topic, in the order they must land. */
export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

/** Where one message landed. */
export interface PublishedRecord {
  topic: string;
  partition: number;
  offset: string;
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
 * producer of @confluentinc/kafka-javascript allows.
 *
 * After any failure the publisher is spent (`usable` false) and must be replaced by a new one:
 * a commit that failed or timed out may still have committed, and only a new initTransactions
 * settles that (it completes or aborts what this id left open). A fenced publisher (another
 * holder of the id took over) can never publish again.
 */
export class TransactionalPublisher {
  private spent = false;
  private busy = false;

  constructor(
    private readonly producer: KafkaJS.Producer,
    readonly transactionalId: string,
    /** At least the producer's delivery timeout: a message that cannot be delivered fails its send first. */
    private readonly flushTimeoutMs = 60_000,
  ) {}

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
      await this.producer.transaction();
      // One send per message: send() reports only the first offset of each partition, and a
      // caller needs each message's own. The sends are issued synchronously, in order.
      const sends = groups.map((group) => Promise.all(group.messages.map((message) =>
        this.producer.send({ topic: group.topic, messages: [{ ...message }] }).then(([metadata]) => ({
          topic: metadata.topicName, partition: metadata.partition, offset: String(metadata.baseOffset),
        })))));
      const alongside = options.with ? this.producer.send({ topic: options.with.topic, messages: options.with.messages }) : undefined;
      const [published] = await Promise.all([Promise.all(sends), alongside, this.flush()]);
      await options.beforeCommit?.();
      await this.producer.commit();
      return published;
    } catch (error) {
      this.spent = true;
      await this.producer.abort().catch(() => undefined);
      throw error;
    } finally {
      this.busy = false;
    }
  }

  /** Sends what is queued now, not after linger.ms; resolves once all of it was acknowledged. */
  private flush(): Promise<void> {
    return this.producer.flush({ timeout: this.flushTimeoutMs });
  }

  async close(): Promise<void> {
    this.spent = true;
    await this.producer.disconnect().catch(() => undefined);
  }
}
