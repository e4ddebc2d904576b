import { ApiError, fieldErrors } from '../../api/client';
import type { OfficeFormValues } from './OfficeForm';

export function formToSetupInput(v: OfficeFormValues) {
  return {
    kind: v.kind,
    provinceCode: v.provinceCode ?? '',
    unitCode: (v.kind === 'province' ? v.provinceCode : v.unitCode) ?? '',
    officeName: v.officeName,
    parentBodyName: v.parentBodyName,
    staffName: v.staffName,
  };
}

/** Field errors from the contract's validation, or the whole message under `_form`. */
export function errorsOf(e: unknown): Record<string, string> {
  if (!e) return {};
  const fields = fieldErrors(e);
  if (Object.keys(fields).length > 0) return fields;
  if (e instanceof ApiError && e.code.startsWith('UNIT_')) return { unitCode: e.message, _form: e.message };
  return { _form: e instanceof Error ? e.message : String(e) };
}
