/**
 * The diff as a terminal table: one block per section with its count, each change on a line
 * (+ added, - removed, ~ changed), long sections cut with a pointer to the JSON output.
 */
import { DIFF_SECTIONS, type SnapshotDiff } from './diff-types.js';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

/** Renders a diff for a person at a terminal; `limit` caps the lines per section. */
export function formatDiff(diff: SnapshotDiff, limit = 50): string {
  const lines = [
    `Tenant   ${diff.tenantName} (${diff.tenantId})`,
    `Old      ${diff.old.path}  collected ${diff.old.collectedAt}`,
    `New      ${diff.new.path}  collected ${diff.new.collectedAt}`,
  ];
  if (diff.old.collectedAt > diff.new.collectedAt) lines.push('Note     the "old" snapshot was collected after the "new" one; changes read backwards');
  lines.push('', `${'Section'.padEnd(20)} Changes`);
  for (const s of DIFF_SECTIONS) {
    const skip = diff.skipped.filter((k) => k.section === s);
    const notCompared = skip.length > 0 && diff.counts[s] === 0 && !skip.some((k) => k.reason.includes('not compared'));
    lines.push(`${s.padEnd(20)} ${notCompared ? 'not compared' : diff.counts[s]}`);
  }
  for (const s of DIFF_SECTIONS) {
    const changes = diff.changes.filter((c) => c.section === s);
    const skip = diff.skipped.filter((k) => k.section === s);
    if (changes.length === 0 && skip.length === 0) continue;
    lines.push('', `${s} (${changes.length})`);
    for (const k of skip) lines.push(`  ! not compared: ${k.reason}`);
    for (const c of changes.slice(0, limit)) lines.push(`  ${MARK[c.kind]} ${c.description}`);
    if (changes.length > limit) lines.push(`  ... and ${changes.length - limit} more (all of them are in --json)`);
  }
  return lines.join('\n');
}
