/** Public surface of the Graph layer: the reader factory, its error types and the TokenProvider it needs. */
export { createGraphReader, type ClosableGraphReader, type GraphReaderOptions } from './reader.js';
export { GraphError, type GraphErrorKind } from './errors.js';
export { ReadOnlyViolationError } from './guard.js';
export { explain, type ExplainContext } from './error-explanations.js';
export { DEFAULT_BUCKET_LIMITS, type BucketLimit } from './bucket-limits.js';
export { PAGE_SIZES, pageSizeFor } from './page-sizes.js';
export type { TokenProvider } from '../auth/token-provider.js';
export type * from './types.js';
