// Moving file bytes between the page and the engine: base64 both ways (the contract carries JSON),
// and a download the browser or Electron saves where the person chooses.
import { call } from '../../api/client';

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole large file overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBlob(data: string, type = 'application/octet-stream'): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Stages picked files with the engine; several files (a nodes/edges CSV pair) share a folder. */
export async function stageFiles(files: File[]): Promise<string> {
  let batch: string | undefined;
  let staged = { path: '', folder: '' };
  for (const file of files) {
    const r = await call('file.stage', { name: file.name, dataBase64: await fileToBase64(file), ...(batch ? { batch } : {}) });
    batch = r.batch;
    staged = r;
  }
  return files.length > 1 ? staged.folder : staged.path;
}

export async function downloadStaged(paths: string[]): Promise<void> {
  for (const path of paths) {
    const f = await call('file.fetch', { path });
    download(base64ToBlob(f.dataBase64), f.name);
  }
}
