import { IsReferenceId } from '../rules';

/** Where an event entered the system: the store and cashbox that recorded it. */
export class VoucherEventSource {
  @IsReferenceId()
  storeId!: string;

  @IsReferenceId()
  cashboxId!: string;
}
