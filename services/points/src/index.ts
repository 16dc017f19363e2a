import { createLogger, runUntilSignal } from '../../kit/src';
import { loadPointsConfig } from './config';
import { createPointsService } from './server';

const logger = createLogger('points');
runUntilSignal('points', logger, () => createPointsService(loadPointsConfig(), logger));
