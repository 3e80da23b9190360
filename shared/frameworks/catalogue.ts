/**
 * The compliance frameworks and controls our evidence speaks to, with their titles. A control is
 * named everywhere as "<FRAMEWORK>:<control id>" (e.g. "SOC2:CC6.1", "ISO27001-2022:A.8.5"), the
 * form CheckInfo.controls uses. Titles are short paraphrases for reports, not the standards' text.
 * Only the controls an Entra ID audit can give evidence for are listed (physical security, HR
 * screening and the like are out of reach of a directory and left out on purpose).
 */

export type FrameworkId = 'SOC2' | 'ISO27001-2013' | 'ISO27001-2022' | 'HIPAA' | 'GDPR' | 'NIST-CSF-1.1' | 'NIST-CSF-2.0' | 'PCI-DSS-4.0';

export interface Control {
  id: string;
  title: string;
}

export interface Framework {
  id: FrameworkId;
  title: string;
  /** Accepted on the command line (case-insensitive), besides the id itself. */
  aliases: string[];
  controls: Control[];
}

export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'SOC2', title: 'SOC 2 (2017 Trust Services Criteria)', aliases: ['soc2', 'soc-2'],
    controls: [
      { id: 'CC6.1', title: 'Logical access security over protected information assets' },
      { id: 'CC6.2', title: 'User registration and authorisation before credentials are issued; removal when no longer authorised' },
      { id: 'CC6.3', title: 'Access authorised, modified and removed by role, least privilege and segregation of duties' },
      { id: 'CC6.6', title: 'Logical access measures against threats from outside the system boundary' },
      { id: 'CC6.7', title: 'Transmission, movement and removal of information restricted to authorised users and processes' },
      { id: 'CC6.8', title: 'Prevention and detection of unauthorised or malicious software' },
      { id: 'CC7.2', title: 'System components monitored for anomalies indicating malicious acts or errors' },
      { id: 'CC7.3', title: 'Security events evaluated to decide whether they are incidents' },
      { id: 'CC7.4', title: 'Security incidents responded to with a defined programme' },
    ],
  },
  {
    id: 'ISO27001-2013', title: 'ISO/IEC 27001:2013 Annex A', aliases: ['iso27001-2013', 'iso27001:2013', 'iso2013'],
    controls: [
      { id: 'A.9.1.1', title: 'Access control policy' },
      { id: 'A.9.1.2', title: 'Access to networks and network services' },
      { id: 'A.9.2.1', title: 'User registration and de-registration' },
      { id: 'A.9.2.2', title: 'User access provisioning' },
      { id: 'A.9.2.3', title: 'Management of privileged access rights' },
      { id: 'A.9.2.4', title: 'Management of secret authentication information of users' },
      { id: 'A.9.2.5', title: 'Review of user access rights' },
      { id: 'A.9.2.6', title: 'Removal or adjustment of access rights' },
      { id: 'A.9.4.1', title: 'Information access restriction' },
      { id: 'A.9.4.2', title: 'Secure log-on procedures' },
      { id: 'A.9.4.3', title: 'Password management system' },
      { id: 'A.12.4.1', title: 'Event logging' },
      { id: 'A.12.4.3', title: 'Administrator and operator logs' },
    ],
  },
  {
    id: 'ISO27001-2022', title: 'ISO/IEC 27001:2022 Annex A', aliases: ['iso27001-2022', 'iso27001:2022', 'iso27001', 'iso2022'],
    controls: [
      { id: 'A.5.15', title: 'Access control' },
      { id: 'A.5.16', title: 'Identity management' },
      { id: 'A.5.17', title: 'Authentication information' },
      { id: 'A.5.18', title: 'Access rights' },
      { id: 'A.8.1', title: 'User endpoint devices' },
      { id: 'A.8.2', title: 'Privileged access rights' },
      { id: 'A.8.3', title: 'Information access restriction' },
      { id: 'A.8.5', title: 'Secure authentication' },
      { id: 'A.8.15', title: 'Logging' },
      { id: 'A.8.16', title: 'Monitoring activities' },
    ],
  },
  {
    id: 'HIPAA', title: 'HIPAA Security Rule (45 CFR 164)', aliases: ['hipaa'],
    controls: [
      { id: '164.308(a)(1)(ii)(D)', title: 'Information system activity review' },
      { id: '164.308(a)(3)(ii)(C)', title: 'Termination procedures' },
      { id: '164.308(a)(4)(ii)(B)', title: 'Access authorization' },
      { id: '164.308(a)(4)(ii)(C)', title: 'Access establishment and modification' },
      { id: '164.308(a)(5)(ii)(C)', title: 'Log-in monitoring' },
      { id: '164.308(a)(5)(ii)(D)', title: 'Password management' },
      { id: '164.308(a)(6)(ii)', title: 'Security incident response and reporting' },
      { id: '164.312(a)(1)', title: 'Access control' },
      { id: '164.312(a)(2)(i)', title: 'Unique user identification' },
      { id: '164.312(b)', title: 'Audit controls' },
      { id: '164.312(d)', title: 'Person or entity authentication' },
    ],
  },
  {
    id: 'GDPR', title: 'GDPR', aliases: ['gdpr'],
    controls: [
      { id: 'Art.5(1)(f)', title: 'Integrity and confidentiality of personal data' },
      { id: 'Art.32', title: 'Security of processing (access control, ongoing confidentiality)' },
    ],
  },
  {
    id: 'NIST-CSF-1.1', title: 'NIST Cybersecurity Framework 1.1', aliases: ['nist-csf-1.1', 'nist-csf1.1', 'nistcsf1.1', 'csf1.1'],
    controls: [
      { id: 'PR.AC-1', title: 'Identities and credentials are issued, managed, verified, revoked and audited' },
      { id: 'PR.AC-3', title: 'Remote access is managed' },
      { id: 'PR.AC-4', title: 'Access permissions are managed with least privilege and separation of duties' },
      { id: 'PR.AC-6', title: 'Identities are proofed, bound to credentials and asserted in interactions' },
      { id: 'PR.AC-7', title: 'Users, devices and other assets are authenticated commensurate with risk' },
      { id: 'PR.IP-11', title: 'Cybersecurity is included in human resources practices (e.g. deprovisioning)' },
      { id: 'PR.PT-3', title: 'The principle of least functionality is incorporated' },
      { id: 'DE.CM-3', title: 'Personnel activity is monitored to detect potential cybersecurity events' },
      { id: 'DE.CM-7', title: 'Monitoring for unauthorised personnel, connections, devices and software' },
      { id: 'RS.MI-2', title: 'Incidents are mitigated' },
    ],
  },
  {
    id: 'NIST-CSF-2.0', title: 'NIST Cybersecurity Framework 2.0', aliases: ['nist-csf-2.0', 'nist-csf2.0', 'nist-csf-2', 'nistcsf2', 'csf2.0', 'nist'],
    controls: [
      { id: 'PR.AA-01', title: 'Identities and credentials for authorised users, services and hardware are managed' },
      { id: 'PR.AA-02', title: 'Identities are proofed and bound to credentials based on the context of interactions' },
      { id: 'PR.AA-03', title: 'Users, services and hardware are authenticated' },
      { id: 'PR.AA-04', title: 'Identity assertions are protected, conveyed and verified' },
      { id: 'PR.AA-05', title: 'Access permissions are defined, managed, enforced and reviewed with least privilege' },
      { id: 'PR.PS-01', title: 'Configuration management practices are established and applied' },
      { id: 'DE.CM-03', title: 'Personnel activity and technology usage are monitored' },
      { id: 'DE.CM-09', title: 'Computing hardware, software and their data are monitored' },
      { id: 'DE.AE-02', title: 'Potentially adverse events are analysed' },
      { id: 'RS.MI-01', title: 'Incidents are contained' },
    ],
  },
  {
    id: 'PCI-DSS-4.0', title: 'PCI DSS v4.0', aliases: ['pci-dss-4.0', 'pci-dss', 'pci', 'pcidss'],
    controls: [
      { id: '7.2.1', title: 'An access control model is defined and covers all system components' },
      { id: '7.2.2', title: 'Access is assigned by job function with least privilege' },
      { id: '7.2.4', title: 'User accounts and access privileges are reviewed at least every six months' },
      { id: '7.2.5', title: 'Application and system accounts are assigned and managed with least privilege' },
      { id: '8.2.1', title: 'All users have a unique ID' },
      { id: '8.2.4', title: 'Addition, deletion and modification of user IDs is authorised' },
      { id: '8.2.5', title: 'Access for terminated users is immediately revoked' },
      { id: '8.2.6', title: 'Inactive user accounts are removed or disabled within 90 days' },
      { id: '8.2.7', title: 'Accounts used by third parties are managed and monitored' },
      { id: '8.3.1', title: 'All user access is authenticated' },
      { id: '8.3.9', title: 'Passwords as the only factor are changed at least every 90 days' },
      { id: '8.4.1', title: 'MFA for all non-console administrative access to the CDE' },
      { id: '8.4.2', title: 'MFA for all access into the CDE' },
      { id: '8.4.3', title: 'MFA for all remote network access' },
      { id: '8.5.1', title: 'MFA systems resist replay and cannot be bypassed' },
      { id: '8.6.3', title: 'Passwords of application and system accounts are protected and changed periodically' },
      { id: '10.2.1', title: 'Audit logs are enabled and active' },
      { id: '10.2.1.4', title: 'Invalid logical access attempts are logged' },
      { id: '10.4.1', title: 'Audit logs are reviewed to identify anomalies' },
    ],
  },
];

