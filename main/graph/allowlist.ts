/**
 * The only Graph paths this product may read: the endpoints of the dataset catalogue (shared/datasets.ts),
 * with {id} standing for one path segment, plus $batch. Mail, files, chats and secrets are not in the
 * catalogue, so they cannot be reached even by a bug in a collector.
 */
import { DATASETS } from '../../shared/datasets.js';

const SEGMENT = "[A-Za-z0-9._~:@!$&'()*+,;=%-]+";

function toPattern(endpoint: string): RegExp {
  const path = endpoint.split('?')[0];
  const body = path
    .split('/')
    .map((seg) => (seg === '{id}' ? SEGMENT : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}$`, 'i');
}

/** Paths (relative to /v1.0) a GET may target. */
export const READ_PATTERNS: readonly RegExp[] = [...new Set(DATASETS.flatMap((d) => d.endpoints.map((e) => e.split('?')[0])))].map(
  toPattern,
);

/** The JSON batch endpoint, relative to /v1.0. */
export const BATCH_PATH = '/$batch';

/** True when a path relative to /v1.0 (no query) is one of our datasets' endpoints. */
export function isAllowedReadPath(path: string): boolean {
  if (path.includes('..') || path.includes('//') || /%2e|%2f|%5c/i.test(path)) return false;
  return READ_PATTERNS.some((re) => re.test(path));
}
