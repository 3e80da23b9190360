/**
 * The evidence artifacts of the seed's table (one CSV each in a pack), the datasets behind them and
 * the controls each one evidences. The frameworks follow the seed's table (User Directory: SOC 2,
 * ISO 27001, HIPAA, GDPR; MFA Registration Methods: SOC 2, ISO 27001, HIPAA, PCI DSS; ...) plus the
 * NIST CSF identity controls its compliance mapping names.
 */
import type { DatasetId } from '../datasets.js';

export interface EvidenceArtifact {
  id: string;
  title: string;
  description: string;
  datasets: DatasetId[];
  /** "<FRAMEWORK>:<control>" references into the catalogue. */
  controls: string[];
}

export const EVIDENCE_ARTIFACTS: readonly EvidenceArtifact[] = [
  {
    id: 'user-directory',
    title: 'User Directory',
    description: 'Complete user inventory with account status and last sign-in',
    datasets: ['users', 'signInActivity'],
    controls: [
      'SOC2:CC6.1', 'SOC2:CC6.2', 'ISO27001-2013:A.9.2.1', 'ISO27001-2013:A.9.2.5', 'ISO27001-2022:A.5.16', 'ISO27001-2022:A.5.18',
      'HIPAA:164.312(a)(2)(i)', 'HIPAA:164.308(a)(4)(ii)(C)', 'GDPR:Art.32', 'NIST-CSF-1.1:PR.AC-1', 'NIST-CSF-2.0:PR.AA-01',
    ],
  },
  {
    id: 'mfa-registration-methods',
    title: 'MFA Registration Methods',
    description: 'Per-user authentication method enrollment',
    datasets: ['mfaRegistration'],
    controls: [
      'SOC2:CC6.1', 'ISO27001-2013:A.9.4.2', 'ISO27001-2022:A.5.17', 'ISO27001-2022:A.8.5', 'HIPAA:164.312(d)',
      'PCI-DSS-4.0:8.3.1', 'PCI-DSS-4.0:8.4.2', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03',
    ],
  },
  {
    id: 'conditional-access-policies',
    title: 'Conditional Access Policies',
    description: 'MFA enforcement and access control policies',
    datasets: ['conditionalAccess'],
    controls: [
      'SOC2:CC6.1', 'SOC2:CC6.6', 'ISO27001-2013:A.9.1.1', 'ISO27001-2013:A.9.4.2', 'ISO27001-2022:A.5.15', 'ISO27001-2022:A.8.5',
      'HIPAA:164.312(a)(1)', 'HIPAA:164.312(d)', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03',
    ],
  },
  {
    id: 'sign-in-logs',
    title: 'Sign-In Logs',
    description: 'Authentication events with risk levels',
    datasets: ['signIns'],
    controls: [
      'SOC2:CC7.2', 'ISO27001-2013:A.12.4.1', 'ISO27001-2022:A.8.15', 'ISO27001-2022:A.8.16', 'HIPAA:164.312(b)',
      'HIPAA:164.308(a)(5)(ii)(C)', 'NIST-CSF-1.1:DE.CM-3', 'NIST-CSF-2.0:DE.CM-03',
    ],
  },
  {
    id: 'group-memberships',
    title: 'Group Memberships',
    description: 'User-to-group mapping for access certification',
    datasets: ['groups', 'roles'],
    controls: [
      'SOC2:CC6.3', 'ISO27001-2013:A.9.2.2', 'ISO27001-2013:A.9.2.5', 'ISO27001-2022:A.5.18', 'NIST-CSF-1.1:PR.AC-4',
      'NIST-CSF-2.0:PR.AA-05',
    ],
  },
  {
    id: 'enterprise-applications',
    title: 'Enterprise Applications',
    description: 'App inventory with user assignments',
    datasets: ['applications'],
    controls: [
      'SOC2:CC6.1', 'SOC2:CC6.3', 'ISO27001-2013:A.9.2.2', 'ISO27001-2013:A.9.4.1', 'ISO27001-2022:A.5.15', 'ISO27001-2022:A.8.3',
      'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05',
    ],
  },
];
