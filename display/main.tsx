// Entry of the wall screen (叫号屏): wires the browser's sound devices into the
// announcement queue and mounts the one root component.
import { render } from 'preact';
import '../web/base.css';
import './display.css';
import { Announcer, type Announcement } from './announcer.ts';
import { Display } from './Display.tsx';
import { browserSound } from './voice.ts';

declare global {
  interface Window {
    /** The announcement record: what end-to-end tests check (headless Chromium has no voices), and staff can read in the console. */
    __announcements?: Announcement[];
  }
}

const sound = browserSound();
const announcer = new Announcer({ voices: sound.voices, chime: sound.chime, speak: sound.speak, play: sound.play });
window.__announcements = announcer.records;

render(<Display announcer={announcer} sound={sound} />, document.getElementById('app')!);
