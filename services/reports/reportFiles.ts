import type { ReportFile } from '../../core/contract/reports';
import type { ServiceContext } from '../context';
import { reportDocx } from './reportDocx';
import { reportSource } from './reportService';
import { reportXlsx } from './reportXlsx';

type FileInput = { id: string } | { period: string; officeCode?: string };

/** "bao-cao-2026-Q3-v2.docx": the period, and the revision of a saved report ("du-thao" for a draft). */
function fileName(period: string, revision: number | null, status: 'draft' | 'final' | 'live', kind: 'bao-cao' | 'bieu', ext: string): string {
  const suffix = status === 'final' ? `-v${revision}` : '-du-thao';
  return `${kind}-${period}${suffix}.${ext}`;
}

export async function reportDocxFile(ctx: ServiceContext, input: FileInput): Promise<ReportFile> {
  const source = await reportSource(ctx, input);
  const buffer = await reportDocx(source.model, source.narrative, source.header);
  return { fileName: fileName(source.model.period, source.revision, source.status, 'bao-cao', 'docx'), contentBase64: buffer.toString('base64') };
}

export async function reportXlsxFile(ctx: ServiceContext, input: FileInput): Promise<ReportFile> {
  const source = await reportSource(ctx, input);
  const buffer = await reportXlsx(source.model);
  return { fileName: fileName(source.model.period, source.revision, source.status, 'bieu', 'xlsx'), contentBase64: buffer.toString('base64') };
}
