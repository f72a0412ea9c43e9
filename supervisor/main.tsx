// Entry of the supervisor page (中心管理): mounts the one root component.
import { render } from 'preact';
import '../web/base.css';
import './supervisor.css';
import { Supervisor } from './Supervisor.tsx';

render(<Supervisor />, document.getElementById('app')!);
