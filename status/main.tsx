import { render } from 'preact';
import '../web/base.css';
import './status.css';
import { Status } from './Status.tsx';
import { ticketIdFrom } from './ticketId.ts';

render(<Status ticketId={ticketIdFrom(location.pathname, location.search)} />, document.getElementById('app')!);
