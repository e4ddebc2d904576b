import ExcelJS from 'exceljs';
import { AppError } from '../../../core/errors';
import { REFORM_DATE } from '../../../core/contract/domain';
import { parsePeriod, periodEndDate } from '../../../core/ntm/period';
import type { ServiceContext } from '../../context';
import { audit, currentActor } from '../../staff';
import { checkQuarterEra, ensureAssessment, writeValue, type ValueChange } from '../assessment';
import { loadCatalog } from '../catalogs';
import { communeRows, officeScope } from '../communes';
import type { UnitCodeMapping } from '../../../core/contract/reform';
import { mapOldUnitRows } from './mapOldUnitRows';
import { quarterValues, type QuarterValue } from './quarterValues';
import { readAssessmentSheet, xlsxInvalid, type ReadCell, type ReadRow, type XlsxProblem } from './readAssessmentSheet';

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** File-level problems first, then by row and column, as a person reads the sheet. */
function byPosition(a: XlsxProblem, b: XlsxProblem): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a.cell ?? '');
  const pb = /^([A-Z]+)(\d+)$/.exec(b.cell ?? '');
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return Number(pa[2]) - Number(pb[2]) || columnNumber(pa[1]!) - columnNumber(pb[1]!);
}

function sameAsStored(cell: ReadCell, stored: QuarterValue | undefined): boolean {
  switch (cell.field) {
    case 'value':
      return (
        stored?.value_json === JSON.stringify(typeof cell.value === 'string' ? cell.value.normalize('NFC') : cell.value)
      );
    case 'manual':
      return stored?.manual_met === (cell.value ? 1 : 0);
    case 'evidence':
      return stored?.evidence === String(cell.value).normalize('NFC');
    default: {
      const never: never = cell.field;
      return never;
    }
  }
}

function addToChange(change: ValueChange, cell: ReadCell): void {
  switch (cell.field) {
    case 'value':
      change.value = cell.value;
      return;
    case 'manual':
      change.manualMet = cell.value as boolean;
      return;
    case 'evidence':
      change.evidence = String(cell.value);
      return;
    default: {
      const never: never = cell.field;
      return never;
    }
  }
}

async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; at run time it hands a Node Buffer to JSZip as is.
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw xlsxInvalid([
      { sheet: null, cell: null, reason: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ hoặc đã hỏng.' },
    ]);
  }
  return workbook;
}

/**
 * Imports a workbook made by exportQuarterXlsx. Every cell is read and checked against its indicator's kind
 * (rules in cellParsing.ts, explained to the user on the "Hướng dẫn" sheet); one bad cell refuses the whole
 * file with XLSX_INVALID listing every problem. Empty cells change nothing. A commune whose quarter is
 * submitted or locked refuses the import only when the file would change it. All writes are one transaction,
 * each indicator written and audited as setValue does.
 *
 * `applied` counts the filled cells that changed something, `unchanged` those equal to what is stored;
 * `unitMapping`, when the file used old commune codes, says which rows were read through the lineage and which wait.
 */
export async function importQuarterXlsx(
  ctx: ServiceContext,
  input: { period: string; catalogId?: string; content: Buffer },
): Promise<{ applied: number; unchanged: number; unitMapping?: UnitCodeMapping }> {
  const scope = await officeScope(ctx);
  const loaded = await loadCatalog(ctx, input.catalogId, parsePeriod(input.period).year);
  const communes = await communeRows(ctx, scope);
  const workbook = await loadWorkbook(input.content);
  // A current office reads old commune codes through the lineage (full links; split units wait): mapOldUnitRows.ts.
  // Only for quarters after the reform: a quarter before it belongs to the old communes and is never moved.
  const afterReform = periodEndDate(input.period) >= REFORM_DATE;
  const mapping = scope.kind === 'district' || !afterReform ? null : await mapOldUnitRows(ctx.db, workbook, communes);
  const unitMapping = mapping && mapping.mapped.length + mapping.waiting.length > 0 ? mapping : undefined;
  const { rows, problems } = readAssessmentSheet(workbook, { period: input.period, loaded, communes });
  if (problems.length > 0) throw xlsxInvalid(problems.sort(byPosition));
  // Every commune of the file must exist on the quarter's last day (services/ntm/assessment.ts checkQuarterEra).
  for (const row of rows) await checkQuarterEra(ctx, row.commune, input.period);

  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  let applied = 0;
  let unchanged = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const { assessments, values } = await quarterValues(
      trx,
      rows.map((r) => r.commune.id),
      input.period,
      loaded.catalog.id,
    );
    const plans: { row: ReadRow; changes: Map<string, ValueChange> }[] = [];
    const closed = { locked: [] as string[], submitted: [] as string[] };
    for (const row of rows) {
      const assessment = assessments.get(row.commune.id);
      const stored = assessment ? values.get(assessment.id) : undefined;
      const changes = new Map<string, ValueChange>();
      for (const cell of row.cells) {
        if (sameAsStored(cell, stored?.get(cell.code))) {
          unchanged++;
          continue;
        }
        applied++;
        if (!changes.has(cell.code)) changes.set(cell.code, { indicatorCode: cell.code });
        addToChange(changes.get(cell.code)!, cell);
      }
      if (changes.size === 0) continue;
      if (assessment && assessment.status !== 'draft')
        closed[assessment.status].push(`${row.commune.code} ${row.commune.name}`);
      plans.push({ row, changes });
    }
    if (closed.locked.length > 0) {
      throw new AppError(
        'ASSESSMENT_LOCKED',
        `Kỳ đánh giá ${input.period} đã khóa ở ${closed.locked.length} xã có số liệu thay đổi trong tệp (${closed.locked.join(', ')}); chưa nhập ô nào. Muốn sửa, hãy mở lại kỳ và ghi rõ lý do.`,
        { period: input.period, communes: closed.locked },
      );
    }
    if (closed.submitted.length > 0) {
      throw new AppError(
        'ASSESSMENT_SUBMITTED',
        `Kỳ đánh giá ${input.period} đã gửi ở ${closed.submitted.length} xã có số liệu thay đổi trong tệp (${closed.submitted.join(', ')}); chưa nhập ô nào. Muốn sửa, hãy mở lại kỳ và ghi rõ lý do.`,
        { period: input.period, communes: closed.submitted },
      );
    }
    for (const { row, changes } of plans) {
      const existing = assessments.get(row.commune.id);
      const assessmentId = await ensureAssessment(
        trx,
        ctx,
        scope.officeCode,
        row.commune,
        input.period,
        loaded,
        existing,
        actor.name,
      );
      const target = {
        officeCode: scope.officeCode,
        communeCode: row.commune.code,
        period: input.period,
        assessmentId,
      };
      for (const change of changes.values()) await writeValue(trx, ctx, actor, at, target, change);
    }
    await audit(trx, ctx, actor, {
      entity: 'ntm_assessment',
      entityId: `${input.period}/${loaded.catalog.id}`,
      action: 'xlsx_import',
      before: null,
      after: { applied, unchanged, communes: plans.map((p) => p.row.commune.code), ...(unitMapping ? { unitMapping } : {}) },
    });
  });
  return unitMapping ? { applied, unchanged, unitMapping } : { applied, unchanged };
}
