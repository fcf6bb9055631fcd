import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireApiKey } from '@voucher-bridge/api-keys';
import { OperationsOverviewApiDocs, VoucherTraceApiDocs } from './operations.api-docs';
import { OperationsOverviewDto } from './operations-overview.response.dto';
import { OperationsOverviewService } from './operations-overview.service';
import { VoucherTraceRequestDto } from './voucher-trace.request.dto';
import { VoucherTraceDto } from './voucher-trace.response.dto';
import { VoucherTraceService } from './voucher-trace.service';

/** What the operations console (and `admin trace`) reads. Operator keys only (others: 403). */
// Tagged as a whole: untagged, Swagger would add a tag of its own from the class name.
@ApiTags('operators')
@Controller('v1/operations')
@RequireApiKey('operator', { otherKind: 'forbidden' })
export class OperationsController {
  constructor(
    private readonly overviews: OperationsOverviewService,
    private readonly traces: VoucherTraceService,
  ) {}

  @Get('overview')
  @OperationsOverviewApiDocs()
  overview(): Promise<OperationsOverviewDto> {
    return this.overviews.overview();
  }

  /** POST, not GET: a voucher code is a bearer value and must not end up in URLs or access logs. */
  @Post('voucher-traces')
  @HttpCode(HttpStatus.OK)
  @VoucherTraceApiDocs()
  trace(@Body() request: VoucherTraceRequestDto): Promise<VoucherTraceDto> {
    return this.traces.trace(request.voucherCode);
  }
}
