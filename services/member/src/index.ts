import { createLogger, runUntilSignal } from '../../kit/src';
import { loadMemberConfig } from './config';
import { createMemberService } from './server';

const logger = createLogger('member');
runUntilSignal('member', logger, () => createMemberService(loadMemberConfig(), logger));
