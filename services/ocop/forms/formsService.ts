import type { MethodParsedInput, OcopGeneratedFile } from '../../../core/contract/index';
import type { ServiceContext } from '../../context';
import { actorOf } from '../actor';
import { ocopSheet } from '../catalog';
import { getProduct } from '../products';
import type { FormDocument } from './formModel';
import { renderFormDocx } from './formDocx';
import { mau01, mau02, mau03, type FormData } from './ocopForms';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function loadFormData(ctx: ServiceContext, productId: string): Promise<FormData> {
  const actor = await actorOf(ctx);
  const product = await getProduct(ctx, productId);
  const { sheet } = ocopSheet(product.catalogVersion, product.sheetNo);
  const selfEvaluation = product.evaluations.find((e) => e.level === 'self') ?? null;
  return { product, office: actor.office, sheet, selfEvaluation, today: actor.today };
}

export function buildForm(id: 'mau_01' | 'mau_02' | 'mau_03', data: FormData): FormDocument {
  switch (id) {
    case 'mau_01':
      return mau01(data);
    case 'mau_02':
      return mau02(data);
    case 'mau_03':
      return mau03(data);
    default: {
      const never: never = id;
      throw new Error(`unknown form ${String(never)}`);
    }
  }
}

export async function generateForm(ctx: ServiceContext, input: MethodParsedInput<'ocop.forms.generate'>): Promise<OcopGeneratedFile> {
  const data = await loadFormData(ctx, input.productId);
  const form = buildForm(input.form, data);
  const bytes = await renderFormDocx(form);
  return { fileName: `${form.fileBase}-${data.product.productCode}.docx`, mime: DOCX_MIME, base64: bytes.toString('base64') };
}
