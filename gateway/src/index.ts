import { createLogger, runUntilSignal } from '../../services/kit/src';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

const logger = createLogger('gateway');
runUntilSignal('gateway', logger, () => createGateway(loadGatewayConfig(), logger));
