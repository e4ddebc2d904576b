import { rmSync } from 'node:fs';
import type { ReportPreview } from '../core/contract/reports';
import { getOfficeProfile } from '../db/office';
import { reportDocx } from '../services/reports/reportDocx';
import { reportXlsx } from '../services/reports/reportXlsx';
import { medianMs, type Bench } from './bench';
import { provinceOffice } from './ntm-matrix.bench';

/**
 * The quarterly report of a province office over 3,321 communes (the office of bench/ntm-matrix.bench.ts: every
 * commune assessed in 2025-Q2 under QĐ 318/2022), called through dispatch as every host does, against the same
 * rows read with plain SQL (communes, the quarter's assessments and values, recognitions, OCOP products) and no
 * evaluation at all: the ratio is what evaluating, counting and tracing every figure costs on top of reading.
 * A second line: writing the DOCX and the XLSX from that model, against serialising the model to JSON (the
 * snapshot that is stored with a saved report).
 */
export const bench: Bench = {
  run: async (scale) => {
    const { app, dir } = await provinceOffice(3321);
    try {
      const { sqlite } = app.context.conn;
      const officeCode = (await getOfficeProfile(app.context.db))!.officeCode;
      const plainSql = () => {
        const communes = sqlite.prepare('SELECT c.id, u.code, u.full_name, c.region, c.flags_json FROM ntm_commune c JOIN admin_unit u ON u.id = c.unit_id WHERE c.office_code = ? AND c.deleted = 0').all(officeCode);
        const values = sqlite
          .prepare(
            `SELECT a.commune_id, v.indicator_code, v.value_json, v.manual_met, v.evidence FROM ntm_assessment a
             JOIN ntm_value v ON v.assessment_id = a.id WHERE a.period = ? AND a.deleted = 0 AND v.deleted = 0`,
          )
          .all('2025-Q2');
        const recognitions = sqlite.prepare('SELECT commune_id, level, decided_on, revoked_on FROM ntm_recognition WHERE deleted = 0').all();
        const products = sqlite.prepare('SELECT p.id, p.status, c.stars, c.expires_on FROM ocop_product p LEFT JOIN ocop_certificate c ON c.product_id = p.id WHERE p.deleted = 0').all();
        return communes.length + values.length + recognitions.length + products.length;
      };
      let model: ReportPreview['model'] | null = null;
      const report = async () => {
        const r = await app.dispatch('reports.preview', { period: '2025-Q2' });
        if (!r.ok) throw new Error(r.error.message);
        model = (r.value as ReportPreview).model;
      };
      const runs = Math.max(1, Math.round(3 * scale));
      const baselineMs = await medianMs(plainSql, runs, 1);
      const subjectMs = await medianMs(report, runs, 1);
      const m = model!;
      const empty = { results: '', limitations: '', tasks: '' };
      const header = { documentNo: '', symbol: 'BC-UBND', place: 'Hồ Chí Minh', date: '2025-06-20', subject: 'Báo cáo', signerTitle: 'GIÁM ĐỐC', signerName: 'Bench', recipients: ['Lưu: VT.'] };
      const jsonMs = await medianMs(() => JSON.stringify(m), runs * 3, 1);
      const filesMs = await medianMs(async () => {
        await reportDocx(m, empty, header);
        await reportXlsx(m);
      }, runs, 1);
      return [
        { name: 'reports.preview, 3,321 communes, vs the same rows by plain SQL', baselineMs, subjectMs, note: `${m.ntm.assessed.value} communes assessed` },
        { name: 'report DOCX + XLSX from the model, vs the model as JSON', baselineMs: jsonMs, subjectMs: filesMs },
      ];
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
