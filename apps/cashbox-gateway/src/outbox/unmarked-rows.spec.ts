import { PublishedRow } from './relay-position';
import { UnmarkedRows } from './unmarked-rows';

const row = (id: string): PublishedRow => ({ id, topic: 't', partition: 0, offset: id });

/** A marking the test finishes by hand. */
function controlled(): { mark: () => Promise<void>; succeed: () => void; fail: (error: Error) => void } {
  let succeed!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    succeed = resolve;
    fail = reject;
  });
  return { mark: () => done, succeed, fail };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('UnmarkedRows', () => {
  it('names the rows of every marking still running, and forgets one once it succeeded', async () => {
    const unmarked = new UnmarkedRows();
    const first = controlled();
    const second = controlled();
    unmarked.add([row('1'), row('2')], first.mark);
    unmarked.add([row('3')], second.mark);
    expect(unmarked.ids()).toEqual(['1', '2', '3']);
    expect(unmarked.size).toBe(3);

    second.succeed();
    await flush();
    expect(unmarked.rows()).toEqual([row('1'), row('2')]);
    expect(unmarked.markingsInFlight).toBe(1);
  });

  it("gives the oldest running marking's scan start: no unmarked row lies before it", async () => {
    const unmarked = new UnmarkedRows();
    expect(unmarked.oldestScanFrom()).toBeUndefined();
    const first = controlled();
    const second = controlled();
    const older = new Map([['t', new Map([[0, '1']])]]);
    const newer = new Map([['t', new Map([[0, '3']])]]);
    unmarked.add([row('1'), row('2')], first.mark, older);
    unmarked.add([row('3')], second.mark, newer);
    expect(unmarked.oldestScanFrom()).toBe(older);

    first.succeed();
    await flush();
    expect(unmarked.oldestScanFrom()).toBe(newer);
  });

  it('keeps the rows of a failed marking and reports the failure until cleared', async () => {
    const unmarked = new UnmarkedRows();
    const marking = controlled();
    unmarked.add([row('1')], marking.mark);
    marking.fail(new Error('database gone'));
    await flush();
    expect(() => unmarked.throwIfFailed()).toThrow('database gone');
    expect(unmarked.ids()).toEqual(['1']);
    await expect(unmarked.waitFor(1, 0)).rejects.toThrow('database gone');

    await unmarked.settle();
    unmarked.clear();
    expect(() => unmarked.throwIfFailed()).not.toThrow();
    expect(unmarked.size).toBe(0);
  });

  it('waits, oldest first, until fewer markings and few enough rows are in flight', async () => {
    const unmarked = new UnmarkedRows();
    const first = controlled();
    const second = controlled();
    unmarked.add([row('1'), row('2')], first.mark);
    unmarked.add([row('3')], second.mark);
    let waited = false;
    const wait = unmarked.waitFor(2, 2).then(() => (waited = true));
    await flush();
    expect(waited).toBe(false);
    first.succeed();
    await wait;
    expect(unmarked.ids()).toEqual(['3']);
    await expect(unmarked.waitFor(2, 1)).resolves.toBeUndefined();
    second.succeed();
  });
});
