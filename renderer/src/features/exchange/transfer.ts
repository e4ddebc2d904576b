import { call } from '../../api/client';
import { fileToBase64 } from './files';

/*
 * Bundles of any size cross the contract in chunks (services/exchange/uploads.ts), whatever the host: a district's
 * bundle with its scanned evidence is easily larger than one request.
 */

/** Uploads a picked file chunk by chunk; returns the upload id to import. `onProgress` gets bytes sent so far. */
export async function uploadInChunks(file: File, onProgress?: (sent: number) => void): Promise<string> {
  const { uploadId, chunkBytes } = await call('exchange.upload.begin', { fileName: file.name, size: file.size });
  let offset = 0;
  onProgress?.(0);
  while (offset < file.size) {
    const end = Math.min(file.size, offset + chunkBytes);
    const contentBase64 = await fileToBase64(new File([file.slice(offset, end)], file.name));
    ({ received: offset } = await call('exchange.upload.append', { uploadId, offset, contentBase64 }));
    onProgress?.(offset);
  }
  return uploadId;
}

/** Downloads one export chunk by chunk and saves it as a file. */
export async function downloadExportInChunks(sequence: number, onProgress?: (received: number, size: number) => void): Promise<void> {
  const parts: BlobPart[] = [];
  let fileName: string | undefined;
  for (let offset = 0; ; ) {
    const chunk = await call('exchange.bundle.downloadChunk', { sequence, offset });
    fileName = chunk.fileName;
    const bytes = Uint8Array.from(atob(chunk.contentBase64), (c) => c.charCodeAt(0));
    if (bytes.length > 0) parts.push(bytes);
    offset += bytes.length;
    onProgress?.(offset, chunk.size);
    if (bytes.length === 0 || offset >= chunk.size) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName ?? `goi-du-lieu-${sequence}.ntmb`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