/** A framework by id. */
export function framework(id: FrameworkId): Framework {
  const f = FRAMEWORKS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown framework ${id}`);
  return f;
}

/** Splits "SOC2:CC6.1" into its framework and control id; null when malformed or unknown. */
export function parseControlRef(ref: string): { framework: Framework; control: Control } | null {
  const i = ref.indexOf(':');
  if (i < 0) return null;
  const f = FRAMEWORKS.find((x) => x.id === ref.slice(0, i));
  const c = f?.controls.find((x) => x.id === ref.slice(i + 1));
  return f && c ? { framework: f, control: c } : null;
}

/**
 * Resolves framework names a person typed ("soc2", "iso27001-2022", "PCI") to ids, in catalogue
 * order, without duplicates. Throws an Error naming the unknown name and the accepted ones.
 */
export function resolveFrameworks(names: readonly string[]): FrameworkId[] {
  const wanted = new Set<FrameworkId>();
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    const f = FRAMEWORKS.find((x) => x.id.toLowerCase() === name || x.aliases.includes(name));
    if (!f) throw new Error(`unknown framework "${raw}" (known: ${FRAMEWORKS.map((x) => x.id.toLowerCase()).join(', ')})`);
    wanted.add(f.id);
  }
  return FRAMEWORKS.filter((f) => wanted.has(f.id)).map((f) => f.id);
}
