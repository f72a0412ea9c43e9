// 评价 at the kiosk, step two: the shared rating form for the visit found by number.
import type { RatingSettings } from '../shared/types.ts';
import type { RatableTicket } from '../web/rating/api.ts';
import { RatingForm, VisitLine, type Rated } from '../web/rating/RatingForm.tsx';
import { Listen } from './Listen.tsx';

interface Props {
  ticket: RatableTicket;
  ratingKey: string;
  settings: RatingSettings;
  onRated: (rated: Rated) => void;
  onRefused: (message: string, code: string) => void;
  onBack: () => void;
}

export function RateScreen({ ticket, ratingKey, settings, onRated, onRefused, onBack }: Props) {
  return (
    <main class="rate-visit">
      <div class="rate-bar">
        <button class="back back-small" onClick={onBack}>
          ‹ 返回
        </button>
        <VisitLine number={ticket.number} serviceName={ticket.serviceName} counterName={ticket.counterName} />
        <Listen />
      </div>
      <RatingForm key={ticket.id} ticketId={ticket.id} ratingKey={ratingKey} reasons={settings.reasons} channel="kiosk" keypad onRated={onRated} onRefused={onRefused} />
    </main>
  );
}
