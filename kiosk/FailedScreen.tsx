import { Listen } from './Listen.tsx';
import type { TakeFailure } from './take.ts';

interface Props {
  failure: TakeFailure;
  taking: boolean;
  onRetry: () => void;
  onBack: () => void;
  onHome: () => void;
}

/** Never leaves by itself: the villager still wants a ticket and decides what next. */
export function FailedScreen({ failure, taking, onRetry, onBack, onHome }: Props) {
  return (
    <main class="failed">
      <div role="alert">
        <h1>{failure.uncertain ? '取号结果不确定' : '没有取到号'}</h1>
        <p class="failed-message">{failure.message}</p>
      </div>
      <p>需要帮忙，请找大厅工作人员。</p>
      <div class="failed-actions">
        <Listen />
        {failure.retry && (
          <button class="take" disabled={taking} onClick={onRetry}>
            {taking ? '正在取号…' : '再试一次'}
          </button>
        )}
        <button class="back" onClick={onBack}>
          ‹ 返回
        </button>
        <button class="back" onClick={onHome}>
          回到首页
        </button>
      </div>
    </main>
  );
}
