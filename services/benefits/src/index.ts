import { createLogger, runUntilSignal } from '../../kit/src';
import { loadBenefitsConfig } from './config';
import { createBenefitsService } from './server';

const logger = createLogger('benefits');
runUntilSignal('benefits', logger, () => createBenefitsService(loadBenefitsConfig(), logger));
