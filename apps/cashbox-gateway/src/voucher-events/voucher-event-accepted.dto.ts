import { ApiProperty } from '@nestjs/swagger';

/** The 202 answer to every voucher event a cashbox posts. */
export class VoucherEventAcceptedDto {
  @ApiProperty({ format: 'uuid', example: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', description: 'The event\'s id; a retry gets the same one.' })
  eventId!: string;

  @ApiProperty({ enum: ['accepted'], example: 'accepted' })
  status!: 'accepted';
}
