// Journals of every version, read back: lines of facts (today's) and lines of commands
// (written before facts existed), which run through today's rules once more.
import { apply, applyFacts, type Effects } from '../../shared/core/commands.ts';
import type { HallData } from '../../shared/types.ts';
import type { JournalLine } from './index.ts';

/**
 * One journal entry onto the state. Facts always apply; a legacy command that no
 * longer passes the rules is logged and skipped, as it was before facts existed.
 */
export function replay(data: HallData, entry: JournalLine, log?: (msg: string) => void): Effects {
  if ('f' in entry) return applyFacts(data, entry.f);
  try {
    // Ratings written before rating keys existed were accepted then without one.
    return apply(data, entry.c.type === 'rate' ? { ...entry.c, recorded: true } : entry.c);
  } catch (e) {
    log?.(`journal entry ${entry.s} (${entry.c.type}) no longer applies: ${(e as Error).message}`);
    return { facts: [] };
  }
}
