// Entry of the county center's page (电子监察): mounts the one root component.
import { render } from 'preact';
import '../web/base.css';
import '../supervisor/supervisor.css';
import './county.css';
import { County } from './County.tsx';

render(<County />, document.getElementById('app')!);
