import { render } from 'preact';
import '../web/base.css';
import './pad.css';
import { counterIdFrom } from './counterId.ts';
import { Pad } from './Pad.tsx';

// A long press on a touch screen opens the browser's menu; elderly users press long.
document.addEventListener('contextmenu', (e) => e.preventDefault());

render(<Pad suggested={counterIdFrom(location.search)} />, document.getElementById('app')!);
