import { describe, expect, it } from 'vitest';
import { buildCampaign, ReviewScopeError } from '../../main/reviews/campaign.js';
import { memoryView } from '../diff/memory-view.js';
import { reviewTenant } from './fixture.js';

const info = { id: 'rc-1', name: 'Q3 review', createdAt: '2026-06-02T00:00:00Z', createdBy: 'auditor' };

describe('buildCampaign', () => {
  it('lists every principal with how access was granted and the evidence to decide on', () => {
    const c = buildCampaign(memoryView(reviewTenant()), { groups: ['Finance Team'], roles: ['ga'], apps: ['app-1'] }, info);
    expect(c.resources).toEqual([{ type: 'group', id: 'g1', name: 'Finance Team' }, { type: 'role', id: 'ga', name: 'Global Administrator' },
      { type: 'application', id: 's1', name: 'Salesforce' }]);
    expect(c.items.map((i) => `${i.itemId} ${i.resourceName} | ${i.principalId} | ${i.grantedVia}`)).toEqual([
      'R-0001 Finance Team | u2 | member via nested group Finance Contractors',
      'R-0002 Finance Team | u1 | direct member',
      'R-0003 Global Administrator | u1 | direct active assignment',
      'R-0004 Global Administrator | s9 | direct active assignment',
      'R-0005 Global Administrator | u3 | eligible assignment via group Tier0',
      'R-0006 Salesforce | u2 | assignment via group Finance Team',
      'R-0007 Salesforce | u1 | assignment via group Finance Team; direct assignment',
      'R-0008 Salesforce | u4 | direct assignment',
    ]);
    const alice = c.items[1];
    expect(alice.evidence).toEqual({ upn: 'alice@contoso.com', accountEnabled: true, userType: 'Member', lastSignIn: '2026-05-30T08:00:00Z',
      mfaMethods: 'microsoftAuthenticatorPush', department: 'Finance', jobTitle: null, manager: 'Erin (erin@contoso.com)', grantedVia: 'direct member' });
    expect(c.items[0].evidence).toMatchObject({ lastSignIn: 'never', mfaMethods: 'none' });
    expect(c.items[3]).toMatchObject({ principalType: 'servicePrincipal', principalName: 'Automation' });
  });

  it('says "not collected" rather than "none" when a dataset is missing', () => {
    const data = reviewTenant();
    data.notComplete = { mfaRegistration: 'unavailable', signInActivity: 'unavailable' };
    const c = buildCampaign(memoryView(data), { groups: ['g1'] }, info);
    expect(c.items[0].evidence).toMatchObject({ mfaMethods: 'not collected', lastSignIn: 'not collected' });
  });

  it('refuses names that match nothing or several objects', () => {
    expect(() => buildCampaign(memoryView(reviewTenant()), { groups: ['Nope'] }, info)).toThrow(ReviewScopeError);
    const data = reviewTenant();
    data.groups!.push({ ...data.groups![0], id: 'g9' });
    expect(() => buildCampaign(memoryView(data), { groups: ['finance team'] }, info)).toThrow(/ambiguous: g1, g9/);
  });
});
