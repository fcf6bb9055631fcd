import { ApiProperty } from '@nestjs/swagger';

/** Answer of `POST /v1/subscriptions/{id}/secret-rotations`. */
export class SecretRotationDto {
  @ApiProperty({ pattern: '^whsec_[A-Za-z0-9+/]{43}=$', example: 'whsec_4Za5JYlJJ640NzxIVxjV3nZuEbVgx5Y/qzzhqedj+Ic=', description: 'The new signing secret, current from now on. Shown only here.' })
  secret!: string;

  @ApiProperty({
    format: 'date-time', example: '2026-11-26T10:15:00.000Z',
    description: 'Until then deliveries are signed with the older secrets too (one `v1,` signature each), so the shop can switch without losing a delivery.',
  })
  previousSecretsExpireAt!: string;
}
