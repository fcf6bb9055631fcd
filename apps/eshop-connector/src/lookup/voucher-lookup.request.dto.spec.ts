import { oneFieldVariants } from '@voucher-bridge/fuzzing';
import { problemValidationPipe } from '@voucher-bridge/http';
import { VoucherLookupRequestDto } from './voucher-lookup.request.dto';

const fullValidation = problemValidationPipe({ recognisers: false });
const metadata = { type: 'body', metatype: VoucherLookupRequestDto } as const;

describe('VoucherLookupRequestDto.recognise', () => {
  it('recognises a plainly valid lookup as the full validation reads it', async () => {
    const recognised = VoucherLookupRequestDto.recognise({ voucherCode: 'GIFT-2026-ABCD' });
    expect(recognised).toBeInstanceOf(VoucherLookupRequestDto);
    expect(await fullValidation.transform({ voucherCode: 'GIFT-2026-ABCD' }, metadata)).toEqual(recognised);
  });

  it('never recognises what the full validation refuses', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const variant of oneFieldVariants({ voucherCode: 'GIFT-2026-ABCD' })) {
      checked++;
      if (VoucherLookupRequestDto.recognise(variant) === undefined) continue;
      await fullValidation.transform(variant, metadata).catch(() => wrong.push(JSON.stringify(variant)));
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });
});
