import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { AcceptVoucherPurchaseService } from './accept-voucher-purchase.service';
import { VoucherPurchaseRequestDto } from './voucher-purchase.request.dto';
import { VoucherPurchaseAcceptedDto } from './voucher-purchase.response.dto';

@Controller('v1/voucher-purchases')
export class VoucherPurchaseController {
  constructor(private readonly acceptPurchase: AcceptVoucherPurchaseService) {}

  /** 202: stored durably and on its way to the web shop; a retry of the same purchase gets the same eventId. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  accept(@Body() request: VoucherPurchaseRequestDto): Promise<VoucherPurchaseAcceptedDto> {
    return this.acceptPurchase.accept(request);
  }
}
