import { IsIn, IsInt, Max, Min } from 'class-validator';
import { LOG_LEVELS } from '../logging/app-logging.params';

/** Variables of the HTTP server both apps run. */
export class HttpEnvironment {
  /**
   * Larger request bodies are answered 413 before they are read to the end. A purchase is about
   * 300 bytes: the limit bounds what one request can make the app hold and parse.
   */
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  HTTP_BODY_LIMIT_BYTES: number = 16 * 1024;

  /** `debug` adds one line per answered request (method, path, status, time, request id). */
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: string = 'info';
}
