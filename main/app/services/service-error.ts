/**
 * Errors a service raises on purpose: the code travels to the renderer in the envelope, the message
 * is shown as is. Anything else becomes code "failed" with its message.
 */
import type { BridgeErrorCode } from '../../../shared/ipc.js';

/** An error meant for the person at the window. */
export class ServiceError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** The error for a channel whose main-side part has not landed in this build. */
export function notAvailable(what: string): ServiceError {
  return new ServiceError('not-available', `${what} is not available in this build yet`);
}
