import { render } from 'preact';
import '../web/base.css';
import './status.css';
import { Status } from './Status.tsx';
import { ratingKeyFrom, ticketIdFrom } from './ticketId.ts';

render(<Status ticketId={ticketIdFrom(location.pathname, location.search)} ratingKey={ratingKeyFrom(location.search)} />, document.getElementById('app')!);
