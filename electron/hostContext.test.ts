import { describe, expect, it } from 'vitest';
import { createDialogHostContext, safeDefaultFileName, type DialogPort } from './hostContext';

type Seen = { kind: 'open' | 'save'; options: unknown };

function fakeDialog(answers: {
  open?: { canceled: boolean; filePaths: string[] };
  save?: { canceled: boolean; filePath?: string };
}) {
  const seen: Seen[] = [];
  const dialog: DialogPort = {
    async showOpenDialog(options) {
      seen.push({ kind: 'open', options });
      return answers.open ?? { canceled: true, filePaths: [] };
    },
    async showSaveDialog(options) {
      seen.push({ kind: 'save', options });
      return answers.save ?? { canceled: true, filePath: '' };
    },
  };
  return { dialog, seen };
}

describe('createDialogHostContext', () => {
  it('is the electron host and offers all three pickers', () => {
    const host = createDialogHostContext(fakeDialog({}).dialog);
    expect(host.kind).toBe('electron');
    expect(typeof host.pickOpenFile).toBe('function');
    expect(typeof host.pickSaveFile).toBe('function');
    expect(typeof host.pickFolder).toBe('function');
  });

  it('pickOpenFile asks for one file with the filters and returns its path', async () => {
    const { dialog, seen } = fakeDialog({ open: { canceled: false, filePaths: ['/home/an/goi-du-lieu.ntmb'] } });
    const host = createDialogHostContext(dialog);
    const filters = [{ name: 'Gói dữ liệu', extensions: ['ntmb'] }];
    expect(await host.pickOpenFile({ title: 'Chọn gói dữ liệu', filters })).toBe('/home/an/goi-du-lieu.ntmb');
    expect(seen).toEqual([
      { kind: 'open', options: { title: 'Chọn gói dữ liệu', filters, properties: ['openFile', 'dontAddToRecent'] } },
    ]);
  });

  it('pickFolder asks for a directory', async () => {
    const { dialog, seen } = fakeDialog({ open: { canceled: false, filePaths: ['/home/an/sao-luu'] } });
    expect(await createDialogHostContext(dialog).pickFolder({ title: 'Chọn thư mục sao lưu' })).toBe(
      '/home/an/sao-luu',
    );
    expect(seen[0]?.options).toMatchObject({ properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] });
  });

  it('pickSaveFile suggests a bare file name and confirms overwrites', async () => {
    const { dialog, seen } = fakeDialog({ save: { canceled: false, filePath: '/home/an/bao-cao.docx' } });
    const host = createDialogHostContext(dialog);
    expect(await host.pickSaveFile({ title: 'Lưu báo cáo', defaultName: '../../etc/bao-cao.docx' })).toBe(
      '/home/an/bao-cao.docx',
    );
    expect(seen[0]?.options).toMatchObject({
      defaultPath: 'bao-cao.docx',
      properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
    });
  });

  it('returns null when the person cancels', async () => {
    const host = createDialogHostContext(fakeDialog({}).dialog);
    expect(await host.pickOpenFile({ title: 'x' })).toBeNull();
    expect(await host.pickFolder({ title: 'x' })).toBeNull();
    expect(await host.pickSaveFile({ title: 'x', defaultName: 'a.xlsx' })).toBeNull();
  });

  it('returns null for an empty or relative answer', async () => {
    expect(
      await createDialogHostContext(fakeDialog({ open: { canceled: false, filePaths: [] } }).dialog).pickOpenFile({
        title: 'x',
      }),
    ).toBeNull();
    expect(
      await createDialogHostContext(fakeDialog({ open: { canceled: false, filePaths: ['rel/x'] } }).dialog).pickFolder({
        title: 'x',
      }),
    ).toBeNull();
    expect(
      await createDialogHostContext(fakeDialog({ save: { canceled: false, filePath: '' } }).dialog).pickSaveFile({
        title: 'x',
        defaultName: 'a',
      }),
    ).toBeNull();
  });
});

describe('safeDefaultFileName', () => {
  it.each([
    ['bao-cao-2025.docx', 'bao-cao-2025.docx'],
    ['Báo cáo xã Tân Phú.xlsx', 'Báo cáo xã Tân Phú.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['/abs/path/x.pdf', 'x.pdf'],
    ['a<b>c:d"e|f?g*h.txt', 'abcdefgh.txt'],
    ['nul\u0000byte.txt', 'nulbyte.txt'],
    ['..', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(safeDefaultFileName(input)).toBe(expected);
  });
});
