// What the kiosk says when a take fails: only a refusal it can be sure of says so.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../web/api.ts';
import { takeFailure } from './take.ts';

describe('takeFailure', () => {
  it('shows a 429 as the server wrote it, certain, and lets the villager try again later', () => {
    const f = takeFailure(new ApiError(429, 'too_many_requests', '取号太频繁，请稍等一会儿再取'));
    expect(f).toEqual({ message: '取号太频繁，请稍等一会儿再取', retry: true });
    expect(f.uncertain).toBeUndefined();
  });

  it('never says a lost answer took nothing', () => {
    expect(takeFailure(new ApiError(0, 'network', '连接服务器失败'))).toMatchObject({ uncertain: true, retry: true });
  });

  it('shows other refusals as written, without a retry that would be refused again', () => {
    expect(takeFailure(new ApiError(409, 'service_closed', '现在不是办公时间，请在办公时间内取号'))).toEqual({ message: '现在不是办公时间，请在办公时间内取号', retry: false });
  });
});
