import { EventEmitter } from 'node:events';
import type { Producer } from '@confluentinc/kafka-javascript';
import { CommitOptions, TopicMessages, TransactionalPublisher } from './transactional-publisher';

type Callback = (error?: Error | null) => void;

/** A stand-in for librdkafka's Producer: records calls; the "broker" acknowledges what was produced a moment later (or never). */
class FakeProducer extends EventEmitter {
  readonly calls: string[] = [];
  readonly produced: { topic: string; value: string; key: unknown; opaque: number; headers?: object[] }[] = [];
  offsets = new Map<string, number>();
  failProduceAt = -1;
  commitError?: Error;
  /** The broker acknowledges every message produced, a moment later; false: no report ever comes. */
  acknowledges = true;
  /** Messages produced whose reports had not reached JavaScript when the commit was called. */
  unreportedAtCommit: number[] = [];
  private unreported = 0;

  beginTransaction(done: Callback): void { this.calls.push('begin'); done(); }
  produce(topic: string, _partition: null, value: Buffer, key: unknown, _timestamp: null, opaque: number, headers?: object[]): void {
    if (this.produced.length === this.failProduceAt) throw new Error('Local: Queue full');
    this.produced.push({ topic, value: value.toString(), key, opaque, headers });
    this.unreported++;
    if (this.acknowledges && this.produced.length === 1) setImmediate(() => this.deliverAll());
  }
  commitTransaction(_timeout: number, done: Callback): void {
    this.calls.push('commit');
    this.unreportedAtCommit.push(this.unreported);
    done(this.commitError);
  }
  abortTransaction(_timeout: number, done: Callback): void { this.calls.push('abort'); done(); }
  disconnect(_timeout: number, done: Callback): void { this.calls.push('disconnect'); done(); }

  private deliverAll(): void {
    for (const message of this.produced.splice(0)) {
      const offset = this.offsets.get(message.topic) ?? 0;
      this.offsets.set(message.topic, offset + 1);
      // Reports reach JavaScript a while after the message was produced.
      setImmediate(() => {
        this.unreported--;
        this.emit('delivery-report', null, { topic: message.topic, partition: 0, offset, opaque: message.opaque });
      });
    }
  }
}

function publisherOn(fake: FakeProducer): TransactionalPublisher {
  return new TransactionalPublisher(fake as unknown as Producer, 'test.relay', 1_000);
}

/** One transaction with every group's messages, as a caller that has them all at once would send them. */
async function publish(publisher: TransactionalPublisher, groups: TopicMessages[], options?: CommitOptions) {
  const transaction = await publisher.begin();
  try {
    for (const group of groups) for (const message of group.messages) transaction.send(group.topic, message);
  } catch (error) {
    await transaction.abort();
    throw error;
  }
  return transaction.commit(options);
}

