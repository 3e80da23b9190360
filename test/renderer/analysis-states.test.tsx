/**
 * What the header, the snapshot facts and the screens built on check results say while a snapshot's
 * integrity is being verified and its checks run in the background, and after: a mismatch stays as
 * loud as before, and no pending state reads as a verdict. Rendered with react-dom/server.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SnapshotState } from '../../shared/ipc-types.js';
import { SessionBanner } from '../../renderer/components/session-banner.js';
import { SnapshotFacts } from '../../renderer/components/snapshot-facts.js';
import { ChecksPending } from '../../renderer/components/checks-pending.js';

function snapshot(over: Partial<SnapshotState>): SnapshotState {
  return {
    path: '/x.sqlite',
    mode: 'review',
    readOnly: true,
    integrity: { status: 'pending', recorded: 'abc', computed: null },
    checks: 'running',
    analysis: null,
    coverage: [],
    meta: {
      tenantName: 'Contoso',
      collectedBy: 'consultant@contoso.example',
      collectionStartedAt: '2026-01-01T00:00:00Z',
      collectionFinishedAt: '2026-01-01T01:00:00Z',
      grantedPermissions: [],
    } as never,
    ...over,
  };
}

const banner = (s: SnapshotState) =>
  renderToStaticMarkup(<SessionBanner state={{ connection: null, activeJob: null, snapshot: s }} />);

describe('background analysis states in the renderer', () => {
  it('says integrity is being verified, then that checks are running, claiming neither verdict', () => {
    const html = banner(snapshot({}));
    expect(html).toContain('Verifying integrity…');
    expect(html).not.toMatch(/Integrity verified|Altered since collection|Running checks/);
    const checking = banner(snapshot({ integrity: { status: 'intact', recorded: 'abc', computed: 'abc' } }));
    expect(checking).toContain('Integrity verified');
    expect(checking).toContain('Running checks…');
    const facts = renderToStaticMarkup(<SnapshotFacts snapshot={snapshot({})} />);
    expect(facts).toContain('Verifying: the content hash is being recomputed');
    expect(facts).toContain('computing…');
    expect(facts).not.toMatch(/card-good|card-bad/);
  });

  it('keeps an altered snapshot prominent once verified, with the checks still running beside it', () => {
    const altered = snapshot({ integrity: { status: 'altered', recorded: 'abc', computed: 'def' } });
    const html = banner(altered);
    expect(html).toContain('pill-integrity-altered');
    expect(html).toContain('Altered since collection');
    expect(html).toContain('Running checks…');
    const facts = renderToStaticMarkup(<SnapshotFacts snapshot={altered} />);
    expect(facts).toContain('card-bad');
    expect(facts).toContain('Altered: the content no longer matches');
    expect(facts).toContain('def');
  });

  it('reports a file that could not be verified and checks that failed, and says nothing once all is done', () => {
    const html = banner(
      snapshot({ integrity: { status: 'failed', recorded: 'abc', computed: null }, checks: 'failed' }),
    );
    expect(html).toContain('Integrity could not be verified');
    expect(html).toContain('Checks failed');
    const done = banner(
      snapshot({ integrity: { status: 'intact', recorded: 'abc', computed: 'abc' }, checks: 'ready' }),
    );
    expect(done).toContain('Integrity verified');
    expect(done).not.toMatch(/Running checks|Checks failed/);
  });

  it('tells a screen built on check results why there are none yet', () => {
    expect(renderToStaticMarkup(<ChecksPending status={{ state: 'running', error: null }} />)).toMatch(
      /role="status".*Checking this snapshot \(integrity first, then the checks\)…/,
    );
    expect(
      renderToStaticMarkup(<ChecksPending status={{ state: 'failed', error: 'database disk image is malformed' }} />),
    ).toMatch(/role="alert".*could not run on this snapshot: database disk image is malformed/);
  });
});
