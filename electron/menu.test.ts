import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';
import { startupErrorMessage } from './startupError';

function roles(template: ReturnType<typeof buildMenuTemplate>): string[] {
  return template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).flatMap((i) => (i.role ? [i.role] : []));
}

describe('buildMenuTemplate', () => {
  it('has the four Vietnamese top-level menus', () => {
    expect(buildMenuTemplate({ isPackaged: true, onAbout: () => {} }).map((m) => m.label)).toEqual([
      'Tệp',
      'Chỉnh sửa',
      'Xem',
      'Trợ giúp',
    ]);
  });

  it('labels every item in Vietnamese', () => {
    for (const menu of buildMenuTemplate({ isPackaged: false, onAbout: () => {} })) {
      for (const item of Array.isArray(menu.submenu) ? menu.submenu : []) {
        if (item.type !== 'separator') expect(item.label, String(item.role)).toMatch(/\S/);
      }
    }
  });

  it('offers developer tools and reload only when not packaged', () => {
    expect(roles(buildMenuTemplate({ isPackaged: true, onAbout: () => {} }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ isPackaged: true, onAbout: () => {} }))).not.toContain('reload');
    expect(roles(buildMenuTemplate({ isPackaged: false, onAbout: () => {} }))).toContain('toggleDevTools');
  });

  it('About calls back', () => {
    let called = 0;
    const help = buildMenuTemplate({ isPackaged: true, onAbout: () => called++ })[3];
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    (about?.click as () => void)();
    expect(called).toBe(1);
  });
});

describe('startupErrorMessage', () => {
  it('explains a native module built for Node', () => {
    const e = new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.');
    expect(startupErrorMessage(e, '/d').content).toMatch(/better-sqlite3/);
  });

  it('names the data folder and the error code otherwise', () => {
    const e = Object.assign(new Error('Không tạo được thư mục'), { code: 'DATA_DIR_UNAVAILABLE' });
    const { title, content } = startupErrorMessage(e, '/home/an/.config/NTM Desk');
    expect(title).toMatch(/không mở được dữ liệu/);
    expect(content).toContain('/home/an/.config/NTM Desk');
    expect(content).toContain('DATA_DIR_UNAVAILABLE');
  });
});
