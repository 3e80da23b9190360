/**
 * The application menu: the usual app, edit, view and window menus, plus File → Open snapshot.
 * No reload or devtools entries unless devtools are enabled explicitly.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(opts: {
  isMac: boolean;
  appName: string;
  devTools: boolean;
  onOpenSnapshot: () => void;
}): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac)
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Open Snapshot…', accelerator: 'CmdOrCtrl+O', click: opts.onOpenSnapshot },
      { type: 'separator' },
      opts.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(opts.devTools
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  });
  template.push({
    label: 'Window',
    submenu: [
      { role: 'minimize' },
      ...(opts.isMac
        ? ([{ role: 'zoom' }, { role: 'front' }] as MenuItemConstructorOptions[])
        : ([{ role: 'close' }] as MenuItemConstructorOptions[])),
    ],
  });
  return template;
}
