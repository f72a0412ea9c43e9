// A real, small file system for tests of a full disk: a tmpfs mounted for the test file
// (root only, as CI runs; elsewhere `mounted` is false and the test is skipped).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export interface SmallDisk {
  mounted: boolean;
  /** Where it is mounted. */
  dir: string;
  /** Fills it to the last byte. */
  fill(): void;
  /** Frees what `fill` took. */
  free(): void;
}

export function smallDisk(size: string): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'smalldisk-'));
  let mounted = false;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      /* not allowed here: the test is skipped */
    }
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', dir]);
  });
  const filler = path.join(dir, 'filler');
  return {
    mounted,
    dir,
    fill() {
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096);
      try {
        for (;;) writeSync(fd, block);
      } catch {
        for (;;) {
          try {
            writeSync(fd, block, 0, 1); // the last bytes of the last block
          } catch {
            break;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
  };
}
