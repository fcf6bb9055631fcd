import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DiscardDeadLettersRequestDto, ReplayDeadLettersRequestDto } from './dead-letter-action.request.dto';
import { ListDeadLettersQueryDto } from './list-dead-letters.query.dto';

async function refusedFields(type: new () => object, plain: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(type, plain));
  return errors.flatMap((e) => [e.property, ...(e.children ?? []).map((c) => `${e.property}.${c.property}`)]);
}

describe('dead-letter requests found by the fuzz run', () => {
  it('refuses a null dryRun instead of replaying for real', async () => {
    expect(await refusedFields(ReplayDeadLettersRequestDto, { ids: ['rec_1'], dryRun: null })).toEqual(['dryRun']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { ids: ['rec_1'] })).toEqual([]);
    expect(plainToInstance(ReplayDeadLettersRequestDto, { ids: ['rec_1'] }).dryRun).toBe(false);
  });

  it('refuses a null selection, which passed as "every parked dead letter"', async () => {
    expect(await refusedFields(ReplayDeadLettersRequestDto, { ids: null, dryRun: true })).toEqual(['ids']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { filter: null })).toEqual(['filter']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { all: null })).toEqual(['all']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { filter: { kind: null, reason: null, parkedBefore: null } }))
      .toEqual(['filter', 'filter.kind', 'filter.reason', 'filter.parkedBefore']);
    expect(await refusedFields(DiscardDeadLettersRequestDto, { ids: null, reason: 'x' })).toEqual(['ids']);
    expect(await refusedFields(DiscardDeadLettersRequestDto, { ids: 'rec_1', reason: 'x' })).toEqual(['ids']);
    // What stays valid: each selection alone, an empty filter, a filter's fields left out.
    expect(await refusedFields(ReplayDeadLettersRequestDto, { ids: ['rec_1', 'rec_2'] })).toEqual([]);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { filter: {} })).toEqual([]);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { filter: { kind: 'record', reason: 'UNKNOWN_VOUCHER' } })).toEqual([]);
    expect(await refusedFields(DiscardDeadLettersRequestDto, { all: true, reason: 'x' })).toEqual([]);
  });

  it('refuses a NUL in a reason, which PostgreSQL text cannot hold', async () => {
    expect(await refusedFields(ListDeadLettersQueryDto, { reason: 'a\u0000' })).toEqual(['reason']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { filter: { reason: '\u0000' } })).toEqual(['filter', 'filter.reason']);
    expect(await refusedFields(DiscardDeadLettersRequestDto, { ids: ['rec_1'], reason: 'x\u0000y' })).toEqual(['reason']);
    expect(await refusedFields(ListDeadLettersQueryDto, { reason: 'INSUFFICIENT_FUNDS' })).toEqual([]);
  });
});
