// GET /api/announce.wav: the call read aloud by the server (fallback voice).
import { Router } from 'express';
import { z } from 'zod';
import { HallError } from '../../shared/core/errors.ts';
import type { Queries } from '../queries.ts';
import type { Voice } from '../voice.ts';
import { parse } from './validate.ts';

export type { Voice };

const query = z.object({ number: z.string().regex(/^[A-Z][0-9]{3,6}$/, '号码格式应为字母加数字，如 A012'), counterId: z.string().min(1).max(64) });

export function voiceRoutes(queries: Queries, voice: Voice | null): Router {
  const r = Router();
  r.get('/voice', (_req, res) => {
    res.json({ serverVoice: voice !== null });
  });
  r.get('/announce.wav', async (req, res) => {
    const q = parse(query, req.query);
    if (!voice) throw new HallError('voice_unavailable', 503, '服务器未安装中文语音（espeak-ng），请在叫号屏浏览器中安装中文语音');
    const text = await queries.spokenCall(q.counterId, q.number);
    if (text === null) throw new HallError('unknown_counter', 404, `没有 ${q.counterId} 号窗口`);
    const wav = await voice.render(text);
    res.type('audio/wav').set('Cache-Control', 'public, max-age=3600').send(wav);
  });
  return r;
}
