// GET /api/announce.wav: the call read aloud by the server (fallback voice).
import { Router } from 'express';
import { spokenText } from '../../shared/core/announce.ts';
import { counterById } from '../../shared/core/commands.ts';
import { HallError } from '../../shared/core/errors.ts';
import type { Hall } from '../hall.ts';
import type { Voice } from '../voice.ts';
import { routesOn } from './route.ts';

export type { Voice };

export function voiceRoutes(hall: Hall, voice: Voice | null): Router {
  const r = Router();
  const on = routesOn(r, hall);
  on('voice', () => ({ serverVoice: voice !== null }));
  on('announce', async ({ query: q }, _req, res) => {
    if (!voice) throw new HallError('voice_unavailable', 503, '服务器未安装中文语音（espeak-ng），请在叫号屏浏览器中安装中文语音');
    const counter = counterById(hall.data, q.counterId) ?? (() => { throw new HallError('unknown_counter', 404, `没有 ${q.counterId} 号窗口`); })();
    const wav = await voice.render(spokenText(hall.data.settings.announcement.template, q.number, counter.name));
    res.type('audio/wav').set('Cache-Control', 'public, max-age=3600').send(wav);
  });
  return r;
}
