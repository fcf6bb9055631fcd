import type { SqlPool } from '../sql-pool';
import { deleteInSlices } from './sliced-delete';

describe('deleteInSlices', () => {
  it('deletes slice after slice until one is not full, and answers the total', async () => {
    const query = jest.fn()
      .mockResolvedValueOnce({ rowCount: 3 })
      .mockResolvedValueOnce({ rowCount: 3 })
      .mockResolvedValueOnce({ rowCount: 1 });
    expect(await deleteInSlices({ query } as unknown as SqlPool, 'DELETE …', 60, 3)).toBe(7);
    expect(query).toHaveBeenCalledTimes(3);
    expect(query).toHaveBeenCalledWith('DELETE …', [60, 3]);
  });

  it('stops after one statement when nothing is due', async () => {
    const query = jest.fn().mockResolvedValue({ rowCount: 0 });
    expect(await deleteInSlices({ query } as unknown as SqlPool, 'DELETE …', 60)).toBe(0);
    expect(query).toHaveBeenCalledWith('DELETE …', [60, 5_000]);
    expect(query).toHaveBeenCalledTimes(1);
  });
});
