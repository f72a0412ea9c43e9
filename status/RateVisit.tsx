// On the phone, once the visit is finished: the same rating as at the window, unless
// the visit was rated already (at the window pad or the kiosk). The pad and kiosk may
// still win the race; the server then says so and that is shown instead.
import { useEffect, useState } from 'preact/hooks';
import type { RatingSettings, TicketView } from '../shared/types.ts';
import { ratingSettings, ticketByNumber } from '../web/rating/api.ts';
import { RatingForm, RatingThanks, VisitLine, type Rated } from '../web/rating/RatingForm.tsx';

type Step =
  | { kind: 'checking' }
  | { kind: 'ask'; settings: RatingSettings }
  | { kind: 'rated-before' }
  | { kind: 'thanks'; rated: Rated; followUpDays: number }
  | { kind: 'refused'; message: string }
  | { kind: 'offline' };

export function RateVisit({ ticket, ratingKey }: { ticket: TicketView; ratingKey: string | null }) {
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([ticketByNumber(ticket.number), ratingSettings()]).then(
      ([found, settings]) => live && setStep(found.rated ? { kind: 'rated-before' } : { kind: 'ask', settings }),
      () => live && setStep({ kind: 'offline' }),
    );
    return () => {
      live = false;
    };
  }, [ticket.id, attempt]);

  // Opened without the 评价码 (the id typed by hand, a link passed on): it cannot rate.
  if (!ratingKey && step.kind === 'ask') {
    return (
      <section class="card rate-card">
        <p class="hint">要评价这次办事，请用手机扫号票上的二维码打开本页，或在取号机上按号码和评价码评价。</p>
      </section>
    );
  }

  switch (step.kind) {
    case 'checking':
      return null;
    case 'offline':
      return (
        <section class="card rate-card">
          <p class="hint">暂时连不上服务器，不能评价。</p>
          <button type="button" class="retry" onClick={() => setAttempt((n) => n + 1)}>
            再试一次
          </button>
        </section>
      );
    case 'rated-before':
      return (
        <section class="card rate-card">
          <p class="rate-done">这次办事已经评价过了，谢谢您！</p>
        </section>
      );
    case 'refused':
      return (
        <section class="card rate-card" role="alert">
          <p class="rate-done">{step.message}</p>
        </section>
      );
    case 'thanks':
      return (
        <section class="card rate-card">
          <RatingThanks rated={step.rated} followUpDays={step.followUpDays} />
        </section>
      );
    case 'ask': {
      const { settings } = step;
      return (
        <section class="card rate-card rate-ask">
          <VisitLine number={ticket.number} serviceName={ticket.serviceName} counterName={ticket.counterName} />
          <RatingForm
            ticketId={ticket.id}
            ratingKey={ratingKey!}
            reasons={settings.reasons}
            channel="phone"
            keypad={false}
            onRated={(rated) => setStep({ kind: 'thanks', rated, followUpDays: settings.followUpDays })}
            onRefused={(message) => setStep({ kind: 'refused', message })}
          />
        </section>
      );
    }
  }
}
