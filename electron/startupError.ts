/**
 * The Vietnamese text shown when the data cannot be opened at start, for `dialog.showErrorBox`. No stack trace;
 * the one failure with a known cause gets its own explanation: better-sqlite3 built for Node (as `node_modules`
 * keeps it, STYLE.md §9) loaded by Electron, whose Node ABI differs.
 */
export function startupErrorMessage(error: unknown, dataDir: string): { title: string; content: string } {
  const raw = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(raw)) {
    return {
      title: 'NTM Desk: thư viện cơ sở dữ liệu không khớp',
      content:
        'Thư viện SQLite (better-sqlite3) được biên dịch cho Node.js, không phải cho Electron.\n' +
        'Bản cài đặt chính thức không gặp lỗi này. Khi phát triển, hãy dùng "npm run web" hoặc biên dịch lại ' +
        'better-sqlite3 cho Electron trong một thư mục riêng.',
    };
  }
  const code = typeof (error as { code?: unknown })?.code === 'string' ? ` (${(error as { code: string }).code})` : '';
  return {
    title: 'NTM Desk: không mở được dữ liệu',
    content: `Không mở được dữ liệu tại:\n${dataDir}\n\nChi tiết${code}: ${raw}`,
  };
}
