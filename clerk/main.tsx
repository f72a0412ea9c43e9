// Entry of the clerk console (窗口工作台): mounts the one root component.
import { render } from 'preact';
import '../web/base.css';
import './clerk.css';
import { Clerk } from './Clerk.tsx';

render(<Clerk />, document.getElementById('app')!);
