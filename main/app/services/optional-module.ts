/**
 * Loads a main-side module that may not be part of this build (parts land one by one). A missing
 * module becomes a clear "not available in this build yet" error rather than fake data.
 */
import { notAvailable } from './service-error.js';

/** Imports `load()`; a module-not-found for it becomes ServiceError('not-available'). */
export async function optionalModule<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw notAvailable(what);
    throw err;
  }
}