describe('TransactionalPublisher', () => {
  it('produces each group in order with its headers, commits, and says where each message landed (the position left out)', async () => {
    const fake = new FakeProducer();
    const publisher = publisherOn(fake);
    const produced: FakeProducer['produced'] = [];
    const produce = fake.produce.bind(fake);
    fake.produce = (...args: Parameters<FakeProducer['produce']>) => { produce(...args); produced.push(fake.produced.at(-1)!); };

    const landed = await publish(publisher, [
      { topic: 'test.voucher', messages: [{ key: 'A', value: 'a1', headers: { ce_id: '1', ce_type: 'voucher.purchased' } }, { key: 'B', value: 'b1' }] },
      { topic: 'test.other', messages: [{ key: 'A', value: 'a2' }] },
    ], { with: { topic: 'test.voucher.relay-position', messages: [{ key: 'test.relay', value: 'position' }] } });

    expect(fake.calls).toEqual(['begin', 'commit']);
    // Committed only once every message was acknowledged: the commit's flush has nothing to wait for.
    expect(fake.unreportedAtCommit).toEqual([0]);
    expect(produced.map((m) => [m.topic, m.value, m.opaque])).toEqual([
      ['test.voucher', 'a1', 0], ['test.voucher', 'b1', 1], ['test.other', 'a2', 2], ['test.voucher.relay-position', 'position', 3],
    ]);
    expect(produced[0].headers).toEqual([{ ce_id: '1' }, { ce_type: 'voucher.purchased' }]);
    expect(landed).toEqual([
      { topic: 'test.voucher', partition: 0, offset: '0' }, { topic: 'test.voucher', partition: 0, offset: '1' },
      { topic: 'test.other', partition: 0, offset: '0' },
    ]);
    // The next transaction's messages continue the sequence: a late report of this one cannot be taken for them.
    await publish(publisher, [{ topic: 'test.voucher', messages: [{ key: 'C', value: 'c1' }] }]);
    expect(produced.at(-1)!.opaque).toBe(4);
    expect(publisher.usable).toBe(true);
  });

  it('acknowledges everything before beforeCommit runs, and aborts when it rejects', async () => {
    const fake = new FakeProducer();
    const publisher = publisherOn(fake);
    await expect(publish(publisher, [{ topic: 'test.voucher', messages: [{ key: 'A', value: 'a1' }] }], {
      beforeCommit: async () => { fake.calls.push('beforeCommit'); throw new Error('marking failed'); },
    })).rejects.toThrow('marking failed');
    expect(fake.calls).toEqual(['begin', 'beforeCommit', 'abort']);
    expect(publisher.usable).toBe(false);
    await expect(publisher.begin()).rejects.toThrow(/spent/);
  });

  it('aborts and is spent when librdkafka refuses a message or the commit fails', async () => {
    const refusing = new FakeProducer();
    refusing.failProduceAt = 1;
    const first = publisherOn(refusing);
    await expect(publish(first, [{ topic: 't', messages: [{ key: 'A', value: '1' }, { key: 'B', value: '2' }] }])).rejects.toThrow('Queue full');
    expect(refusing.calls).toEqual(['begin', 'abort']);
    expect(first.usable).toBe(false);

    const fenced = new FakeProducer();
    fenced.commitError = new Error('Broker: Producer fenced');
    const second = publisherOn(fenced);
    await expect(publish(second, [{ topic: 't', messages: [{ key: 'A', value: '1' }] }])).rejects.toThrow('fenced');
    expect(fenced.calls).toEqual(['begin', 'commit', 'abort']);
    expect(second.usable).toBe(false);
  });

  it('does not wait forever for delivery reports that never come, and then aborts instead of committing', async () => {
    const silent = new FakeProducer();
    silent.acknowledges = false;
    const publisher = publisherOn(silent);
    await expect(publish(publisher, [{ topic: 't', messages: [{ key: 'A', value: '1' }] }])).rejects.toThrow(/timed out/);
    expect(silent.calls).toEqual(['begin', 'abort']);
    expect(publisher.usable).toBe(false);
  });

  it('fills one transaction in several sends, the first ones acknowledged meanwhile, and commits them once', async () => {
    const fake = new FakeProducer();
    const publisher = publisherOn(fake);
    const transaction = await publisher.begin();
    transaction.send('test.voucher', { key: 'A', value: 'a1' });
    transaction.send('test.voucher', { key: 'B', value: 'b1' });
    await new Promise((resolve) => setTimeout(resolve, 5)); // the next batch is being read
    expect(fake.offsets.get('test.voucher')).toBe(2);
    await expect(publisher.begin()).rejects.toThrow('one transaction at a time');
    transaction.send('test.voucher', { key: 'A', value: 'a2' });
    const landed = await transaction.commit({ with: { topic: 'test.voucher.relay-position', messages: [{ key: 'test.relay', value: 'position' }] } });

    expect(fake.calls).toEqual(['begin', 'commit']);
    expect(fake.unreportedAtCommit).toEqual([0]);
    expect(landed.map((record) => `${record.topic}@${record.offset}`)).toEqual(['test.voucher@0', 'test.voucher@1', 'test.voucher@2']);
    expect(() => transaction.send('test.voucher', { key: 'C', value: 'c1' })).toThrow('the transaction is over');
    await transaction.abort(); // too late: changes nothing
    expect(fake.calls).toEqual(['begin', 'commit']);
    expect(publisher.usable).toBe(true);
  });

  it('is spent once the caller aborts a transaction (a batch it could not read, say)', async () => {
    const fake = new FakeProducer();
    const publisher = publisherOn(fake);
    const transaction = await publisher.begin();
    transaction.send('test.voucher', { key: 'A', value: 'a1' });
    await transaction.abort();
    expect(fake.calls).toEqual(['begin', 'abort']);
    expect(publisher.usable).toBe(false);
    await expect(transaction.commit()).rejects.toThrow('the transaction is over');
    await expect(publisher.begin()).rejects.toThrow(/spent/);
  });
});
