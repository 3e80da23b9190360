import { describe, expect, it } from 'vitest';
import { EVIDENCE_ARTIFACTS } from '../../../shared/frameworks/artifacts.js';
import { FRAMEWORKS, parseControlRef, resolveFrameworks } from '../../../shared/frameworks/catalogue.js';

describe('framework catalogue', () => {
  it('has unique framework ids, aliases and control ids, each control titled', () => {
    expect(new Set(FRAMEWORKS.map((f) => f.id)).size).toBe(FRAMEWORKS.length);
    const aliases = FRAMEWORKS.flatMap((f) => f.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const f of FRAMEWORKS) {
      expect(new Set(f.controls.map((c) => c.id)).size).toBe(f.controls.length);
      for (const c of f.controls) expect(c.title.length).toBeGreaterThan(5);
    }
  });

  it('holds the controls the issue names', () => {
    const need = [
      'SOC2:CC6.1', 'SOC2:CC6.2', 'SOC2:CC6.3', 'SOC2:CC6.6', 'SOC2:CC6.7', 'SOC2:CC6.8', 'SOC2:CC7.2',
      'ISO27001-2013:A.9.2.1', 'ISO27001-2013:A.9.2.3', 'ISO27001-2013:A.9.2.6', 'ISO27001-2013:A.9.4.2', 'ISO27001-2013:A.9.1.2',
      'ISO27001-2013:A.12.4.1', 'ISO27001-2022:A.5.15', 'ISO27001-2022:A.5.16', 'ISO27001-2022:A.5.17', 'ISO27001-2022:A.5.18',
      'ISO27001-2022:A.8.2', 'ISO27001-2022:A.8.5', 'ISO27001-2022:A.8.15', 'ISO27001-2022:A.8.16',
      'HIPAA:164.308(a)(3)(ii)(C)', 'HIPAA:164.312(a)(1)', 'HIPAA:164.312(b)', 'HIPAA:164.312(d)', 'GDPR:Art.32',
      'NIST-CSF-1.1:PR.AC-1', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-1.1:PR.AC-6', 'NIST-CSF-1.1:PR.AC-7',
      'NIST-CSF-2.0:PR.AA-01', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:7.2.2', 'PCI-DSS-4.0:8.2.6', 'PCI-DSS-4.0:8.4.2',
      'PCI-DSS-4.0:8.6.3', 'PCI-DSS-4.0:10.2.1',
    ];
    for (const ref of need) expect(parseControlRef(ref), ref).not.toBeNull();
  });

  it('maps every seed evidence artifact to known controls', () => {
    expect(EVIDENCE_ARTIFACTS.map((a) => a.title)).toEqual([
      'User Directory', 'MFA Registration Methods', 'Conditional Access Policies', 'Sign-In Logs', 'Group Memberships', 'Enterprise Applications',
    ]);
    for (const a of EVIDENCE_ARTIFACTS) {
      expect(a.controls.length).toBeGreaterThan(0);
      for (const ref of a.controls) expect(parseControlRef(ref), `${a.id} -> ${ref}`).not.toBeNull();
    }
  });

  it('follows the seed table: MFA registration evidences PCI DSS, group memberships do not', () => {
    const by = (id: string) => EVIDENCE_ARTIFACTS.find((a) => a.id === id)!.controls.map((c) => c.split(':')[0]);
    expect(by('mfa-registration-methods')).toContain('PCI-DSS-4.0');
    expect(by('group-memberships')).not.toContain('PCI-DSS-4.0');
    expect(by('user-directory')).toContain('GDPR');
  });

  it('rejects malformed and unknown control references', () => {
    expect(parseControlRef('CC6.1')).toBeNull();
    expect(parseControlRef('SOC2:CC9.9')).toBeNull();
    expect(parseControlRef('XYZ:CC6.1')).toBeNull();
  });
});

describe('resolveFrameworks', () => {
  it('accepts ids and aliases case-insensitively, in catalogue order, once each', () => {
    expect(resolveFrameworks(['PCI', 'soc2', 'SOC2', 'iso27001-2022'])).toEqual(['SOC2', 'ISO27001-2022', 'PCI-DSS-4.0']);
    expect(resolveFrameworks(['nist-csf-1.1', 'HIPAA', 'gdpr', 'iso27001-2013'])).toEqual(['ISO27001-2013', 'HIPAA', 'GDPR', 'NIST-CSF-1.1']);
  });
  it('names the unknown framework', () => {
    expect(() => resolveFrameworks(['soc3'])).toThrow(/unknown framework "soc3"/);
  });
});
