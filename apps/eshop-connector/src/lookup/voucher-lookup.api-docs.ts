import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponse, BODY_TOO_LARGE, DATABASE_UNAVAILABLE, invalidBody } from '@voucher-bridge/http';
import { VoucherLookupRequestDto } from './voucher-lookup.request.dto';
import { VoucherLookupResponseDto } from './voucher-lookup.response.dto';

/** What the web shop reads at /docs about `POST /v1/voucher-lookups`. */
export const VoucherLookupApiDocs = () =>
  applyDecorators(
    ApiTags('lookups'),
    ApiOperation({
      summary: 'Look up a voucher by its code',
      description: 'POST, not GET: a voucher code is a bearer value and must not end up in URLs or access logs.',
    }),
    ApiBody({ type: VoucherLookupRequestDto, examples: { lookup: { summary: 'A code from the checkout form', value: { voucherCode: 'GIFT-2026-ABCD' } } } }),
    ApiOkResponse({
      type: VoucherLookupResponseDto,
      description: 'The voucher as registered.',
      example: { voucherCode: '****ABCD', status: 'active', balance: 5000, currency: 'EUR', issuedAt: '2026-11-21T10:15:00.000Z', expiresAt: '2029-11-21T22:59:59.000Z' },
    }),
    ApiProblemResponse(invalidBody([{ field: 'voucherCode', messages: ['voucherCode must be 8-64 characters of A-Z, 0-9 and "-"'] }])),
    ApiProblemResponse({
      status: 404,
      description: 'No voucher with this code is registered (yet: a purchase takes a moment to arrive).',
      slug: 'voucher-not-found',
      title: 'Voucher not found',
      detail: 'No voucher with this code is registered.',
      extensions: { field: 'voucherCode' },
    }),
    ApiProblemResponse(BODY_TOO_LARGE),
    ApiProblemResponse(DATABASE_UNAVAILABLE),
  );
