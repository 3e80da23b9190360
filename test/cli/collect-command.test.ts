import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/index.js';
import { EXIT } from '../../main/cli/cli-error.js';
import { verifyPack } from '../../main/export/verify/verify-pack.js';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { openSnapshot } from '../../main/store/snapshot-reader.js';
import { serveTenant, tempDir, TIME_SCALE, type Served } from '../collect/harness.js';

/** Runs the CLI in-process, capturing what it writes. */
async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  // vitest routes console output around process.stdout/stderr: capture it too.
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out += `${a.join(' ')}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err += `${a.join(' ')}\n`));
  Object.assign(process.env, env);
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    for (const spy of [o, e, log, error]) spy.mockRestore();
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

describe('entra-audit collect', () => {
  let served: Served;
  let dir: string;
  let cleanup: () => void;
  let base: (out: string) => string[];

  beforeAll(async () => {
    served = await serveTenant({ users: 20, licence: 'p1', seed: 21 });
    ({ dir, cleanup } = tempDir());
    base = (out) => [
      'collect',
      '--out',
      join(dir, out),
      '--graph-url',
      served.emulator.url,
      '--ca-cert',
      served.emulator.caCertPath,
      '--sign-ins-days',
      '3',
      '--sign-ins-until',
      served.generated.tenant.now,
      '--time-scale',
      String(TIME_SCALE),
    ];
  });
  afterAll(async () => {
    await served?.close();
    cleanup?.();
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [['collect'], /--out/],
    [['collect', '--out', 'x.sqlite'], /exactly one sign-in/],
    [['collect', '--out', 'x.sqlite', '--interactive', '--access-token-env', 'T'], /exactly one sign-in/],
    [['collect', '--out', 'x.sqlite', '--client-id', 'abc', '--access-token-env', 'T'], /exactly one sign-in/],
    [['collect', '--out', 'x.sqlite', '--client-id', 'abc', '--tenant', 't'], /--certificate or --client-secret-env/],
    [['collect', '--out', 'x.sqlite', '--cloud', 'mars', '--interactive'], /unknown cloud/],
    [['collect', '--out', 'x.sqlite', '--sign-ins-days', '45', '--interactive'], /sign-ins-days/],
    [['collect', '--out', 'x.sqlite', '--access-token-env', 'EAD_UNSET_VAR'], /EAD_UNSET_VAR is not set/],
    [['collect', '--out', 'x.sqlite', '--token', 'abc'], /unknown option --token/],
  ])('refuses %j with a usage error', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(message);
  });

  it('collects with a token from the environment, exits 0, and keeps the token out of output and file', async () => {
    const token = served.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
    const r = await cli([...base('ok.sqlite'), '--access-token-env', 'EAD_TOKEN'], { EAD_TOKEN: token });
    expect(r.err).not.toMatch(/incomplete/);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Dataset\s+Permission/);
    expect(r.out).toMatch(/Content hash \(SHA-256\): [0-9a-f]{64}/);
    const snap = openSnapshot(join(dir, 'ok.sqlite'));
    expect(snap.meta()).toMatchObject({
      authMode: 'access-token',
      cloud: 'custom',
      grantedPermissions: [...SIGN_IN_PERMISSIONS].sort(),
      licence: 'p1',
    });
    expect(snap.meta().collectedBy).toMatch(/^app:/);
    snap.close();
    for (const text of [r.out, r.err, readFileSync(join(dir, 'ok.sqlite')).toString('latin1')])
      expect(text.includes(token.split('.')[2])).toBe(false);

    const again = await cli([...base('ok.sqlite'), '--access-token-env', 'EAD_TOKEN'], { EAD_TOKEN: token });
    expect(again.code).toBe(EXIT.usage);
    expect(again.err).toMatch(/already exists: pass --resume/);
  });

  it('exits 0 when only licence and permission refusals are missing', async () => {
    const roles = SIGN_IN_PERMISSIONS.filter((p) => p !== 'Device.Read.All');
    const r = await cli([...base('no-devices.sqlite'), '--access-token-env', 'EAD_TOKEN'], {
      EAD_TOKEN: served.emulator.issueToken({ roles }),
    });
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/devices\s+unavailable\s+0\s+\d+\s+Authorization_RequestDenied/);
    expect(r.out).toMatch(/pimEligibility\s+unavailable/);
  });

  it('exits 4 naming the dataset Graph failed on, and --resume completes it', async () => {
    const token = served.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
    served.emulator.injectFault({ kind: 'status', status: 500, count: 1, pathPrefix: '/v1.0/devices' });
    const r = await cli([...base('failing.sqlite'), '--access-token-env', 'EAD_TOKEN'], { EAD_TOKEN: token });
    expect(r.code).toBe(EXIT.incomplete);
    expect(r.err).toMatch(/Collection incomplete: 1 dataset/);
    expect(r.err).toMatch(/- devices \(unavailable, generalException\)/);
    expect(r.err).toMatch(/--resume/);
    const resumed = await cli([...base('failing.sqlite'), '--access-token-env', 'EAD_TOKEN', '--resume'], {
      EAD_TOKEN: token,
    });
    expect(resumed.code).toBe(EXIT.ok);
    const snap = openSnapshot(join(dir, 'failing.sqlite'));
    expect(snap.coverageOf('devices').status).toBe('complete');
    expect(snap.devices()).toHaveLength(served.generated.tenant.devices.length);
    snap.close();
  });

  it('refuses to resume a snapshot of another tenant', async () => {
    const other = await serveTenant({ users: 10, licence: 'free', seed: 99 });
    try {
      const token = other.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
      const r = await cli(
        [
          'collect',
          '--out',
          join(dir, 'ok.sqlite'),
          '--resume',
          '--graph-url',
          other.emulator.url,
          '--ca-cert',
          other.emulator.caCertPath,
          '--access-token-env',
          'EAD_TOKEN',
          '--time-scale',
          String(TIME_SCALE),
        ],
        { EAD_TOKEN: token },
      );
      expect(r.code).toBe(EXIT.badInput);
      expect(r.err).toMatch(/holds tenant .* but the sign-in is for tenant/);
    } finally {
      await other.close();
    }
  });
});

describe('entra-audit demo', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup?.());

  it('collects a synthetic tenant over HTTPS into <out>/snapshot.sqlite, checks it, ends with a verified pack, and replaces its own earlier run', async () => {
    const home = { HOME: join(dir, 'home') };
    const r = await cli(['demo', '--users', '15', '--out', dir, '--licence', 'free', '--seed', '4'], home);
    expect(r.code).toBe(EXIT.ok);
    const path = join(dir, 'snapshot.sqlite');
    expect(r.out).toContain(`Snapshot: ${path}`);
    const snap = openSnapshot(path);
    expect(snap.meta()).toMatchObject({ authMode: 'demo', licence: 'free' });
    expect(snap.users().length).toBeGreaterThan(0);
    expect(snap.coverageOf('signIns')).toMatchObject({
      status: 'unavailable',
      code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    });
    snap.close();
    expect(r.out).toMatch(/offboarded-user-access-removed/);
    expect(r.out).toContain(`Evidence pack: ${join(dir, 'pack')}`);
    expect((await verifyPack(join(dir, 'pack'))).ok).toBe(true);
    expect(existsSync(join(dir, 'home', '.entra-audit', 'signer', 'signer.p12'))).toBe(true);
    const again = await cli(['demo', '--users', '15', '--out', dir, '--licence', 'free', '--seed', '4'], home);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out.match(/Content hash \(SHA-256\): (\w+)/)?.[1]).toBe(
      r.out.match(/Content hash \(SHA-256\): (\w+)/)?.[1],
    );
  });

  it('will not replace a file it did not make', async () => {
    const other = join(dir, 'other');
    const home = { HOME: join(dir, 'home') };
    await cli(['demo', '--users', '10', '--out', other], home).then((r) => expect(r.code).toBe(EXIT.ok));
    writeFileSync(join(other, 'snapshot.sqlite'), 'not a snapshot');
    const r = await cli(['demo', '--users', '10', '--out', other], home);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/not a demo snapshot/);
    expect(existsSync(join(other, 'snapshot.sqlite'))).toBe(true);
  });
});
