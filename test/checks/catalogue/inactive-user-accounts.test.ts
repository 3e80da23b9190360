import { describe, expect, it } from 'vitest';
import { inactiveUserAccounts } from '../../../main/checks/catalogue/inactive-user-accounts.js';
import { user } from '../conditional-access/fixtures.js';
import { run } from '../run.js';
import { snapshot } from '../snapshot-builder.js';

const NOW = '2026-06-01T00:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

const users = [
  user('active', { lastSignInDateTime: daysAgo(3) }),
  user('nonint', { lastSignInDateTime: daysAgo(200), lastNonInteractiveSignInDateTime: daysAgo(10) }),
  user('stale', { lastSignInDateTime: daysAgo(120), lastNonInteractiveSignInDateTime: daysAgo(95) }),
  user('edge', { lastSignInDateTime: daysAgo(89) }),
  user('neverold', { createdDateTime: daysAgo(400) }),
  user('neveryoung', { createdDateTime: daysAgo(20) }),
  user('nevernodate', { createdDateTime: null }),
  user('disabled', { accountEnabled: false, lastSignInDateTime: daysAgo(300) }),
  user('staleguest', { userType: 'Guest', lastSignInDateTime: daysAgo(150) }),
];

describe('inactive-user-accounts', () => {
  it('fails enabled accounts without any sign-in in 90 days, counting non-interactive sign-ins', () => {
    const { outcomes, by } = run(inactiveUserAccounts, snapshot({ users }, { now: NOW }));
    expect(outcomes).toMatchObject({ active: 'pass', nonint: 'pass', edge: 'pass', stale: 'fail', staleguest: 'fail' });
    expect(by('stale').evidence.daysSinceLastActivity).toBe(95);
    expect(by('stale').reason).toContain('95 days');
  });

  it('counts never-signed-in accounts once older than the threshold; younger ones are not applicable', () => {
    const { outcomes } = run(inactiveUserAccounts, snapshot({ users }, { now: NOW }));
    expect(outcomes).toMatchObject({ neverold: 'fail', neveryoung: 'not-applicable', nevernodate: 'fail' });
  });

  it('disabled accounts are not applicable', () => {
    expect(run(inactiveUserAccounts, snapshot({ users }, { now: NOW })).outcomes.disabled).toBe('not-applicable');
  });

  it('honours a configured threshold', () => {
    const { outcomes } = run(inactiveUserAccounts, snapshot({ users }, { now: NOW }), { inactiveDays: 30 });
    expect(outcomes).toMatchObject({ active: 'pass', nonint: 'pass', edge: 'fail', neveryoung: 'not-applicable' });
  });

  it('without signInActivity (no P1) it is not assessed, with that reason', () => {
    const { results, summary } = run(inactiveUserAccounts, snapshot({ users }, { now: NOW, licence: 'free', coverage: { signInActivity: 'unavailable' } }));
    expect(results.map((r) => r.outcome)).toEqual(['not-assessed']);
    expect(summary.notAssessedReason).toMatch(/Last sign-in is unavailable.*P1/);
  });
});
