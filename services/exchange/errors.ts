import { AppError } from '../../core/errors';

/**
 * Error codes of the exchange use-cases, beyond the format's own (core/bundle/errors.ts). Each refusal of an
 * import has its own code; a refused bundle changes no data (only the import log records the attempt).
 */
export const EXCHANGE_ERROR_MESSAGES = {
  EXCHANGE_SETUP_REQUIRED: 'Cần hoàn tất thiết lập ban đầu của văn phòng trước khi trao đổi dữ liệu.',
  EXCHANGE_NOT_PROVINCE: 'Chỉ văn phòng cấp tỉnh mới nhập được gói dữ liệu của các đơn vị.',
  EXCHANGE_KEY_MISSING: 'Chưa tạo khoá cho văn phòng này. Hãy tạo khoá trong mục Trao đổi dữ liệu.',
  EXCHANGE_KEY_EXISTS:
    'Văn phòng đã có khoá loại này. Tạo khoá mới sẽ thay khoá cũ: các đơn vị phải đăng ký lại khoá công khai mới.',
  EXCHANGE_PASSPHRASE_REQUIRED:
    'Máy này không có kho khoá của hệ điều hành: cần nhập mật khẩu bảo vệ khoá (ít nhất 8 ký tự).',
  EXCHANGE_PASSPHRASE_NEEDED: 'Khoá bí mật của văn phòng được bảo vệ bằng mật khẩu: hãy nhập mật khẩu khoá.',
  EXCHANGE_KEY_STORE_REQUIRED:
    'Khoá bí mật được bảo vệ bằng kho khoá của hệ điều hành: hãy dùng ứng dụng NTM Desk trên máy tính đã tạo khoá.',
  EXCHANGE_RECIPIENT_MISSING: 'Chưa đăng ký khoá nhận của văn phòng cấp tỉnh. Hãy nhập tệp khoá do tỉnh gửi.',
  EXCHANGE_PEER_KIND_WRONG: 'Tệp khoá này không dùng được ở đây.',
  EXCHANGE_PEER_KEY_TAKEN: 'Khoá công khai này đã được đăng ký cho một đơn vị khác.',
  EXCHANGE_PEER_OFFICE_INVALID: 'Mã đơn vị không hợp lệ (ví dụ: X12345 cho xã, H123 cho huyện trước 01/7/2025).',
  EXCHANGE_PEER_NOT_FOUND: 'Không tìm thấy đơn vị hoặc khoá đã đăng ký.',
  EXCHANGE_EXPORT_NOT_FOUND: 'Không tìm thấy lần xuất gói dữ liệu này.',
  EXCHANGE_EXPORT_FILE_MISSING: 'Tệp gói dữ liệu đã xuất không còn trong thư mục dữ liệu. Hãy xuất lại.',
  EXCHANGE_ACK_STALE: 'Lần xuất này cũ hơn lần xuất đã được tỉnh xác nhận; không cần xác nhận nữa.',
  EXCHANGE_FILE_TOO_LARGE: 'Tệp quá lớn để tải qua giao diện này. Hãy dùng dòng lệnh (npm run cli -- bundle ...).',
  EXCHANGE_FILE_INVALID: 'Nội dung tệp gửi lên không hợp lệ (base64).',
  BUNDLE_REPLAY:
    'Gói dữ liệu này đã được nhập trước đây, hoặc cũ hơn gói đã nhập của cùng đơn vị. Không nhập lại để tránh ghi đè dữ liệu mới bằng dữ liệu cũ.',
  BUNDLE_OWN_OFFICE: 'Đây là gói dữ liệu do chính văn phòng này xuất ra, không nhập vào được.',
  BUNDLE_RECORD_TYPE_UNKNOWN:
    'Gói dữ liệu chứa loại dữ liệu mà phiên bản phần mềm này chưa biết. Hãy cập nhật NTM Desk rồi nhập lại.',
  BUNDLE_RECORD_FOREIGN_OFFICE:
    'Gói dữ liệu chứa bản ghi của một đơn vị khác: mỗi đơn vị chỉ được gửi dữ liệu của chính mình.',
  BUNDLE_RECORD_OWNER_CONFLICT:
    'Gói dữ liệu định ghi đè một bản ghi đang thuộc về đơn vị khác. Gói bị từ chối.',
  BUNDLE_REFERENCE_INVALID:
    'Một bản ghi trong gói tham chiếu tới dữ liệu không có (hoặc thuộc đơn vị khác), ví dụ đánh giá của một xã chưa được gửi.',
  BUNDLE_RECORD_CONFLICT: 'Một bản ghi trong gói trùng khoá với bản ghi đã có (cùng xã, cùng kỳ...). Gói bị từ chối.',
  BUNDLE_UNIT_UNKNOWN: 'Gói dữ liệu ghi một mã đơn vị hành chính không có trong danh mục (trước hay sau ngày 01/07/2025). Gói bị từ chối.',
  BUNDLE_UNIT_ERA_MISMATCH:
    'Gói dữ liệu có bản ghi ghi cho xã không tồn tại vào ngày của bản ghi (xã cũ sau ngày 01/07/2025, hoặc xã mới trước ngày đó). Gói bị từ chối.',
} as const satisfies Record<string, string>;

export type ExchangeErrorCode = keyof typeof EXCHANGE_ERROR_MESSAGES;

export function exchangeError(code: ExchangeErrorCode, details?: Record<string, unknown>): AppError {
  return new AppError(code, EXCHANGE_ERROR_MESSAGES[code], details);
}
