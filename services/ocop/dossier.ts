import { join } from 'node:path';
import type { MethodParsedInput, OcopDossierItemState, OcopDossierView, OcopGeneratedFile } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { RegistrationKind } from '../../core/ocop';
import { productDossierItems } from '../../core/ocop';
import { writeAudit } from '../../db/audit';
import {
  getDossierFileRow,
  insertDossierFile,
  listDossierFileRows,
  listDossierItemRows,
  tombstoneDossierFile,
  upsertDossierItem,
  type DossierFileRow,
} from '../../db/ocop/dossier';
import type { Database } from '../../db/schema';
import type { Kysely } from 'kysely';
import { readAttachment, storeAttachment } from '../attachments';
import type { ServiceContext } from '../context';
import { actorOf } from './actor';
import { requireProductRow } from './productRows';

export function attachmentStore(ctx: ServiceContext): string {
  return join(ctx.dataDir, 'attachments');
}

/** The checklist with each item's files and state, and what is still missing among the required ones. */
export async function dossierView(db: Kysely<Database>, productId: string, kind: RegistrationKind, sheetNo: number): Promise<OcopDossierView> {
  const states = new Map((await listDossierItemRows(db, productId)).map((r) => [r.item_id, r]));
  const files = await listDossierFileRows(db, productId);
  const items = productDossierItems(kind, sheetNo).map((item) => {
    const own = files.filter((f) => f.item_id === item.id);
    const stateRow = states.get(item.id);
    const state: OcopDossierItemState =
      stateRow && stateRow.state !== 'missing' ? stateRow.state : own.length > 0 ? 'attached' : 'missing';
    return {
      id: item.id,
      title: item.title,
      article: item.article,
      note: item.note ?? null,
      stage: item.stage,
      required: item.required,
      generated: item.generated,
      physical: item.physical,
      state,
      stateNote: stateRow?.note ?? null,
      files: own.map(rowToFile),
    };
  });
  const required = items.filter((i) => i.required);
  // A form the app writes is always there; anything else needs a file, or the paper copy marked as received.
  const missing = required.filter((i) => !i.generated && i.state === 'missing');
  const satisfied = required.length - missing.length;
  return {
    productId,
    registrationKind: kind,
    items,
    required: required.length,
    satisfied,
    percent: required.length === 0 ? 100 : Math.floor((satisfied * 100) / required.length),
    missing: missing.map((i) => ({ id: i.id, title: i.title })),
  };
}

function rowToFile(f: DossierFileRow) {
  return { id: f.id, fileName: f.file_name, size: f.size, mime: f.mime, sha256: f.sha256, addedAt: f.updated_at, addedBy: f.added_by };
}

export async function getDossier(ctx: ServiceContext, productId: string): Promise<OcopDossierView> {
  const product = await requireProductRow(ctx.db, productId);
  return dossierView(ctx.db, productId, product.registration_kind, product.sheet_no);
}

function requireItem(kind: RegistrationKind, sheetNo: number, itemId: string) {
  const item = productDossierItems(kind, sheetNo).find((i) => i.id === itemId);
  if (!item) {
    throw new AppError('OCOP_DOSSIER_ITEM_UNKNOWN', `Mục "${itemId}" không có trong danh mục hồ sơ của sản phẩm này.`, { itemId });
  }
  return item;
}

export async function addDossierFile(ctx: ServiceContext, input: MethodParsedInput<'ocop.dossier.addFile'>): Promise<OcopDossierView> {
  const actor = await actorOf(ctx);
  const product = await requireProductRow(ctx.db, input.productId);
  const item = requireItem(product.registration_kind, product.sheet_no, input.itemId);
  if (item.physical) {
    throw new AppError('OCOP_DOSSIER_ITEM_PHYSICAL', `"${item.title}" là sản phẩm mẫu: đánh dấu "Đã nhận" thay vì đính kèm tệp.`, { itemId: item.id });
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  const fileName = input.fileName.normalize('NFC');
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeAttachment(trx, attachmentStore(ctx), fileName, content, actor.at);
    await insertDossierFile(trx, {
      id, product_id: product.id, item_id: item.id, sha256: stored.sha256, file_name: fileName, added_by: actor.staffName,
      office_code: actor.office.officeCode, updated_at: actor.at,
    });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_dossier_file', entityId: id, action: 'add',
      before: null, after: { productId: product.id, itemId: item.id, fileName, sha256: stored.sha256, size: stored.size },
    });
  });
  return getDossier(ctx, product.id);
}

export async function removeDossierFile(ctx: ServiceContext, id: string): Promise<OcopDossierView> {
  const actor = await actorOf(ctx);
  const file = await getDossierFileRow(ctx.db, id);
  if (!file) throw new AppError('OCOP_DOSSIER_FILE_NOT_FOUND', 'Không tìm thấy tệp trong hồ sơ (có thể đã bị gỡ).', { id });
  await ctx.db.transaction().execute(async (trx) => {
    await tombstoneDossierFile(trx, id, actor.at);
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_dossier_file', entityId: id, action: 'remove',
      before: { productId: file.product_id, itemId: file.item_id, fileName: file.file_name, sha256: file.sha256 }, after: null,
    });
  });
  return getDossier(ctx, file.product_id);
}

export async function getDossierFile(ctx: ServiceContext, id: string): Promise<OcopGeneratedFile> {
  const file = await getDossierFileRow(ctx.db, id);
  if (!file) throw new AppError('OCOP_DOSSIER_FILE_NOT_FOUND', 'Không tìm thấy tệp trong hồ sơ (có thể đã bị gỡ).', { id });
  return { fileName: file.file_name, mime: file.mime, base64: readAttachment(attachmentStore(ctx), file.sha256).toString('base64') };
}

export async function setDossierState(ctx: ServiceContext, input: MethodParsedInput<'ocop.dossier.setState'>): Promise<OcopDossierView> {
  const actor = await actorOf(ctx);
  const product = await requireProductRow(ctx.db, input.productId);
  const item = requireItem(product.registration_kind, product.sheet_no, input.itemId);
  const before = (await listDossierItemRows(ctx.db, product.id)).find((r) => r.item_id === item.id) ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    await upsertDossierItem(trx, {
      id: before?.id ?? ctx.newId(), product_id: product.id, item_id: item.id, state: input.state, note: input.note ?? null,
      updated_by: actor.staffName, office_code: actor.office.officeCode, updated_at: actor.at,
    });
    await writeAudit(trx, {
      at: actor.at, staffId: actor.staffId, staffName: actor.staffName, entity: 'ocop_dossier_item', entityId: `${product.id}/${item.id}`,
      action: 'set_state', before: before ? { state: before.state, note: before.note } : null, after: { state: input.state, note: input.note ?? null },
    });
  });
  return getDossier(ctx, product.id);
}

/** The stored files of a product in checklist order, with their bytes: what the assembly and the ZIP carry. */
export async function dossierFilesInOrder(ctx: ServiceContext, view: OcopDossierView) {
  const out: { itemId: string; itemTitle: string; fileName: string; mime: string; sha256: string; content: Buffer }[] = [];
  for (const item of view.items) {
    for (const f of item.files) {
      out.push({ itemId: item.id, itemTitle: item.title, fileName: f.fileName, mime: f.mime, sha256: f.sha256, content: readAttachment(attachmentStore(ctx), f.sha256) });
    }
  }
  return out;
}
