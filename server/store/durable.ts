// Write a whole file so that after a crash or power cut it holds either the old
// content or the new, never a mix: temp file, fsync, rename, fsync the directory.
import { open, rename } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileDurable(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, file);
  await syncDir(path.dirname(file));
}

export async function syncDir(dir: string): Promise<void> {
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}
