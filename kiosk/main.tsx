import { render } from 'preact';
import '../web/base.css';
import './kiosk.css';
import { Kiosk } from './Kiosk.tsx';

// A long press on a touch screen opens the browser's menu; elderly users press long.
document.addEventListener('contextmenu', (e) => e.preventDefault());

render(<Kiosk />, document.getElementById('app')!);
