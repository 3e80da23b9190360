/**
 * Devices: Entra-joined, hybrid-joined and registered (BYOD) devices on Windows, macOS, iOS and
 * Android; compliant, non-compliant and unmanaged. Registered owners are kept in a map (the
 * emulator serves /devices/{id}/registeredOwners from it), and each user's primary device index
 * feeds the sign-ins' deviceDetail.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { Rng } from './prng.js';
import type { GenContext } from './context.js';
import type { GraphObject } from '../tenant.js';

export type DeviceState = 'compliant' | 'nonCompliant' | 'unmanaged';

const OS: Record<string, { versions: readonly string[]; makers: readonly (readonly [string, string])[] }> = {
  Windows: { versions: ['10.0.22631.4317', '10.0.19045.5011', '10.0.26100.2033'], makers: [['Microsoft Corporation', 'Surface Laptop 5'], ['Dell Inc.', 'Latitude 7440'], ['LENOVO', 'ThinkPad T14']] },
  MacMDM: { versions: ['14.6.1', '15.1'], makers: [['Apple', 'MacBook Pro'], ['Apple', 'MacBook Air']] },
  IPhone: { versions: ['17.6.1', '18.1'], makers: [['Apple', 'iPhone 15'], ['Apple', 'iPhone 13']] },
  Android: { versions: ['14', '13'], makers: [['samsung', 'SM-S911B'], ['Google', 'Pixel 8']] },
};
type OsName = 'Windows' | 'MacMDM' | 'IPhone' | 'Android';
const OS_WEIGHTS: Record<OsName, number> = { Windows: 55, MacMDM: 15, IPhone: 18, Android: 12 };
const STATE_WEIGHTS: Record<DeviceState, number> = { compliant: 60, nonCompliant: 15, unmanaged: 25 };

/** Facts per device kept for truth and for sign-ins. */
export interface DeviceFact {
  id: string;
  state: DeviceState;
  os: string;
  trustType: 'AzureAd' | 'ServerAd' | 'Workplace';
  ownerId: string;
  /** accountEnabled (the owner's account state). */
  enabled: boolean;
  /** The approximate last sign-in the device shows: the owner's last interactive sign-in if after registration, else the registration. */
  lastSeenMs: number;
}

export function buildDevices(ctx: GenContext): {
  devices: GraphObject[];
  deviceOwners: Map<string, string[]>;
  facts: DeviceFact[];
  /** Plan index -> index into facts of the user's primary device, or -1. */
  primaryDevice: Int32Array;
} {
  const rng = new Rng(ctx.seed, 50);
  const devices: GraphObject[] = [];
  const deviceOwners = new Map<string, string[]>();
  const facts: DeviceFact[] = [];
  const primaryDevice = new Int32Array(ctx.plans.length).fill(-1);
  for (const p of ctx.plans) {
    if (p.kind !== 'member' || p.deleted) continue;
    const n = rng.chance(0.2) ? 2 : rng.chance(0.9) ? 1 : 0;
    for (let k = 0; k < n; k++) {
      const os = rng.weighted(OS_WEIGHTS);
      const state = rng.weighted(STATE_WEIGHTS);
      const managed = state !== 'unmanaged';
      const trustType = !managed ? 'Workplace' : os === 'Windows' && p.synced ? 'ServerAd' : os === 'Windows' || os === 'MacMDM' ? 'AzureAd' : 'Workplace';
      const [manufacturer, model] = rng.pick(OS[os].makers);
      const id = rng.guid();
      const registered = p.createdMs + rng.next() * Math.max(DAY_MS, ctx.nowMs - p.createdMs);
      const lastSeen = p.lastInteractiveMs ?? registered;
      const seenSinceRegistration = lastSeen > registered && p.iso.lastInteractive !== null;
      const registeredIso = isoSeconds(registered);
      const name = os === 'Windows' ? `${ctx.tenantName.slice(0, 3).toUpperCase()}-LT-${String(10000 + devices.length)}` : `${(p.givenName ?? 'user').slice(0, 12)}'s ${model}`;
      devices.push({
        id,
        accountEnabled: p.enabled,
        approximateLastSignInDateTime: seenSinceRegistration ? p.iso.lastInteractive : registeredIso,
        complianceExpirationDateTime: null,
        createdDateTime: registeredIso,
        deviceId: rng.guid(),
        deviceOwnership: trustType === 'Workplace' && !managed ? 'Personal' : 'Company',
        displayName: name,
        isCompliant: managed ? state === 'compliant' : null,
        isManaged: managed,
        manufacturer,
        model,
        mdmAppId: managed ? '0000000a-0000-0000-c000-000000000000' : null,
        onPremisesSyncEnabled: trustType === 'ServerAd' ? true : null,
        operatingSystem: os,
        operatingSystemVersion: rng.pick(OS[os].versions),
        profileType: 'RegisteredDevice',
        registrationDateTime: registeredIso,
        trustType,
      });
      deviceOwners.set(id, [p.id]);
      if (k === 0) primaryDevice[p.index] = facts.length;
      facts.push({ id, state, os, trustType, ownerId: p.id, enabled: p.enabled, lastSeenMs: seenSinceRegistration ? lastSeen : registered });
    }
  }
  return { devices, deviceOwners, facts, primaryDevice };
}
