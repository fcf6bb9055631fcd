import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, catchError, throwError } from 'rxjs';
import { DatabaseUnavailableError } from './database-unavailable.error';
import { databaseUnavailableReason } from './database-unavailable';

/** Any handler's database error that only means "away for now" becomes a 503, not a 500. */
@Injectable()
export class DatabaseUnavailableInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const reason = error instanceof DatabaseUnavailableError ? undefined : databaseUnavailableReason(error);
        return throwError(() => (reason ? new DatabaseUnavailableError(reason) : error));
      }),
    );
  }
}
