import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { outboxEvents, type StoredEvent } from '../../../test/harness/outboxEvents';
import { createLogger, createOutbox, type Outbox, type PiiCipher } from '../../kit/src';
import { LATE_ASSESSMENT_TOPIC, lateAssessmentHandler } from '../src/commands/assessSignIn';
import { memberEventHandlers } from '../src/commands/memberEvents';
import { pii } from '../src/commands/__tests__/memberFixture';
import { memberSchema } from '../src/db/data-source';
import { memoryPeers, type MemoryMemberPeers } from './memoryPorts';

/** What a member command runs against in a command test: its real schema, in-memory peers and the real outbox. */
export interface MemberCommands extends CommandDatabase {
  pii: PiiCipher;
  peers: MemoryMemberPeers;
  /** The service's outbox as server.ts builds it (no dispatcher: tests call dispatch()). */
  outbox: Outbox;
  /** A key's outbox events in enqueue order. */
  events(key: string): Promise<StoredEvent[]>;
}

export async function openMemberCommands(): Promise<MemberCommands> {
  const db = await openCommandDatabase(memberSchema);
  const peers = memoryPeers();
  const outbox = createOutbox({
    dataSource: db.dataSource,
    handlers: {
      ...memberEventHandlers(peers.points, peers.benefits, peers.campaign),
      [LATE_ASSESSMENT_TOPIC]: lateAssessmentHandler(peers.risk),
    },
    logger: createLogger('member-command-test', 'silent'),
    intervalMs: 0,
  });
  return {
    ...db,
    pii,
    peers,
    outbox,
    events: (key) => outboxEvents(db.dataSource, key),
    close: async () => {
      await outbox.stop();
      await db.close();
    },
  };
}
