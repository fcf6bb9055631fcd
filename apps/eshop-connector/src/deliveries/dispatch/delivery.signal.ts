import { Injectable } from '@nestjs/common';

/**
 * Wakes the dispatcher in-process the moment new deliveries are committed: pushes then go out
 * in milliseconds, and the poll only has to find retries whose time has come.
 */
@Injectable()
export class DeliverySignal {
  private listener?: () => void;

  listen(listener: () => void): void {
    this.listener = listener;
  }

  notify(): void {
    this.listener?.();
  }
}
