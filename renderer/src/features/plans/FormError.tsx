import { Alert } from '@mantine/core';
import { ApiError, fieldErrors } from '../../api/client';

/**
 * A form's errors from the service: VALIDATION_FAILED issues keyed by field path (the form puts them under its
 * fields), and for any other error, or an issue no field shows, the Vietnamese message with its code in an alert.
 */
export function formErrors(e: unknown): Record<string, string> {
  return fieldErrors(e);
}

export type FormErrorProps = { error: unknown; placed?: (path: string) => boolean; testId?: string };

export function FormError({ error, placed = () => false, testId = 'form-error' }: FormErrorProps) {
  if (!error) return null;
  const fields = fieldErrors(error);
  const keys = Object.keys(fields);
  if (keys.length > 0 && keys.every(placed)) {
    // Every message sits under its field; a long form may have scrolled them out of sight, so say where to look.
    return (
      <Alert color="red" role="alert" data-testid={testId}>
        Chưa lưu được: hãy sửa các ô có thông báo màu đỏ ở trên.
      </Alert>
    );
  }
  const text = error instanceof ApiError ? `${error.message} (mã lỗi ${error.code})` : error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {text}
    </Alert>
  );
}
