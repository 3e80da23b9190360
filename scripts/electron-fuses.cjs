/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
// electron-builder afterPack hook: flips Electron's fuses on the packaged binary so it cannot be
// turned into a plain Node runtime or debugged through CLI flags, and checks the asar's integrity.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

module.exports = async function afterPack(context) {
  const name = context.packager.appInfo.productFilename;
  const ext = { darwin: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
  const exe = context.electronPlatformName === 'linux' ? context.packager.executableName : `${name}${ext}`;
  await flipFuses(path.join(context.appOutDir, exe), {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
  });
};
