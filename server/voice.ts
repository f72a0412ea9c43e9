// Server-rendered announcements for wall screens whose browser has no Chinese voice:
// espeak-ng's Mandarin voice `cmn-latn-pinyin` reads Chinese characters correctly
// (its plain `cmn`/`zh` voice reads them as English letters).
import { execFile, spawn } from 'node:child_process';
import { HallError } from '../shared/core/errors.ts';

export interface Voice {
  /** WAV bytes of the text read aloud. */
  render(text: string): Promise<Buffer>;
}

const VOICE = 'cmn-latn-pinyin';

/** The espeak-ng voice when installed with Mandarin, else null. */
export function findEspeak(): Promise<Voice | null> {
  return new Promise((resolve) => {
    execFile('espeak-ng', ['--voices=cmn'], { timeout: 3000 }, (err, stdout) => {
      resolve(!err && stdout.includes(VOICE) ? espeak() : null);
    });
  });
}

function espeak(): Voice {
  const cache = new Map<string, Buffer>();
  let running = 0;
  const queue: (() => void)[] = [];
  const slot = async () => {
    if (running >= 2) await new Promise<void>((r) => queue.push(r));
    running++;
  };
  const release = () => {
    running--;
    queue.shift()?.();
  };
  return {
    async render(text) {
      const hit = cache.get(text);
      if (hit) return hit;
      // Each new text is a process: a flood of distinct requests waits in a short line,
      // and beyond it is turned away rather than queued without end.
      if (queue.length >= 8) throw new HallError('voice_busy', 503, '语音服务繁忙，请稍后再试');
      await slot();
      try {
        const wav = await new Promise<Buffer>((resolve, reject) => {
          // The text is an argument, never a shell string.
          // `--`: a template that starts with '-' is read aloud, never taken as an option.
          const p = spawn('espeak-ng', ['-v', VOICE, '-s', '140', '--stdout', '--', text], { stdio: ['ignore', 'pipe', 'ignore'] });
          const chunks: Buffer[] = [];
          const timer = setTimeout(() => p.kill('SIGKILL'), 5000);
          p.stdout.on('data', (c: Buffer) => chunks.push(c));
          p.on('error', reject);
          p.on('close', (code) => {
            clearTimeout(timer);
            code === 0 ? resolve(withWavSizes(Buffer.concat(chunks))) : reject(new Error(`espeak-ng exited ${code}`));
          });
        });
        if (cache.size >= 100) cache.delete(cache.keys().next().value!);
        cache.set(text, wav);
        return wav;
      } finally {
        release();
      }
    },
  };
}

/**
 * espeak-ng writing to a pipe cannot go back to fill in the WAV's sizes, so its header
 * says 0x7ffff000 bytes (13 hours). Written in, the browser knows the call's true
 * length from the header, as the wall screen's announcer records it.
 */
export function withWavSizes(wav: Buffer): Buffer {
  if (wav.length < 12 || wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE') return wav;
  for (let at = 12; at + 8 <= wav.length; ) {
    const id = wav.toString('latin1', at, at + 4);
    if (id === 'data') {
      const out = Buffer.from(wav);
      out.writeUInt32LE(out.length - 8, 4);
      out.writeUInt32LE(out.length - at - 8, at + 4);
      return out;
    }
    at += 8 + wav.readUInt32LE(at + 4) + (wav.readUInt32LE(at + 4) % 2);
  }
  return wav;
}
