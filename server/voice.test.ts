// The server voice's WAV tells its true length, so the wall screen can record how long
// each call took to say (a rush must drain within 60 s of speech).
import { describe, expect, it } from 'vitest';
import { findEspeak, withWavSizes } from './voice.ts';

/** A 16-bit mono WAV header as espeak-ng writes it to a pipe: sizes unknown (0x7ffff000). */
function streamed(samples: number, rate = 22050): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(0x7ffff024, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(0x7ffff000, 40);
  return Buffer.concat([h, Buffer.alloc(samples * 2)]);
}

const seconds = (wav: Buffer) => wav.readUInt32LE(40) / wav.readUInt32LE(28);

describe('withWavSizes', () => {
  it('writes the true RIFF and data sizes into a streamed header', () => {
    const wav = withWavSizes(streamed(22050 * 3));
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.readUInt32LE(40)).toBe(22050 * 3 * 2);
    expect(seconds(wav)).toBe(3);
  });

  it('finds the data chunk after other chunks, and leaves what is not a WAV alone', () => {
    const plain = streamed(100);
    const list = Buffer.concat([Buffer.from('LIST', 'latin1'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0', 'latin1')]);
    const wav = withWavSizes(Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]));
    expect(wav.readUInt32LE(36 + 12 + 4)).toBe(200);
    const junk = Buffer.from('not a wav at all');
    expect(withWavSizes(junk)).toBe(junk);
  });

  it("gives espeak-ng's own output its length (when espeak-ng is installed)", async () => {
    const voice = await findEspeak();
    if (!voice) return; // CI installs espeak-ng; the header cases above run everywhere
    const wav = await voice.render('请A零一二号到三号窗口办理');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    // 13 characters at 140 words a minute: about 4.9 s (display/announcer.ts estimates from this).
    expect(seconds(wav)).toBeGreaterThan(3.5);
    expect(seconds(wav)).toBeLessThan(6.5);
  });
});
