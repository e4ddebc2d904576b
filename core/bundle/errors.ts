import { AppError } from '../errors';

/**
 * Stable error codes of the exchange bundle. Each failure a reader can meet has its own code, so the UI and
 * the CLI can react to it (and a log line is enough to know what happened) without parsing the message.
 * The messages are for the person at the keyboard, in Vietnamese.
 */
export const BUNDLE_ERROR_MESSAGES = {
  BUNDLE_FILE_UNREADABLE: 'Không đọc được tệp gói dữ liệu.',
  BUNDLE_NOT_AGE: 'Tệp này không phải là gói dữ liệu mã hoá (định dạng age).',
  BUNDLE_TRUNCATED: 'Tệp gói dữ liệu bị cắt cụt hoặc chưa được sao chép đầy đủ. Hãy xin đơn vị gửi lại tệp.',
  BUNDLE_DECRYPT_FAILED: 'Tệp gói dữ liệu đã bị hỏng hoặc bị sửa đổi nên không giải mã được.',
  BUNDLE_WRONG_RECIPIENT:
    'Gói dữ liệu này không được mã hoá cho khoá của đơn vị bạn (hoặc phần đầu tệp đã bị hỏng).',
  BUNDLE_NOT_TAR: 'Nội dung gói dữ liệu không đúng cấu trúc (không phải kho tar hợp lệ).',
  BUNDLE_UNSUPPORTED_ENTRY: 'Gói dữ liệu chứa loại mục không được phép (liên kết, thư mục đặc biệt...).',
  BUNDLE_UNSAFE_PATH: 'Gói dữ liệu chứa tên tệp không an toàn (có "..", đường dẫn tuyệt đối hoặc ký tự cấm).',
  BUNDLE_DUPLICATE_ENTRY: 'Gói dữ liệu chứa hai tệp trùng tên.',
  BUNDLE_UNEXPECTED_ENTRY: 'Gói dữ liệu chứa tệp không được khai báo trong bản kê.',
  BUNDLE_MISSING_ENTRY: 'Gói dữ liệu thiếu tệp đã được khai báo trong bản kê.',
  BUNDLE_MANIFEST_MISSING: 'Gói dữ liệu không có bản kê (manifest.json) và chữ ký ở đầu gói.',
  BUNDLE_MANIFEST_INVALID: 'Bản kê (manifest.json) của gói dữ liệu không hợp lệ.',
  BUNDLE_FORMAT_UNKNOWN: 'Tệp này không phải là gói dữ liệu của NTM Desk.',
  BUNDLE_FORMAT_TOO_NEW:
    'Gói dữ liệu được tạo bởi phiên bản NTM Desk mới hơn. Hãy cập nhật phần mềm rồi nhập lại.',
  BUNDLE_SIGNATURE_MALFORMED: 'Tệp chữ ký của gói dữ liệu không đúng định dạng minisign.',
  BUNDLE_SIGNER_UNKNOWN: 'Gói dữ liệu được ký bởi một khoá chưa được đăng ký. Không thể xác nhận đơn vị gửi.',
  BUNDLE_SIGNATURE_INVALID: 'Chữ ký của gói dữ liệu không hợp lệ: bản kê đã bị sửa đổi sau khi ký.',
  BUNDLE_OFFICE_MISMATCH: 'Mã đơn vị trong gói dữ liệu không khớp với đơn vị sở hữu khoá ký.',
  BUNDLE_HASH_MISMATCH: 'Nội dung một tệp trong gói dữ liệu không khớp với mã băm SHA-256 trong bản kê.',
  BUNDLE_COUNT_MISMATCH: 'Số bản ghi trong gói dữ liệu không khớp với số lượng khai báo trong bản kê.',
  BUNDLE_TOO_LARGE: 'Gói dữ liệu vượt quá giới hạn kích thước cho phép.',
  BUNDLE_TOO_MANY_ENTRIES: 'Gói dữ liệu chứa quá nhiều tệp.',
  BUNDLE_INVALID_UTF8: 'Dữ liệu trong gói không phải văn bản UTF-8 hợp lệ.',
  BUNDLE_INVALID_JSON: 'Một dòng dữ liệu trong gói không phải JSON hợp lệ.',
  BUNDLE_RECORD_INVALID: 'Một bản ghi trong gói dữ liệu không hợp lệ.',
  BUNDLE_DUPLICATE_ID: 'Gói dữ liệu chứa hai bản ghi trùng mã (id).',
  BUNDLE_INPUT_INVALID: 'Dữ liệu đầu vào để tạo gói không hợp lệ.',
  BUNDLE_ATTACHMENT_MISSING: 'Không tìm thấy hoặc không đọc được tệp đính kèm cần đưa vào gói.',
  BUNDLE_WRITE_FAILED: 'Không ghi được tệp gói dữ liệu.',
  KEY_INVALID: 'Tệp khoá không đúng định dạng.',
  KEY_WRONG_PASSPHRASE: 'Mật khẩu khoá không đúng.',
  KEY_PROTECTION_REQUIRED: 'Khoá bí mật phải được bảo vệ bằng mật khẩu hoặc kho khoá của hệ điều hành.',
  KEY_STORE_UNAVAILABLE: 'Kho khoá của hệ điều hành không sẵn sàng trên máy này.',
} as const satisfies Record<string, string>;

export type BundleErrorCode = keyof typeof BUNDLE_ERROR_MESSAGES;

export function bundleError(code: BundleErrorCode, details?: Record<string, unknown>): AppError {
  return new AppError(code, BUNDLE_ERROR_MESSAGES[code], details);
}
