/**
 * The application menu, in Vietnamese, as a plain template (no run-time `electron` import, so it is tested in
 * Node). Kept minimal: everything the app does lives in its pages; the menu offers quitting, the standard edit
 * commands (they also give the keyboard shortcuts for copy/paste in text fields), zoom, and an About box.
 */
import type { MenuItemConstructorOptions } from 'electron';

export type MenuOptions = {
  /** Developer tools and reload only in an unpackaged (development) run. */
  isPackaged: boolean;
  onAbout: () => void;
};

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { type: 'separator' },
        { role: 'reload', label: 'Tải lại' },
        { role: 'toggleDevTools', label: 'Công cụ cho nhà phát triển' },
      ];
  return [
    {
      label: 'Tệp',
      submenu: [{ role: 'quit', label: 'Thoát' }],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
        { role: 'zoomIn', label: 'Phóng to' },
        { role: 'zoomOut', label: 'Thu nhỏ' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toàn màn hình' },
        ...developerItems,
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [{ label: 'Giới thiệu NTM Desk', click: () => options.onAbout() }],
    },
  ];
}
