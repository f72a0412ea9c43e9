// After a rating at the kiosk: the thanks, then back to the start by itself.
import { RatingThanks, type Rated } from '../web/rating/RatingForm.tsx';
import { ThanksScreen } from './ThanksScreen.tsx';

export function RatedScreen({ rated, followUpDays, seconds, onDone }: { rated: Rated; followUpDays: number; seconds: number; onDone: () => void }) {
  return (
    <ThanksScreen seconds={seconds} onDone={onDone}>
      <RatingThanks rated={rated} followUpDays={followUpDays} />
    </ThanksScreen>
  );
}
