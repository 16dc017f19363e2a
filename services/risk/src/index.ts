import { createLogger, runUntilSignal } from '../../kit/src';
import { loadRiskConfig } from './config';
import { createRiskService } from './server';

const logger = createLogger('risk');
runUntilSignal('risk', logger, () => createRiskService(loadRiskConfig(), logger));
